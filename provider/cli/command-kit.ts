// What every `partner-center` sub-command is built from: its shape, the I/O it writes to, usage errors, flag parsing.
import { chmodSync, existsSync, readFileSync, writeFileSync } from "fs";
import { dirname, join } from "path";
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
