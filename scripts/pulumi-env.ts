// The offline Pulumi environment shared by `npm run demo` and the end-to-end tests: the CLI from
// scripts/ensure-pulumi.sh, a file backend in an ignored directory, passphrase secrets, no update checks,
// no plugin downloads, and stacks of this repository's Pulumi projects run through the Automation API
// (the Node language host is not needed: the program runs inline, in this process).
// Not set: PULUMI_SKIP_CONFIRMATIONS (it counts as --yes, which `refresh --preview-only` rejects).
// Choice: the passphrase is random per backend directory and kept in `<backend>/.passphrase` (mode 0600),
// used through PULUMI_CONFIG_PASSPHRASE_FILE, unless the caller's environment already sets one.
// Choice: a project is run from a temporary work dir with `main` pointing at its folder, because
// LocalWorkspace rewrites Pulumi.yaml and writes Pulumi.<stack>.yaml into its work dir.
import { execFileSync } from "child_process";
import * as crypto from "crypto";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { LocalWorkspace, PulumiCommand, Stack, ProjectSettings, ConfigMap } from "@pulumi/pulumi/automation";

/** The checkout (or installed package) root: the nearest folder up whose package.json is ours. */
export const repoRoot: string = (() => {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    const pkg = path.join(dir, "package.json");
    if (
      fs.existsSync(pkg) &&
      (JSON.parse(fs.readFileSync(pkg, "utf8")) as { name?: string }).name === "pulumi-partner-center"
    )
      return dir;
    if (path.dirname(dir) === dir)
      throw new Error(`pulumi-env: no pulumi-partner-center package.json above ${__dirname}`);
  }
})();

export interface PulumiEnvOptions {
  /** Directory of the file backend (created). Default: `<repo>/.cache/pulumi-backend`. */
  backendDir?: string;
  /** PULUMI_HOME (credentials, plugin cache). Default: `<repo>/.cache/pulumi-home`. */
  pulumiHome?: string;
}

export interface PulumiEnv {
  binDir: string;
  backendDir: string;
  pulumiHome: string;
  /** Environment for every CLI call (and so for the dynamic-provider plugin it starts). */
  envVars: Record<string, string>;
  command: PulumiCommand;
}

let cliDir: string | undefined;

/** Runs scripts/ensure-pulumi.sh once per process and returns the directory holding `pulumi`. */
export function ensurePulumiCli(): string {
  if (cliDir) return cliDir;
  const script = path.join(repoRoot, "scripts", "ensure-pulumi.sh");
  try {
    cliDir = execFileSync("bash", [script], { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] })
      .trim()
      .split("\n")
      .pop()!;
  } catch (e) {
    throw new Error(
      `No Pulumi CLI: ${script} failed (its message is above). Set PULUMI_CLI=/path/to/pulumi or install Go >= 1.25.`,
      { cause: e },
    );
  }
  if (!fs.existsSync(path.join(cliDir, "pulumi")))
    throw new Error(`ensure-pulumi.sh printed ${cliDir}, which holds no pulumi binary`);
  return cliDir;
}

function passphraseVars(backendDir: string): Record<string, string> {
  if (process.env.PULUMI_CONFIG_PASSPHRASE !== undefined || process.env.PULUMI_CONFIG_PASSPHRASE_FILE) return {};
  const file = path.join(backendDir, ".passphrase");
  if (!fs.existsSync(file))
    fs.writeFileSync(file, crypto.randomBytes(24).toString("base64url"), { mode: 0o600, flag: "wx" });
  return { PULUMI_CONFIG_PASSPHRASE_FILE: file };
}

/** Builds the offline environment and the PulumiCommand for it. */
export async function pulumiEnv(opts: PulumiEnvOptions = {}): Promise<PulumiEnv> {
  const binDir = ensurePulumiCli();
  const backendDir = path.resolve(opts.backendDir ?? path.join(repoRoot, ".cache", "pulumi-backend"));
  const pulumiHome = path.resolve(opts.pulumiHome ?? path.join(repoRoot, ".cache", "pulumi-home"));
  fs.mkdirSync(backendDir, { recursive: true });
  fs.mkdirSync(pulumiHome, { recursive: true });
  // node for the plugin script; the plugin script itself beside the CLI (ensure-pulumi.sh puts it there for its
  // own builds), else from our node_modules on PATH (the engine then warns once per command).
  const pathDirs = [binDir, path.dirname(process.execPath)];
  if (!fs.existsSync(path.join(binDir, "pulumi-resource-pulumi-nodejs")))
    pathDirs.push(path.join(repoRoot, "node_modules", "@pulumi", "pulumi"));
  const envVars: Record<string, string> = {
    PATH: [...pathDirs, process.env.PATH ?? ""].join(path.delimiter),
    PULUMI_BACKEND_URL: `file://${backendDir}`,
    PULUMI_HOME: pulumiHome,
    PULUMI_SKIP_UPDATE_CHECK: "true",
    PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
    PULUMI_AUTOMATION_API_SKIP_VERSION_CHECK: "true",
    PULUMI_DISABLE_REGISTRY_RESOLVE: "true",
    ...passphraseVars(backendDir),
  };
  const command = await PulumiCommand.get({ root: await cliRoot(binDir, pulumiHome), skipVersionCheck: true });
  return { binDir, backendDir, pulumiHome, envVars, command };
}

