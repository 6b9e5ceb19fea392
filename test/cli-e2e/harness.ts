// The plain-CLI tier: what a user types, run as they type it. `pulumi` (and npm, npx partner-center) run as
// subprocesses with the Node.js language host, in temporary project folders outside the checkout that install the
// packed package, against an in-process emulator over HTTPS whose request log shows what each command sent.
// Choice: the checkout is packed once per test process and the tarball cached in a temp folder; one "shared"
// install (package + @pulumi/pulumi + typescript) is made once and linked into projects that do not test the
// install itself (`linkSharedInstall`), so the tier does few npm installs.
// Choice: every subprocess is spawned asynchronously: the emulator runs in this process and must keep answering.
//
// API (everything a test needs; see test/cli-e2e/own-project.test.ts for a use of each):
//   const env = await cliEnv()               offline env: temp file backend, passphrase file, PULUMI_HOME, no update
//                                             checks or plugin downloads; fails (never skips) without the language host
//   env.dispose()                            removes backend, home and every project made through it
//   const emu = await cliEmulator(dir)       emulator over HTTPS; emu.caFile (PEM written in dir), emu.partner(),
//                                             emu.customer(i), emu.mark() + emu.requestsSince(mark), emu.writesSince()
//   const sb = await sandboxEmulator(env, dir, "npx partner-center emulator --print-credentials")   a doc's line,
//                                             as a subprocess: sb.vars (its PARTNERCENTER_* lines), the same
//                                             request-log helpers, sb.stop()
//   const dir = env.project("name")          an empty folder outside the checkout
//   await npm(env, dir, ["install", ...])    npm with the test env; `packedTarball()` is the package's .tgz
//   await linkSharedInstall(env, dir)        node_modules -> the one shared install (package.json untouched)
//   const r = await pulumi(env, dir, ["preview", "--json"])   -> { code, stdout, stderr, ms }; a non-zero exit throws
//                                             unless { allowFailure: true }; `{ input }` feeds stdin
//   const r = await sh(env, dir, "pulumi preview --json | npx partner-center preview-report")  a doc line, via bash
//   stackConfig(env, dir, "dev", emu, {customerId: ...})  `pulumi config set` of the provider keys (secrets --secret)
//   const shell = new ShellSession(env, dir, vars); await shell.ok(line)   doc lines in one terminal (cd, variables)
//   previewSteps(r.stdout)                   the `--json` plan: [{ op, urn, type }] without the stack, plus summary
//   docSection(file, heading) / docBlocks(text) / docVariantBlock(text, name) / docShellLines(text) /
//   writeDocFiles(dir, text)                 a doc's code blocks; freePort() for a doc's fixed port
//   new DocExitCodes(text).check(line, r)    the exit code a doc states for a line (`# exit code N`, else 0)
//   requireLanguageHost(binDir)              the clear failure when pulumi-language-nodejs is missing
import { spawn } from "child_process";
import * as fs from "fs";
import * as net from "net";
import * as os from "os";
import * as path from "path";
import { startEmulator, type Emulator } from "../../emulator";
import { emulatorOk, type EmulatorEndpoint } from "../../scripts/emulator-http";
import { packPackage } from "../../scripts/pack";
import { pulumiEnv, repoRoot, type PulumiEnv } from "../../scripts/pulumi-env";
import { onLines } from "../stream-lines";

export { repoRoot };

export const PULUMI_VERSION = "3.248.0";
export const TYPESCRIPT_VERSION = "5.9.3";

export interface CliEnv extends PulumiEnv {
  /** Environment for every subprocess: the caller's, plus the offline Pulumi settings. */
  vars: NodeJS.ProcessEnv;
  /** Root of this env's temporary folders (outside the checkout). */
  root: string;
  /** A new empty folder `<root>/<name>-N`. */
  project(name: string): string;
  dispose(): void;
}

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
  /** wall time of the command in ms (for the measurements the README reports, never asserted) */
  ms: number;
}

/** Fails, with what to do, when the CLI directory has no Node.js language host (plain `pulumi up` needs it). */
export function requireLanguageHost(binDir: string): void {
  if (fs.existsSync(path.join(binDir, "pulumi-language-nodejs"))) return;
  throw new Error(
    `pulumi-language-nodejs is missing beside ${path.join(binDir, "pulumi")}: plain \`pulumi up\` of a Node.js project ` +
      "needs it. Run `bash scripts/ensure-pulumi.sh` and read its messages: it builds the host from its Go module, " +
      "else from PULUMI_LANGUAGE_NODEJS_SRC or ../shared/tools/pulumi-language-nodejs (needs Go >= 1.25).",
  );
}

