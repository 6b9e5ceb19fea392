// `partner-center migrate-user-resources`: moves a stack from the tenant spec's `userResources: perAssignment` to
// `perUser` in its state only (state/fold-user-resources.ts), so the switch deletes and removes nothing in Partner
// Center: `pulumi stack export` → fold → `pulumi stack import`, with a backup of the exported state first.
// Choice: the export is taken without --show-secrets, so secrets stay encrypted in memory, in the backup and in the
// import; the backup is written 0600 in the current folder unless --backup says where.
// Choice: --dry-run prints what would move and writes nothing.
import { execFile } from "child_process";
import { mkdtempSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join, resolve } from "path";
import { promisify } from "util";
import { parse, projectFolder, pulumiNotFound, UsageError, writePrivateFile, type Command } from "./command-kit";
import { foldUserResources, type ExportedState } from "./state/fold-user-resources";

const run = promisify(execFile);

async function pulumi(args: string[], cwd: string): Promise<string> {
  try {
    return (await run("pulumi", args, { cwd, maxBuffer: 2 ** 30 })).stdout;
  } catch (e) {
    const err = e as NodeJS.ErrnoException & { stderr?: string };
    if (err.code === "ENOENT")
      throw new Error(pulumiNotFound("this command runs `pulumi stack export` and `import`"), { cause: e });
    throw new Error(`\`pulumi ${args.slice(0, 2).join(" ")}\` failed: ${(err.stderr ?? err.message).trim()}`, {
      cause: e,
    });
  }
}

const backupName = (stack: string) =>
  `${stack.replace(/[^A-Za-z0-9._-]+/g, "_")}.state-before-migrate-user-resources.${Date.now()}.json`;

export const migrateUserResourcesCommand: Command = {
  summary: "move a stack's state to `userResources: perUser` (assignments folded into their users; no API call)",
  usage: [
    "partner-center migrate-user-resources --stack NAME [--cwd DIR] [--backup FILE] [--dry-run]",
    "",
    "  --stack NAME    the stack to move (as in `pulumi stack ls`)",
    "  --cwd DIR       the Pulumi project folder (holding Pulumi.yaml; default: the current folder)",
    "  --backup FILE   where to keep the state as exported first (default: <stack>.state-before-migrate-user-resources.<time>.json here)",
    "  --dry-run       print what would move; change nothing",
    "",
    "Each UserRoleAssignment and UserLicenseAssignment of a CustomerUser in the stack becomes an entry of that user's",
    "roles / licenses, and leaves the state; Partner Center is not called. Then set `userResources: perUser` in the",
    "tenant spec; `pulumi preview` shows no change. Undo: `pulumi stack import --stack NAME --file <backup>`.",
  ].join("\n"),
  async run(argv, io) {
    const values = parse(argv, {
      stack: { type: "string" },
      cwd: { type: "string" },
      backup: { type: "string" },
      "dry-run": { type: "boolean" },
    });
    if (!values.stack)
      throw new UsageError("--stack NAME is required (the stack to move; `pulumi stack ls` lists them)");
    const cwd = projectFolder(values.cwd ?? ".");
    const exported = await pulumi(["stack", "export", "--stack", values.stack], cwd);
    const result = foldUserResources(JSON.parse(exported) as ExportedState);
    for (const left of result.leftAlone) io.out(`  left as it is: ${left.urn} (${left.reason})`);
    const summary = `${result.users} users, ${result.roles} role and ${result.licenses} license assignments`;
    if (values["dry-run"]) {
      io.out(`migrate-user-resources ${values.stack} (dry run, nothing changed): would fold ${summary}`);
      return 0;
    }
    const backup = resolve(values.backup ?? backupName(values.stack));
    writePrivateFile(backup, exported);
    const dir = mkdtempSync(join(tmpdir(), "partner-center-migrate-"));
    try {
      const file = join(dir, "state.json");
      writePrivateFile(file, `${JSON.stringify(result.state, null, 2)}\n`);
      await pulumi(["stack", "import", "--stack", values.stack, "--file", file], cwd).catch((e: Error) => {
        throw new Error(
          `${e.message}. The import did not go through; the state from before is in ${backup} (\`pulumi stack import --file\` of it restores it). Fix the cause and run this again`,
          {
            cause: e,
          },
        );
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    io.out(`migrate-user-resources ${values.stack}: folded ${summary} (Partner Center was not called)`);
    io.out(`  backup of the state before: ${backup}`);
    io.out("  next: set `userResources: perUser` in the tenant spec; `pulumi preview` then shows no change");
    return 0;
  },
};
