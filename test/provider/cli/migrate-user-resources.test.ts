// `partner-center migrate-user-resources`: its flag and setup errors, in process. The export → fold → import with the
// plain pulumi CLI runs in test/cli-e2e/tenants-repository.test.ts; the fold in state/fold-user-resources.test.ts.
import assert from "node:assert/strict";
import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { runCli } from "./cli-io";

describe("partner-center migrate-user-resources: flags and setup", () => {
  let dir: string;
  const path = process.env.PATH;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), "pc-migrate-"))));
  afterEach(() => {
    process.env.PATH = path;
    rmSync(dir, { recursive: true, force: true });
  });

  it("needs --stack (usage error, exit 2) and a Pulumi project folder, naming the fix", async () => {
    const noStack = await runCli(["migrate-user-resources"]);
    assert.equal(noStack.code, 2);
    assert.match(noStack.io.errors[0], /--stack NAME is required.*pulumi stack ls/);
    const noProject = await runCli(["migrate-user-resources", "--stack", "prod", "--cwd", dir]);
    assert.equal(noProject.code, 1);
    assert.match(
      noProject.io.errors[0],
      /no Pulumi\.yaml in .*Fix: run in your Pulumi project folder or pass --cwd DIR/,
    );
  });

  it("says how to get the Pulumi CLI when `pulumi` is not on PATH, and writes no backup", async () => {
    writeFileSync(join(dir, "Pulumi.yaml"), "name: t\nruntime: nodejs\n");
    process.env.PATH = dir;
    const backup = join(dir, "backup.json");
    const r = await runCli(["migrate-user-resources", "--stack", "prod", "--cwd", dir, "--backup", backup]);
    assert.equal(r.code, 1);
    assert.match(
      r.io.errors[0],
      /`pulumi`\) was not found on PATH; this command runs `pulumi stack export`.*Fix: install it/,
    );
    assert.throws(() => rmSync(backup), /ENOENT/);
  });

  it("keeps the export as a private backup and says how to restore it when `pulumi stack import` fails", async () => {
    writeFileSync(join(dir, "Pulumi.yaml"), "name: t\nruntime: nodejs\n");
    const state = JSON.stringify({ version: 3, deployment: { resources: [] } });
    // a stand-in for the CLI on PATH: export prints a state, import fails as a real one would on a bad file
    writeFileSync(
      join(dir, "pulumi"),
      `#!/bin/sh\nif [ "$2" = export ]; then echo '${state}'; exit 0; fi\necho "error: could not import: bad file" >&2; exit 1\n`,
    );
    chmodSync(join(dir, "pulumi"), 0o755);
    process.env.PATH = `${dir}:${path}`;
    const backup = join(dir, "backup.json");
    const r = await runCli(["migrate-user-resources", "--stack", "prod", "--cwd", dir, "--backup", backup]);
    assert.equal(r.code, 1);
    assert.match(
      r.io.errors[0],
      /`pulumi stack import` failed: error: could not import: bad file\. The import did not go through; the state from before is in .*backup\.json \(`pulumi stack import --file` of it restores it\)/,
    );
    assert.equal(readFileSync(backup, "utf8").trim(), state);
    assert.equal(statSync(backup).mode & 0o777, 0o600);
  });
});