/** A temporary offline Pulumi environment for plain CLI runs. */
export async function cliEnv(): Promise<CliEnv> {
  const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), "pc-cli-e2e-")));
  if (!path.relative(repoRoot, root).startsWith("..")) throw new Error(`${root} is inside the checkout ${repoRoot}`);
  const base = await pulumiEnv({ backendDir: path.join(root, "backend"), pulumiHome: path.join(root, "home") });
  requireLanguageHost(base.binDir);
  const home = path.join(root, "user-home");
  fs.mkdirSync(home);
  const vars: NodeJS.ProcessEnv = {
    ...process.env,
    ...base.envVars,
    // a user answers "yes" at the prompt of `pulumi up` / `destroy`; this is that answer, the command line stays verbatim
    PULUMI_SKIP_CONFIRMATIONS: "true",
    NO_COLOR: "1",
    // `pulumi login --local` then keeps its stacks here, not in the real home; npm keeps the real cache
    HOME: home,
    npm_config_cache: process.env.npm_config_cache ?? path.join(os.homedir(), ".npm"),
    npm_config_update_notifier: "false",
    GIT_AUTHOR_NAME: "CSP Engineer",
    GIT_AUTHOR_EMAIL: "engineer@contoso.example",
    GIT_COMMITTER_NAME: "CSP Engineer",
    GIT_COMMITTER_EMAIL: "engineer@contoso.example",
  };
  // this process's test settings must not reach a user's program or the provider it starts
  for (const k of Object.keys(vars)) if (k.startsWith("PARTNERCENTER_") || k.startsWith("TS_NODE_")) delete vars[k];
  let n = 0;
  return {
    ...base,
    vars,
    root,
    project(name: string): string {
      const dir = path.join(root, `${name}-${++n}`);
      fs.mkdirSync(dir);
      return dir;
    },
    dispose: () => fs.rmSync(root, { recursive: true, force: true }),
  };
}

/** Runs a program with the env; rejects on a non-zero exit (naming the command, with its output's end) unless allowed. */
export function runCommand(
  env: CliEnv,
  cwd: string,
  command: string,
  args: string[],
  opts: { input?: string; allowFailure?: boolean; vars?: Record<string, string> } = {},
): Promise<RunResult> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env: { ...env.vars, ...opts.vars }, stdio: ["pipe", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (c: Buffer) => (stdout += c.toString()));
    child.stderr.on("data", (c: Buffer) => (stderr += c.toString()));
    child.on("error", reject);
    child.on("close", (code) => {
      const result = { code: code ?? -1, stdout, stderr, ms: Date.now() - started };
      if (result.code !== 0 && !opts.allowFailure) {
        const tail = `${stdout}\n${stderr}`.trim().split("\n").slice(-30).join("\n");
        reject(new Error(`\`${command} ${args.join(" ")}\` in ${cwd} exited with ${result.code}:\n${tail}`));
      } else resolve(result);
    });
    child.stdin.end(opts.input ?? "");
  });
}

/** The plain `pulumi` CLI (the cached one, with the language host beside it). */
export function pulumi(
  env: CliEnv,
  cwd: string,
  args: string[],
  opts: { input?: string; allowFailure?: boolean; vars?: Record<string, string> } = {},
): Promise<RunResult> {
  return runCommand(env, cwd, path.join(env.binDir, "pulumi"), args, opts);
}

/** A documented shell line, run verbatim by bash in `cwd` (`pulumi`, `npx`, pipes and `$PWD` as a user has them). */
export function sh(
  env: CliEnv,
  cwd: string,
  line: string,
  opts: { allowFailure?: boolean; vars?: Record<string, string> } = {},
): Promise<RunResult> {
  return runCommand(env, cwd, "bash", ["-o", "pipefail", "-c", line], opts);
}

export function npm(env: CliEnv, cwd: string, args: string[]): Promise<RunResult> {
  return runCommand(env, cwd, "npm", args, { vars: { npm_config_audit: "false", npm_config_fund: "false" } });
}

let tarballPath: string | undefined;
/** The checkout packed with scripts/pack.ts, once per test process (removed at exit). */
export function packedTarball(): string {
  if (tarballPath) return tarballPath;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pc-cli-tarball-"));
  process.once("exit", () => fs.rmSync(dir, { recursive: true, force: true }));
  tarballPath = packPackage({ outDir: dir }).tarball;
  return tarballPath;
}

