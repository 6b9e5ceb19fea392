// GDAP through the plain pulumi CLI: a project declares a relationship and an access assignment; `pulumi up` creates
// the relationship, the assignment waits while the customer approves (played through the emulator's admin call),
// a change the active relationship can't take is refused at preview, destroy terminates it, and an expired
// relationship shows as drift on refresh.
import { strict as assert } from "assert";
import * as fs from "fs";
import * as path from "path";
import { emulatorOk } from "../../scripts/emulator-http";
import {
  cliEmulator,
  cliEnv,
  linkSharedInstall,
  pulumi,
  sh,
  stackConfig,
  type CliEmulator,
  type CliEnv,
} from "./harness";

const PROGRAM = `const { DelegatedAdminRelationship, DelegatedAdminAccessAssignment } = require("pulumi-partner-center");
const pulumi = require("@pulumi/pulumi");
const config = new pulumi.Config();
const relationship = new DelegatedAdminRelationship("helpdesk", {
  customerId: config.require("customerId"),
  displayName: config.require("relationshipName"),
  duration: config.get("duration") ?? "P30D",
  roles: config.requireObject("roles"),
});
new DelegatedAdminAccessAssignment("helpdesk-agents", {
  relationshipId: relationship.id,
  securityGroupName: "Helpdesk Agents",
  roles: ["Helpdesk Administrator"],
});
exports.invitationUrl = relationship.invitationUrl;
exports.status = relationship.status;
`;
const WAITS = { PARTNERCENTER_GDAP_POLL_SECONDS: "1", PARTNERCENTER_GDAP_WAIT_SECONDS: "120" };

describe("cli-e2e: GDAP relationship and access assignment under the plain pulumi CLI", function () {
  this.timeout(600_000);
  let env: CliEnv;
  let emu: CliEmulator;
  let dir: string;
  const relationships = () => emu.store.data.partners[0].gdap!.relationships;
  const named = (name: string) => relationships().find((r) => r.displayName === name);
  const config = (key: string, value: string) => pulumi(env, dir, ["config", "set", key, value]);

  /** `pulumi up` while the customer approves the invitation as soon as it is locked for approval. */
  async function upWithApproval(name: string) {
    const up = pulumi(env, dir, ["up"], { vars: WAITS });
    let approved = false;
    for (let i = 0; i < 600 && !approved; i++) {
      const rel = named(name);
      if (rel?.status === "approvalPending") {
        await emulatorOk(emu, "POST", `/_emulator/gdap/relationships/${rel.id}/approve`, { body: {} });
        approved = true;
      } else await new Promise((r) => setTimeout(r, 200));
    }
    const result = await up;
    assert.ok(approved, "the relationship reached approvalPending during up");
    return result;
  }

  before(async () => {
    env = await cliEnv();
    dir = env.project("gdap");
    emu = await cliEmulator(env.root);
    fs.writeFileSync(path.join(dir, "Pulumi.yaml"), "name: gdap\nruntime: nodejs\nmain: index.js\n");
    fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name: "gdap", private: true }));
    fs.writeFileSync(path.join(dir, "index.js"), PROGRAM);
    await linkSharedInstall(env, dir);
    await stackConfig(env, dir, "dev", emu, { customerId: emu.customer().id, relationshipName: "e2e-helpdesk" });
    await pulumi(env, dir, ["config", "set", "--path", "roles[0]", "Helpdesk Administrator"]);
    await pulumi(env, dir, ["config", "set", "--path", "roles[1]", "User Administrator"]);
  });
  after(async () => {
    env?.dispose();
    await emu?.close();
  });

  it("up creates the relationship, waits for the customer's approval, then gives Helpdesk Agents Helpdesk Administrator", async () => {
    const up = await upWithApproval("e2e-helpdesk");
    assert.match(up.stdout + up.stderr, /granularAdminRelationships\//, "the invitation link is shown");
    const rel = named("e2e-helpdesk")!;
    assert.equal(rel.status, "active");
    const group = emu.store.data.partners[0].gdap!.securityGroups.find((g) => g.displayName === "Helpdesk Agents")!;
    const assignment = rel.accessAssignments.find((a) => a.groupId === group.id);
    assert.equal(assignment?.status, "active");
    assert.deepEqual(assignment?.roles, ["729827e3-9c14-49f7-bb1b-9608f156bbb8"]);
    await pulumi(env, dir, ["preview", "--expect-no-changes"]);
  });

  it("preview refuses a roles change the active relationship can't take, with the reason and the fix", async () => {
    await pulumi(env, dir, ["config", "rm", "--path", "roles[1]"]);
    const mark = await emu.mark();
    const stale = await pulumi(env, dir, ["preview"], { allowFailure: true });
    assert.notEqual(stale.code, 0);
    assert.match(stale.stdout + stale.stderr, /was approvalPending when last read.*run `pulumi refresh`/s);
    const preview = await pulumi(env, dir, ["preview", "--refresh"], { allowFailure: true });
    assert.notEqual(preview.code, 0);
    assert.match(
      preview.stdout + preview.stderr,
      /active: its roles can't change in place.*Fix: give a new displayName/s,
    );
    assert.deepEqual(await emu.writesSince(mark), [], "preview wrote to Microsoft Graph");
    await pulumi(env, dir, ["config", "set", "--path", "roles[1]", "User Administrator"]);
    await pulumi(env, dir, ["preview", "--refresh", "--expect-no-changes"]);
  });

  it("destroy removes the assignment and terminates the relationship", async () => {
    await pulumi(env, dir, ["destroy"]);
    const rel = named("e2e-helpdesk")!;
    assert.equal(rel.status, "terminated");
    assert.ok(rel.accessAssignments.every((a) => a.status === "deleted" || a.status === "deleting"));
  });

  it("the drift report warns of a relationship expiring in 10 days; once expired, refresh reports it deleted", async () => {
    await config("relationshipName", "e2e-helpdesk-2");
    await config("duration", "P10D");
    await upWithApproval("e2e-helpdesk-2");
    const out = path.join(env.root, "drift-out");
    const drift = await sh(env, dir, `npx partner-center drift --stack dev --out ${out}`, {
      allowFailure: true,
      vars: { PULUMI_SKIP_CONFIRMATIONS: "false" },
    });
    assert.equal(drift.code, 0, drift.stdout + drift.stderr);
    assert.match(
      drift.stdout,
      /warning: DelegatedAdminRelationship helpdesk: GDAP relationship "e2e-helpdesk-2" expires in 10 days/,
    );
    assert.match(fs.readFileSync(path.join(out, "drift-report.md"), "utf8"), /#### Warnings \(not drift\)/);
    await emulatorOk(emu, "POST", "/_emulator/clock", { body: { advanceMs: 11 * 86_400_000 } });
    const refresh = await pulumi(env, dir, ["refresh", "--preview-only", "--expect-no-changes"], {
      allowFailure: true,
      vars: { PULUMI_SKIP_CONFIRMATIONS: "false" },
    });
    const output = refresh.stdout + refresh.stderr;
    assert.notEqual(refresh.code, 0, `refresh --expect-no-changes fails on drift:\n${output}`);
    assert.match(
      output,
      /-\s+pulumi-nodejs:dynamic\/partnercenter:DelegatedAdminRelationship\s+helpdesk\s+delete/,
      output,
    );
  });
});
