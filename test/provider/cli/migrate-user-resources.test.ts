// `partner-center migrate-user-resources`: its flag and setup errors, in process. The export → fold → import with the
// plain pulumi CLI runs in test/cli-e2e/tenants-repository.test.ts; the fold in state/fold-user-resources.test.ts.
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "fs";
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
});