/** PulumiCommand wants `<root>/bin/pulumi`; a CLI elsewhere gets a link in PULUMI_HOME. */
async function cliRoot(binDir: string, pulumiHome: string): Promise<string> {
  if (path.basename(binDir) === "bin") return path.dirname(binDir);
  const root = path.join(pulumiHome, "cli");
  fs.mkdirSync(path.join(root, "bin"), { recursive: true });
  const link = path.join(root, "bin", "pulumi");
  fs.rmSync(link, { force: true });
  fs.symlinkSync(path.join(binDir, "pulumi"), link);
  return root;
}

export interface ProjectStackOptions {
  env: PulumiEnv;
  /** Folder of a Pulumi project (its Pulumi.yaml is read, never written). */
  projectDir: string;
  stackName: string;
  /** The program; default: the project's own main, as projectProgram runs it. */
  program?: () => Promise<Record<string, unknown> | void>;
  /** Plain stack config; keys without a namespace belong to the project. */
  config?: Record<string, string>;
  /** Secret stack config (stored encrypted with the backend's passphrase). */
  secrets?: Record<string, string>;
}

/** The project's settings with `main` made absolute (its folder when Pulumi.yaml names none). */
export async function projectSettingsOf(env: PulumiEnv, projectDir: string): Promise<ProjectSettings> {
  const dir = path.resolve(projectDir);
  const reader = await LocalWorkspace.create({ workDir: dir, pulumiCommand: env.command, envVars: env.envVars });
  const settings = await reader.projectSettings();
  return { ...settings, main: path.resolve(dir, settings.main ?? ".") };
}

/** The program a plain `pulumi up` would run: the project's `main` file, or its folder's index.js / index.ts
 *  (through ts-node); a module that exports a function is called, as the Node language host does. */
export function projectProgram(main: string): () => Promise<Record<string, unknown> | void> {
  return async () => {
    let entry = main;
    if (fs.statSync(main).isDirectory()) {
      entry =
        [path.join(main, "index.js"), path.join(main, "index.ts")].find((f) => fs.existsSync(f)) ??
        path.join(main, "index.js");
    }
    if (entry.endsWith(".ts")) registerTsNode();
    delete require.cache[require.resolve(entry)]; // a second run registers its resources again
    const mod = require(entry) as unknown;
    const result: unknown = typeof mod === "function" ? await (mod as () => unknown)() : mod;
    return result && typeof result === "object" ? { ...result } : undefined;
  };
}

function registerTsNode(): void {
  if ((process as unknown as { [k: symbol]: unknown })[Symbol.for("ts-node.register.instance")]) return;
  (require("ts-node") as typeof import("ts-node")).register({
    transpileOnly: true,
    project: path.join(repoRoot, "tsconfig.json"),
  });
}

/** Creates or selects a stack of a project folder in a fresh temporary work dir, with its config set. */
export async function openProjectStack(opts: ProjectStackOptions): Promise<Stack> {
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), "pc-workspace-"));
  const settings = await projectSettingsOf(opts.env, opts.projectDir);
  const programPath = settings.main!;
  // The engine (and so the provider plugin, which resolves the package from its cwd) runs in the project folder.
  const projectSettings = { ...settings, main: path.resolve(opts.projectDir) };
  const stack = await LocalWorkspace.createOrSelectStack(
    {
      stackName: opts.stackName,
      projectName: projectSettings.name,
      program: opts.program ?? projectProgram(programPath),
    },
    { workDir, projectSettings, envVars: opts.env.envVars, pulumiCommand: opts.env.command },
  );
  const config: ConfigMap = {};
  for (const [k, v] of Object.entries(opts.config ?? {})) config[k] = { value: v };
  for (const [k, v] of Object.entries(opts.secrets ?? {})) config[k] = { value: v, secret: true };
  if (Object.keys(config).length) {
    try {
      await stack.setAllConfig(config);
    } catch {
      // the CLI error repeats the command line, secrets included: report only the keys
      throw new Error(
        `pulumi config set-all failed for stack ${opts.stackName} (keys: ${Object.keys(config).join(", ")}); ` +
          `check the backend ${opts.env.backendDir} and its passphrase`,
      );
    }
  }
  return stack;
}

/** The engine's error lines from an Automation API failure, without the CLI command line (for short reports). */
export { failureSummary as engineErrorSummary } from "../provider/cli/report/drift-events";
