#!/usr/bin/env node
// The `partner-center` command: dispatches to the sub-commands listed in commands.ts (`<command> --help` prints that
// command's usage here); each parses its own flags (node:util parseArgs, strict) and returns an exit code.
import { COMMANDS } from "./commands";
import { packageVersion, UsageError, type Io } from "./command-kit";

export { packageVersion, type Io } from "./command-kit";

function help(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((n) => n.length));
  return [
    `partner-center ${packageVersion()} — Microsoft Partner Center (CSP) tenants as code`,
    "",
    "Usage: partner-center <command> [options]",
    "",
    "Commands:",
    ...Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`),
    "",
    "Options:",
    "  --help       show this help (or `partner-center <command> --help`)",
    "  --version    print the version",
  ].join("\n");
}

export async function main(argv: string[], io: Io = processIo()): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined || first === "--help" || first === "-h" || first === "help") {
    io.out(help());
    return first === undefined ? 1 : 0;
  }
  if (first === "--version" || first === "-v") {
    io.out(packageVersion());
    return 0;
  }
  const command = COMMANDS[first];
  if (!command) {
    io.err(`partner-center: unknown command '${first}'. Run 'partner-center --help' for the list.`);
    return 2;
  }
  if (rest.includes("--help")) {
    io.out(command.usage);
    return 0;
  }
  try {
    return await command.run(rest, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`partner-center ${first}: ${e.message}\n\n${command.usage}`);
      return 2;
    }
    io.err(`partner-center ${first}: ${(e as Error).message}`);
    return 1;
  }
}

/** Every message ends with exactly one newline, also one whose text ends with its own (a Markdown report). */
function asLine(text: string): string {
  return `${text.replace(/\n+$/, "")}\n`;
}

function processIo(): Io {
  return {
    out: (line) => process.stdout.write(asLine(line)),
    err: (line) => process.stderr.write(asLine(line)),
    waitForStop: () =>
      new Promise((resolve) => {
        process.once("SIGINT", () => resolve());
        process.once("SIGTERM", () => resolve());
      }),
  };
}

if (require.main === module) {
  void main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