let sharedInstall: Promise<string> | undefined;
/** Links `<dir>/node_modules` to one install of the tarball, @pulumi/pulumi and typescript made once per process. */
export async function linkSharedInstall(env: CliEnv, dir: string): Promise<void> {
  sharedInstall ??= (async () => {
    const shared = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), "pc-cli-shared-")));
    process.once("exit", () => fs.rmSync(shared, { recursive: true, force: true }));
    fs.writeFileSync(path.join(shared, "package.json"), JSON.stringify({ name: "shared", private: true }));
    await npm(env, shared, [
      "install",
      packedTarball(),
      `@pulumi/pulumi@${PULUMI_VERSION}`,
      `typescript@${TYPESCRIPT_VERSION}`,
      "--save-exact",
    ]);
    return path.join(shared, "node_modules");
  })();
  fs.symlinkSync(await sharedInstall, path.join(dir, "node_modules"), "dir");
}

export interface CliEmulator extends Emulator {
  /** the emulator's CA certificate, written to a file for `partnercenter:caCertificate` */
  caFile: string;
  partner(): Emulator["seed"]["partners"][number];
  customer(i?: number): Emulator["seed"]["partners"][number]["customers"][number];
  /** the request log's current sequence number */
  mark(): Promise<number>;
  requestsSince(mark: number): Promise<LoggedRequest[]>;
  /** the requests after `mark` that can change Partner Center (anything but GET/HEAD and the token endpoint) */
  writesSince(mark: number): Promise<LoggedRequest[]>;
}

export interface LoggedRequest {
  seq: number;
  method: string;
  path: string;
  status: number;
  customerId: string | null;
}

/** Request-log helpers over any running emulator (in this process or a user's `partner-center emulator`). */
export function requestLog(emu: EmulatorEndpoint): Pick<CliEmulator, "mark" | "requestsSince" | "writesSince"> {
  const requestsSince = async (mark: number): Promise<LoggedRequest[]> => {
    const body = await emulatorOk<LoggedRequest[]>(emu, "GET", `/_emulator/requests?since=${mark}`);
    return body.filter((r) => !r.path.startsWith("/_emulator"));
  };
  return {
    async mark() {
      const all = await emulatorOk<LoggedRequest[]>(emu, "GET", "/_emulator/requests");
      return all.length ? all[all.length - 1].seq : 0;
    },
    requestsSince,
    async writesSince(mark: number) {
      return (await requestsSince(mark)).filter(
        (r) => !["GET", "HEAD"].includes(r.method) && !/\/oauth2\/v2\.0\/token$/.test(r.path),
      );
    },
  };
}

/** An emulator in this process over HTTPS (port 0), its CA in `<dir>/emulator-ca.pem`. */
export async function cliEmulator(dir: string): Promise<CliEmulator> {
  const emu = await startEmulator({});
  const caFile = path.join(dir, "emulator-ca.pem");
  fs.writeFileSync(caFile, emu.ca);
  const partner = () => emu.seed.partners.find((p) => p.tenantId === emu.seed.defaultPartnerId)!;
  return Object.assign(emu, { caFile, partner, customer: (i = 0) => partner().customers[i], ...requestLog(emu) });
}

export interface SandboxEmulator extends EmulatorEndpoint, ReturnType<typeof requestLog> {
  /** what it printed before "Press Ctrl+C" */
  lines: string[];
  /** its `PARTNERCENTER_*=value` lines (with --print-credentials), as a user exports them */
  vars: Record<string, string>;
  stop(): Promise<void>;
}

