// What every `partner-center` sub-command is built from: its shape, the I/O it writes to, usage errors, flag parsing,
// and the Pulumi project folder and CLI of the commands that run `pulumi`.
import { chmodSync, existsSync, readFileSync, writeFileSync } from "fs";
import { dirname, join, resolve } from "path";
import { parseArgs, type ParseArgsConfig } from "util";

export interface Io {
  out(line: string): void;
  err(line: string): void;
  /** resolves when the process should stop (default: SIGINT or SIGTERM) */
  waitForStop(): Promise<void>;
}

export interface Command {
  summary: string;
  usage: string;
  run(argv: string[], io: Io): Promise<number>;
}

/** A bad flag or argument: main prints the message and the command's usage, and exits 2. */
export class UsageError extends Error {}

export function packageVersion(): string {
  for (let dir = __dirname; ; dir = dirname(dir)) {
    const file = join(dir, "package.json");
    if (existsSync(file)) {
      const pkg = JSON.parse(readFileSync(file, "utf8")) as { name?: string; version?: string };
      if (pkg.name === "pulumi-partner-center") return pkg.version ?? "0.0.0";
    }
    if (dirname(dir) === dir) return "0.0.0";
  }
}

/** Strict flag parsing: an unknown flag or a missing value is a UsageError. */
export function parse<T extends ParseArgsConfig["options"] & object>(
  argv: string[],
  options: T,
): ReturnType<typeof parseArgs<{ options: T; strict: true; allowPositionals: false }>>["values"] {
  try {
    return parseArgs({ args: argv, options, strict: true, allowPositionals: false }).values;
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
}

export function writePrivateFile(path: string, text: string): void {
  writeFileSync(path, text, { mode: 0o600 });
  chmodSync(path, 0o600);
}

export const PROJECT_FILES = ["Pulumi.yaml", "Pulumi.yml", "Pulumi.json"];

export const pulumiNotFound = (what: string) =>
  `the Pulumi CLI (\`pulumi\`) was not found on PATH; ${what}. ` +
  "Fix: install it (https://www.pulumi.com/docs/install/, e.g. `curl -fsSL https://get.pulumi.com | sh`; in GitHub " +
  "Actions the pulumi/actions step), put its folder on PATH and check that `pulumi version` works in this shell";

/** The Pulumi project folder `cwd` (resolved), or an error saying how to point at one. */
export function projectFolder(cwd: string): string {
  const workDir = resolve(cwd);
  if (!PROJECT_FILES.some((f) => existsSync(join(workDir, f)))) {
    throw new Error(`no Pulumi.yaml in ${workDir}. Fix: run in your Pulumi project folder or pass --cwd DIR`);
  }
  return workDir;
}
