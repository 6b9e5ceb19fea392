// A user's own Pulumi project outside the repository, as the README's "Use it in your own project" builds it: a fresh folder under the
// system temp dir, `npm init -y`, `npm install <packed tarball> @pulumi/pulumi typescript`, the doc's files, the
// doc's tsc steps, and stacks run with the project's *own* @pulumi/pulumi Automation API (the Node language host
// is not on the test machines). Shared by test/e2e/installed-package.test.ts and test/e2e/upgrade.test.ts.
// Choice: the checkout is packed once per test process (scripts/pack.ts, a clean compile), into a temp folder
// removed when the process exits.
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import type * as Automation from "@pulumi/pulumi/automation";
import { packPackage, type PackResult } from "../../scripts/pack";
import { projectProgram, repoRoot, type PulumiEnv } from "../../scripts/pulumi-env";

export const PULUMI_VERSION = "3.248.0";
export const TYPESCRIPT_VERSION = "5.9.3";
export const OWN_PROJECT_DOC = path.join(repoRoot, "README.md");
export const OWN_PROJECT_HEADING = "## Use it in your own project";

let packDir: string | undefined;
let checkoutPack: PackResult | undefined;

/** A temp folder for tarballs, removed at process exit. */
export function tarballDir(): string {
  if (!packDir) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pc-tarballs-"));
    packDir = dir;
    process.once("exit", () => fs.rmSync(dir, { recursive: true, force: true }));
  }
  return packDir;
}

/** The checkout packed (once per process). */
export function packCheckout(): PackResult {
  checkoutPack ??= packPackage({ outDir: tarballDir() });
  return checkoutPack;
}

export interface OwnProjectDoc {
  text: string;
  /** file name -> content, from the blocks marked `<!-- file: NAME -->`. */
  files: Record<string, string>;
  /** the `pulumi config set` keys, in order, and whether each is set with --secret. */
  configKeys: Array<{ key: string; secret: boolean }>;
}

/** file name -> content of the code blocks a doc marks with `<!-- file: NAME -->`. */
export function docFiles(text: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const m of text.matchAll(/<!-- file: (\S+) -->\n```\w*\n([\s\S]*?)```/g)) files[m[1]] = m[2];
  return files;
}

export function readOwnProjectDoc(): OwnProjectDoc {
  const readme = fs.readFileSync(OWN_PROJECT_DOC, "utf8");
  const start = readme.indexOf(`${OWN_PROJECT_HEADING}\n`);
  if (start < 0) throw new Error(`README.md has no "${OWN_PROJECT_HEADING}" section`);
  const end = readme.indexOf("\n## ", start + OWN_PROJECT_HEADING.length);
  const text = readme.slice(start, end < 0 ? undefined : end);
  const files = docFiles(text);
  const configKeys = [...text.matchAll(/^pulumi config set (--secret )?(\S+) /gm)].map((m) => ({
    key: m[2],
    secret: Boolean(m[1]),
  }));
  return { text, files, configKeys };
}

/** Runs a command in `cwd`; a failure names the command and shows the end of its output. */
export function run(cwd: string, command: string, args: string[], env: Record<string, string> = {}): string {
  try {
    return execFileSync(command, args, {
      cwd,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, ...env },
    });
  } catch (e) {
    const x = e as { stdout?: string; stderr?: string; status?: number };
    const tail = `${x.stdout ?? ""}\n${x.stderr ?? ""}`.trim().split("\n").slice(-25).join("\n");
    throw new Error(`\`${command} ${args.join(" ")}\` in ${cwd} exited with ${x.status}:\n${tail}`, { cause: e });
  }
}

/** A new folder under the system temp dir (never inside the checkout) with `npm init -y` done. */
export function createUserProject(prefix: string): string {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), prefix)));
  if (!path.relative(repoRoot, dir).startsWith("..")) throw new Error(`${dir} is inside the checkout ${repoRoot}`);
  run(dir, "npm", ["init", "-y"]);
  return dir;
}

/** `npm install <tarball> @pulumi/pulumi@X typescript@Y`, exact versions saved. */
export function installPackage(dir: string, tarball: string): void {
  run(dir, "npm", [
    "install",
    tarball,
    `@pulumi/pulumi@${PULUMI_VERSION}`,
    `typescript@${TYPESCRIPT_VERSION}`,
    "--save-exact",
    "--no-audit",
    "--no-fund",
  ]);
}

/** The installed package's folder, its version, and whether it is a real copy (not a link to the checkout). */
export function installedPackage(dir: string): { dir: string; version: string; isLink: boolean } {
  const pkgDir = path.join(dir, "node_modules", "pulumi-partner-center");
  const version = (JSON.parse(fs.readFileSync(path.join(pkgDir, "package.json"), "utf8")) as { version: string })
    .version;
  return { dir: fs.realpathSync(pkgDir), version, isLink: fs.lstatSync(pkgDir).isSymbolicLink() };
}

/** Every copy of pulumi-partner-center anywhere under the project's node_modules. */
export function copiesOfPackage(dir: string): string[] {
  const found: string[] = [];
  const walk = (d: string, depth: number): void => {
    if (depth > 8 || !fs.existsSync(d)) return;
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      if (!e.isDirectory() && !e.isSymbolicLink()) continue;
      const full = path.join(d, e.name);
      if (e.name === "pulumi-partner-center") found.push(full);
      else if (e.name.startsWith("@")) walk(full, depth + 1);
      if (fs.existsSync(path.join(full, "node_modules"))) walk(path.join(full, "node_modules"), depth + 1);
    }
  };
  walk(path.join(dir, "node_modules"), 0);
  return found;
}