/** Runs a documented `npx partner-center emulator ...` line in `cwd` until stop(); resolves once it is ready. */
export function sandboxEmulator(env: CliEnv, cwd: string, line: string): Promise<SandboxEmulator> {
  const child = spawn("bash", ["-c", `exec ${line}`], {
    cwd,
    env: env.vars,
    stdio: ["ignore", "pipe", "pipe"],
    detached: true, // its own process group: stop() ends npx and the emulator under it
  });
  const lines: string[] = [];
  let stderr = "";
  child.stderr.on("data", (c: Buffer) => (stderr += c.toString()));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      process.kill(-child.pid!, "SIGKILL");
      reject(new Error(`\`${line}\` was not ready in 60 s:\n${lines.join("\n")}\n${stderr}`));
    }, 60_000);
    onLines(child.stdout, (parts) => {
      lines.push(...parts);
      if (!parts.some((l) => l.startsWith("Press Ctrl+C"))) return;
      clearTimeout(timer);
      const field = (label: string) =>
        lines
          .find((l) => l.trim().startsWith(label))
          ?.split(/:\s+/)[1]
          ?.split(/\s/)[0];
      const url = field("API base URL")!;
      const caFile = field("CA certificate")!;
      const vars = Object.fromEntries(
        lines
          .filter((l) => /^PARTNERCENTER_[A-Z_]+=/.test(l))
          .map((l) => [l.slice(0, l.indexOf("=")), l.slice(l.indexOf("=") + 1)]),
      );
      const endpoint = { url, authorityHost: url, ca: fs.readFileSync(path.resolve(cwd, caFile), "utf8") };
      resolve({
        ...endpoint,
        ...requestLog(endpoint),
        lines,
        vars,
        async stop() {
          if (child.exitCode !== null || child.signalCode !== null) return;
          process.kill(-child.pid!, "SIGINT");
          const killer = setTimeout(() => process.kill(-child.pid!, "SIGKILL"), 5_000);
          await exited;
          clearTimeout(killer);
        },
      });
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`\`${line}\` exited with ${code}:\n${lines.join("\n")}\n${stderr}`));
    });
  });
}

/** The provider settings for the emulator's default partner, plain and secret, as `pulumi config set` takes them. */
export function providerSettings(emu: CliEmulator): { plain: Record<string, string>; secret: Record<string, string> } {
  const p = emu.partner();
  return {
    plain: {
      "partnercenter:tenantId": p.tenantId,
      "partnercenter:clientId": p.user.clientId,
      "partnercenter:endpoint": emu.url,
      "partnercenter:authorityHost": emu.authorityHost,
      "partnercenter:caCertificate": emu.caFile,
    },
    secret: { "partnercenter:clientSecret": p.user.clientSecret, "partnercenter:refreshToken": p.user.refreshToken },
  };
}

/** `pulumi stack init` (or select) and `pulumi config set` of the provider settings plus `extra` plain keys. */
export async function stackConfig(
  env: CliEnv,
  dir: string,
  stack: string,
  emu: CliEmulator,
  extra: Record<string, string> = {},
): Promise<void> {
  const init = await pulumi(env, dir, ["stack", "init", stack], { allowFailure: true });
  if (init.code !== 0) await pulumi(env, dir, ["stack", "select", stack]);
  const { plain, secret } = providerSettings(emu);
  for (const [k, v] of Object.entries({ ...plain, ...extra })) await pulumi(env, dir, ["config", "set", k, v]);
  // the value on stdin, so it never appears in a command line or in an error this harness throws
  for (const k of Object.keys(secret)) await pulumi(env, dir, ["config", "set", "--secret", k], { input: secret[k] });
}

export interface PreviewStep {
  op: string;
  urn: string;
  type: string;
}

/** The steps of `pulumi preview --json` (or `up --json`) other than the stack's own, and its change summary. */
export function previewSteps(json: string): { steps: PreviewStep[]; summary: Record<string, number> } {
  let doc: { steps?: Array<{ op: string; urn: string; type?: string }>; changeSummary?: Record<string, number> };
  try {
    doc = JSON.parse(json);
  } catch {
    throw new Error(`not the JSON of \`pulumi preview --json\`:\n${json.slice(0, 400)}`);
  }
  const steps = (doc.steps ?? [])
    .filter((s) => !s.urn.includes("::pulumi:pulumi:Stack::") && !s.urn.includes("::pulumi:providers:"))
    .map((s) => ({ op: s.op, urn: s.urn, type: s.urn.split("::")[2]?.split(":").pop() ?? "" }));
  return { steps, summary: doc.changeSummary ?? {} };
}

/** The text of a Markdown file from the line `heading` to the next heading of the same or a higher level. */
export function docSection(file: string, heading: string): string {
  const text = fs.readFileSync(path.resolve(repoRoot, file), "utf8");
  const start = text.indexOf(`${heading}\n`);
  if (start < 0) throw new Error(`${file} has no "${heading}" section`);
  const level = heading.match(/^#+/)![0].length;
  const next = new RegExp(`\\n#{1,${level}} `, "g");
  next.lastIndex = start + heading.length;
  const end = next.exec(text)?.index;
  return text.slice(start, end);
}

/** file name -> content of the code blocks a doc marks with `<!-- file: NAME -->` on the line before. */
export function docBlocks(text: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const m of text.matchAll(/<!-- file: (\S+) -->\n```[\w-]*\n([\s\S]*?)```/g)) files[m[1]] = m[2];
  return files;
}

