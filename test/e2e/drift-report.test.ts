// `partner-center drift` as a user runs it (the built CLI in a child process, in the stack's project folder with
// its backend) against a stack of the quickstart example under the real Pulumi engine and the emulator: exit 0
// with no drift, 2 with a changed property and a removed object, 1 when objects cannot be read (emulator faults
// 403 and 500 on read), which are reported as errors and never as drift; secrets never appear in the reports.
import { strict as assert } from "assert";
import { spawn } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import type { Stack } from "@pulumi/pulumi/automation";
import { appUserToken, emulatorOk } from "../../scripts/emulator-http";
import type { DriftReport } from "../../provider/cli/report/drift-events";
import { leakedSecrets, plaintextOf, readCheckpoint, repoRoot } from "./harness";
import { renameOliviaAndUnassignHugo } from "./quickstart-drift";
import { useStackFixture } from "./stack-fixture";

const PROJECT = "quickstart";
const STACK = "drift";
const CLI = path.join(repoRoot, "dist", "provider", "cli", "main.js");

interface DriftRun {
  code: number | null;
  stdout: string;
  stderr: string;
  markdown: string;
  json: DriftReport;
  jsonText: string;
}

describe("e2e: partner-center drift (refresh preview report, exit codes)", function () {
  this.timeout(300_000);
  const e2e = useStackFixture();
  const { partner } = e2e;
  let stack: Stack;
  let secrets: Record<string, string>;
  let token: string;
  let userIds: Record<string, string> = {};
  let outRoot: string;
  const customer = () => partner().customers[0];

  async function drift(name: string, stackName = STACK): Promise<DriftRun> {
    const out = path.join(outRoot, name);
    const child = spawn(
      process.execPath,
      [CLI, "drift", "--stack", stackName, "--cwd", stack.workspace.workDir, "--out", out],
      {
        cwd: os.tmpdir(),
        env: { ...process.env, ...e2e.env.envVars },
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => {
      stdout += d;
    });
    child.stderr.on("data", (d) => {
      stderr += d;
    });
    const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
    const jsonText = fs.readFileSync(path.join(out, "drift-report.json"), "utf8");
    return {
      code,
      stdout,
      stderr,
      markdown: fs.readFileSync(path.join(out, "drift-report.md"), "utf8"),
      json: JSON.parse(jsonText),
      jsonText,
    };
  }

  before(async () => {
    assert.ok(fs.existsSync(CLI), `build first (npm run build): ${CLI} is missing`);
    outRoot = fs.mkdtempSync(path.join(os.tmpdir(), "pc-drift-out-"));
    stack = await e2e.openStack(path.join(repoRoot, "examples", "quickstart"), STACK, {
      customerId: customer().id,
      domain: customer().domain,
    });
    const up = await stack.up();
    userIds = up.outputs.userIds.value as Record<string, string>;
    const exported = await stack.exportStack(); // --show-secrets: only to learn the generated passwords
    secrets = { ...e2e.secrets };
    for (const r of exported.deployment.resources ?? []) {
      const pw = plaintextOf(r.outputs?.initialPassword);
      if (typeof pw === "string") secrets[`initialPassword of ${r.urn}`] = pw;
    }
    assert.equal(Object.keys(secrets).length, 4, "both users got a generated password");
    token = await appUserToken(e2e.emu, partner());
  });
  after(async () => {
    if (outRoot && !process.env.KEEP_DRIFT_OUT) fs.rmSync(outRoot, { recursive: true, force: true });
  });

  it("exits 0 and reports every resource in sync when nothing drifted", async () => {
    const run = await drift("clean");
    assert.equal(run.code, 0, run.stderr);
    assert.equal(run.json.result, "no-drift");
    assert.deepEqual(run.json.counts, { resources: 6, inSync: 6, changed: 0, removed: 0, unreadable: 0, errors: 0 });
    assert.deepEqual(run.json.drift, []);
    assert.match(run.markdown, /No drift: every resource matches Partner Center/);
    assert.match(run.stdout, /drift drift: no-drift — 6 resources: 6 in sync/);
  });

  it("exits 2 and lists a changed property (old and new) and a removed object, writing no state", async () => {
    const cid = customer().id;
    await renameOliviaAndUnassignHugo(e2e.emu, token, customer(), userIds);
    const before = readCheckpoint(e2e.env, PROJECT, STACK).text;

    const run = await drift("drifted");
    assert.equal(run.code, 2, run.stderr);
    assert.equal(run.json.result, "drift");
    assert.deepEqual(run.json.counts, { resources: 6, inSync: 4, changed: 1, removed: 1, unreadable: 0, errors: 0 });
    const changed = run.json.drift.find((d) => d.kind === "changed")!;
    assert.deepEqual(
      { type: changed.ref.type, name: changed.ref.name, customerId: changed.ref.customerId },
      { type: "CustomerUser", name: "olivia.ops", customerId: cid },
    );
    assert.deepEqual(changed.changes, [
      {
        name: "displayName",
        old: { kind: "value", text: "Olivia Ops" },
        new: { kind: "value", text: "Renamed in the portal" },
      },
    ]);
    const removed = run.json.drift.find((d) => d.kind === "removed")!;
    assert.deepEqual(
      { type: removed.ref.type, name: removed.ref.name },
      { type: "UserRoleAssignment", name: "hugo.help-role" },
    );
    assert.match(run.markdown, /\| `displayName` \| `Olivia Ops` \| `Renamed in the portal` \|/);
    assert.match(run.markdown, /\*\*- removed\*\* `UserRoleAssignment` `hugo\.help-role`/);
    assert.doesNotMatch(run.markdown, /Could not be read/);
    assert.equal(readCheckpoint(e2e.env, PROJECT, STACK).text, before, "drift is a preview: the state is not written");
  });

  it("exits 1 when objects cannot be read (403 and 500 on read): errors, not drift; other drift still listed", async () => {
    const cid = customer().id;
    await emulatorOk(e2e.emu, "POST", "/_emulator/faults", {
      body: [
        {
          method: "GET",
          path: `/users/${userIds["olivia.ops"]}/licenses$`,
          status: 403,
          code: "3000",
          description: "Access to this customer is forbidden",
        },
        {
          method: "GET",
          path: `/users/${userIds["hugo.help"]}/licenses$`,
          status: 500,
          code: "5000",
          description: "Internal server error",
        },
      ],
    });
    try {
      const run = await drift("unreadable");
      assert.equal(run.code, 1, run.stderr);
      assert.equal(run.json.result, "error");
      const unreadable = run.json.errors.map((e) => e.ref?.name).sort();
      assert.deepEqual(unreadable, ["hugo.help-m365", "olivia.ops-m365"]);
      assert.match(run.json.errors.find((e) => e.ref?.name === "olivia.ops-m365")!.message, /HTTP 403/);
      assert.match(run.json.errors.find((e) => e.ref?.name === "hugo.help-m365")!.message, /HTTP 500/);
      for (const e of run.json.errors) assert.equal(e.ref?.customerId, cid);
      assert.deepEqual(
        run.json.drift.map((d) => `${d.kind} ${d.ref.name}`).sort(),
        ["changed olivia.ops", "removed hugo.help-role"],
        "unreadable objects are not drift",
      );
      assert.deepEqual(run.json.counts, { resources: 6, inSync: 2, changed: 1, removed: 1, unreadable: 2, errors: 2 });
      assert.match(
        run.markdown,
        /#### Could not be read \(errors, not drift\)[\s\S]*`UserLicenseAssignment` `hugo\.help-m365`[\s\S]*#### Drift/,
      );
      assert.match(run.stderr, /error: UserLicenseAssignment/);
    } finally {
      await emulatorOk(e2e.emu, "DELETE", "/_emulator/faults");
    }
  });

  it("exits 1 with the reason in both reports when the stack does not exist", async () => {
    const run = await drift("nostack", "no-such-stack");
    assert.equal(run.code, 1, run.stderr);
    assert.equal(run.json.result, "error");
    assert.match(run.json.errors[0].message, /no-such-stack/);
    assert.match(run.markdown, /The drift check failed[\s\S]*#### Errors[\s\S]*no stack named 'no-such-stack'/);
    assert.equal(run.json.counts.unreadable, 0);
  });

  it("no report or output holds a credential or generated password", async () => {
    const texts: string[] = [];
    for (const dir of fs.readdirSync(outRoot)) {
      for (const f of fs.readdirSync(path.join(outRoot, dir)))
        texts.push(fs.readFileSync(path.join(outRoot, dir, f), "utf8"));
    }
    assert.equal(texts.length, 8);
    const run = await drift("final");
    texts.push(run.stdout, run.stderr, run.markdown, run.jsonText);
    for (const text of texts) {
      assert.deepEqual(leakedSecrets(text, { ...secrets, accessToken: token }), []);
      assert.doesNotMatch(text, /__provider|PRIVATE KEY/);
    }
    assert.equal(run.code, 2, "with the faults gone the drift is reported again");
  });
});