/** Writes the doc's files into the project. */
export function writeDocFiles(dir: string, doc: OwnProjectDoc): void {
  for (const [name, content] of Object.entries(doc.files)) fs.writeFileSync(path.join(dir, name), content);
}

/** The project's own TypeScript: `npx tsc` with the given flags. */
export function tsc(dir: string, ...flags: string[]): string {
  return run(dir, "npx", ["--no-install", "tsc", ...flags]);
}

/** The Automation API of the project's own @pulumi/pulumi (one module instance with the program's). */
export function automationOf(dir: string): typeof Automation {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the project's own module instance, by path
  return require(require.resolve("@pulumi/pulumi/automation", { paths: [dir] })) as typeof Automation;
}

/** A stack of the project (its own Pulumi.yaml; the engine and the provider plugin run in `dir`), program = its `main`. */
export async function openUserStack(
  env: PulumiEnv,
  dir: string,
  stackName: string,
  config: Record<string, string>,
  secrets: Record<string, string>,
): Promise<Automation.Stack> {
  const auto = automationOf(dir);
  // The project's own PulumiCommand too: Automation tells "no such stack" apart by its own error classes.
  const pulumiCommand = await auto.PulumiCommand.get({
    root: path.dirname(path.dirname(env.command.command)),
    skipVersionCheck: true,
  });
  const settings = await (
    await auto.LocalWorkspace.create({ workDir: dir, envVars: env.envVars, pulumiCommand })
  ).projectSettings();
  const main = path.resolve(dir, settings.main ?? ".");
  const stack = await auto.LocalWorkspace.createOrSelectStack(
    { stackName, projectName: settings.name, program: projectProgram(main) },
    { workDir: dir, envVars: env.envVars, pulumiCommand },
  );
  const all: Automation.ConfigMap = {};
  for (const [k, v] of Object.entries(config)) all[k] = { value: v };
  for (const [k, v] of Object.entries(secrets)) all[k] = { value: v, secret: true };
  try {
    await stack.setAllConfig(all);
  } catch {
    // the CLI error repeats the command line, secrets included: name the keys only
    throw new Error(`pulumi config set-all failed for ${stackName} (keys: ${Object.keys(all).join(", ")})`);
  }
  return stack;
}

/** What the doc's `pulumi config set` lines need from a seeded emulator, split as the doc splits them. */
export interface SandboxValues {
  customerId: string;
  domain: string;
  tenantId: string;
  clientId: string;
  clientSecret: string;
  refreshToken: string;
  endpoint: string;
  authorityHost: string;
  caFile: string;
}

/** The sandbox values for `customer` of the seed's `partner` (App+User credentials) against `emu`, its CA in `caFile`. */
export function sandboxValues(
  partner: { tenantId: string; user: { clientId: string; clientSecret: string; refreshToken: string } },
  customer: { id: string; domain: string },
  emu: { url: string; authorityHost: string },
  caFile: string,
): SandboxValues {
  return {
    customerId: customer.id,
    domain: customer.domain,
    tenantId: partner.tenantId,
    clientId: partner.user.clientId,
    clientSecret: partner.user.clientSecret,
    refreshToken: partner.user.refreshToken,
    endpoint: emu.url,
    authorityHost: emu.authorityHost,
    caFile,
  };
}

/** The doc's config keys with sandbox values; throws when the doc sets a key this does not know, or misses one. */
export function docConfig(
  doc: OwnProjectDoc,
  v: SandboxValues,
): { config: Record<string, string>; secrets: Record<string, string> } {
  const values: Record<string, string> = {
    customerId: v.customerId,
    domain: v.domain,
    "partnercenter:tenantId": v.tenantId,
    "partnercenter:clientId": v.clientId,
    "partnercenter:clientSecret": v.clientSecret,
    "partnercenter:refreshToken": v.refreshToken,
    "partnercenter:endpoint": v.endpoint,
    "partnercenter:authorityHost": v.authorityHost,
    "partnercenter:caCertificate": v.caFile,
  };
  const docKeys = doc.configKeys.map((k) => k.key).sort();
  const known = Object.keys(values).sort();
  if (JSON.stringify(docKeys) !== JSON.stringify(known)) {
    throw new Error(
      `the README's own-project section sets config ${docKeys.join(", ")}; the test knows values for ${known.join(", ")}`,
    );
  }
  const config: Record<string, string> = {};
  const secrets: Record<string, string> = {};
  for (const { key, secret } of doc.configKeys) (secret ? secrets : config)[key] = values[key];
  return { config, secrets };
}

/** Drops the installed package's modules from this process's require cache (a new `pulumi up` is a new process). */
export function forgetPackageModules(dir: string): number {
  const root = fs.realpathSync(path.join(dir, "node_modules", "pulumi-partner-center")) + path.sep;
  const keys = Object.keys(require.cache).filter((k) => k.startsWith(root));
  for (const k of keys) delete require.cache[k];
  return keys.length;
}