/** The block a doc marks `<!-- file: NAME (variant: WHAT) -->`: one file of an alternative setup. */
export function docVariantBlock(text: string, name: string): string {
  for (const m of text.matchAll(/<!-- file: (\S+) \(variant: [^)]*\) -->\n```[\w-]*\n([\s\S]*?)```/g))
    if (m[1] === name) return m[2];
  throw new Error(`no variant block for ${name}`);
}

/** A TCP port free right now on 127.0.0.1 (for a doc's fixed port, so parallel runs do not collide). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const port = (server.address() as net.AddressInfo).port;
      server.close(() => resolve(port));
    });
  });
}

/** Writes a doc's marked files (see docBlocks) into `dir`, creating folders; returns their names. */
export function writeDocFiles(dir: string, text: string): string[] {
  const files = docBlocks(text);
  for (const [name, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), content);
  }
  return Object.keys(files);
}

/** One bash process that runs doc lines one after another, as a user's terminal does: `cd`, variables and exports
 *  carry over from line to line. `run(line)` resolves with the line's exit code and its output (stdout and stderr). */
export class ShellSession {
  private readonly child;
  private buffer = "";
  private waiting?: (text: string) => void;
  private static readonly MARK = "__pc_cli_e2e_done__";

  constructor(env: CliEnv, cwd: string, vars: Record<string, string> = {}) {
    this.child = spawn("bash", ["--noprofile", "--norc"], {
      cwd,
      env: { ...env.vars, ...vars },
      stdio: ["pipe", "pipe", "pipe"],
    });
    this.child.stdin.write("set -o pipefail\nexec 2>&1\n");
    this.child.stdout.on("data", (c: Buffer) => {
      this.buffer += c.toString();
      if (this.waiting && this.buffer.includes(`${ShellSession.MARK} `) && this.buffer.endsWith("\n")) {
        const done = this.waiting;
        this.waiting = undefined;
        const text = this.buffer;
        this.buffer = "";
        done(text);
      }
    });
  }

  async run(line: string): Promise<RunResult> {
    if (this.waiting) throw new Error("ShellSession.run: one line at a time");
    const started = Date.now();
    const text = await new Promise<string>((resolve) => {
      this.waiting = resolve;
      this.child.stdin.write(`{\n${line}\n} </dev/null\nprintf '\\n${ShellSession.MARK} %s\\n' "$?"\n`);
    });
    const at = text.lastIndexOf(`${ShellSession.MARK} `);
    const code = Number(text.slice(at + ShellSession.MARK.length + 1).trim());
    const out = text.slice(0, at).replace(/\n$/, "");
    return { code, stdout: out, stderr: "", ms: Date.now() - started };
  }

  /** Runs a line that must exit 0; otherwise rejects with the line and the end of its output. */
  async ok(line: string): Promise<RunResult> {
    const r = await this.run(line);
    if (r.code !== 0)
      throw new Error(`\`${line}\` exited with ${r.code}:\n${r.stdout.split("\n").slice(-30).join("\n")}`);
    return r;
  }

  close(): void {
    this.child.stdin.end("exit\n");
  }
}

/** The exit codes a doc states for its command lines, in order: `# exit code N` after a line, else 0. */
export class DocExitCodes {
  private cursor = 0;
  constructor(private readonly text: string) {}

  /** The code stated for `line`, the next occurrence after the previous line asked for. */
  next(line: string): number {
    this.cursor = this.text.indexOf(line, this.cursor);
    const stated = /# exit code (\d)/.exec(this.text.slice(this.cursor).split("\n")[0])?.[1];
    this.cursor += line.length;
    return Number(stated ?? 0);
  }

  /** Fails unless `r` exited with the code the doc states for `line`. */
  check(line: string, r: RunResult): void {
    const expected = this.next(line);
    if (r.code !== expected)
      throw new Error(`\`${line}\` exited with ${r.code}, the doc says ${expected}:\n${r.stdout.slice(-3000)}`);
  }
}

/** The command lines of a doc's ```bash blocks (comments after `#` removed, blank lines skipped). */
export function docShellLines(text: string): string[] {
  const lines: string[] = [];
  for (const m of text.matchAll(/```(?:bash|sh|shell)\n([\s\S]*?)```/g)) {
    for (const raw of m[1].split("\n")) {
      const line = raw.replace(/\s+#\s.*$/, "").trim();
      if (line && !line.startsWith("#")) lines.push(line);
    }
  }
  return lines;
}
