// The root Pulumi.yaml project (the tenant-spec program, dist/provider/spec/program.js) under the real Pulumi engine
// against the emulator: `up` from a spec folder creates what the spec says, a second preview proposes nothing, and a
// spec mistake stops the run with file, line and fix before a single resource is registered.
import { strict as assert } from "assert";
import * as fs from "fs";
import * as path from "path";
import type { Stack } from "@pulumi/pulumi/automation";
import { emulatorOk } from "../../scripts/emulator-http";
import { directoryView, engineErrorSummary, EventLog, readCheckpoint, repoRoot, typeOfUrn } from "./harness";
import { useStackFixture } from "./stack-fixture";

const PROJECT = "partner-center-tenants";
const STACK = "spec";

describe("e2e: the tenant-spec project (root Pulumi.yaml)", function () {
  this.timeout(300_000);
  const e2e = useStackFixture();
  const { partner, view } = e2e;
  let tenants: string;
  let stack: Stack;
  const customer = () => partner().customers[1]; // Wingtip: named by its initial domain in the spec
  const specFile = () => path.join(tenants, "wingtip.yaml");

  const spec = () =>
    [
      "# yaml-language-server: $schema=../schema/tenant-spec.schema.json",
      `customer: ${customer().domain}`,
      "users:",
      `  - userPrincipalName: nina.ops@${customer().domain}`,
      "    displayName: Nina Ops",
      "    usageLocation: GB",
      "    roles: [User Administrator]",
      "    licenses:",
      "      - { sku: O365_BUSINESS_PREMIUM, excludedPlans: [YAMMER_ENTERPRISE] }",
      "subscriptions:",
      `  - { id: ${customer().subscriptions[1].id}, nickname: Wingtip - Power BI }`,
      "usageBudget: { amount: 1200 }",
      "",
    ].join("\n");

  before(async () => {
    tenants = e2e.tempDir("pc-tenants-");
    fs.writeFileSync(specFile(), spec());
    stack = await e2e.openStack(repoRoot, STACK, { tenantsPath: tenants });
  });

  it("up creates the spec's user, role, license, nickname and budget; the stack output maps the customer to its file", async () => {
    const log = new EventLog();
    const up = await stack.up({ onEvent: log.onEvent });
    assert.deepEqual(log.ops(), { create: 5 }, log.errors().join("\n"));
    const types = Object.keys(log.opsByUrn()).map(typeOfUrn).sort();
    assert.deepEqual(types, [
      "CustomerUsageBudget",
      "CustomerUser",
      "SubscriptionNickname",
      "UserLicenseAssignment",
      "UserRoleAssignment",
    ]);
    const cid = customer().id;
    assert.deepEqual(up.outputs.customers.value, { [cid]: specFile() });
    const now = await view();
    const nina = now.activeUsers.find((u) => u.startsWith(`${cid}/nina.ops@`));
    assert.equal(nina, `${cid}/nina.ops@${customer().domain}/Nina Ops`);
    assert.ok(now.nicknames.includes(`${cid}/${customer().subscriptions[1].id}/Wingtip - Power BI`));
    const budget = await emulatorOk<{ partners: Array<{ customers: Array<{ id: string; usageBudget: unknown }> }> }>(
      e2e.emu,
      "GET",
      "/_emulator/state",
    );
    const record = budget.partners.flatMap((p) => p.customers).find((c) => c.id === cid)!;
    assert.equal(
      JSON.stringify(record.usageBudget).includes("1200"),
      true,
      `budget is 1200: ${JSON.stringify(record.usageBudget)}`,
    );
    const urns = Object.keys(log.opsByUrn());
    assert.ok(
      urns.some((u) => u.endsWith(`::${cid}/users/nina.ops@${customer().domain}/roles/user administrator`)),
      "resource names are <customer id>/<section>/<key>",
    );
  });

  it("a second preview proposes no changes", async () => {
    const pv = await stack.preview({ expectNoChanges: true });
    assert.deepEqual(pv.changeSummary, { same: 6 });
  });

  it("a spec mistake stops the run with file, line and fix, before anything is registered", async () => {
    const good = fs.readFileSync(specFile(), "utf8");
    fs.writeFileSync(
      specFile(),
      good.replace("    usageLocation: GB\n", "    usageLocation: GB\n    usageLocaton: FR\n").replace("1200", "-5"),
    );
    const before = readCheckpoint(e2e.env, PROJECT, STACK).text;
    const emulatorBefore = await view();
    const log = new EventLog();
    let message = "";
    try {
      await stack.up({ onEvent: log.onEvent });
    } catch (e) {
      message = `${(e as Error).message}\n${log.errors().join("\n")}`;
    } finally {
      fs.writeFileSync(specFile(), good);
    }
    assert.ok(message, `up failed: ${engineErrorSummary(message)}`);
    assert.match(message, /Tenant spec is invalid \(2 problems\); nothing was run/);
    assert.match(
      message,
      /wingtip\.yaml:7:5: users\[0\]\.usageLocaton: unknown field "usageLocaton"\. Fix: did you mean "usageLocation"\?/,
    );
    assert.match(message, /wingtip\.yaml:13:\d+: usageBudget\.amount: must not be negative\. Fix:/);
    const registered = log.events.filter(
      (e) => e.resourcePreEvent && !e.resourcePreEvent.metadata.urn.includes("::pulumi:pulumi:Stack::"),
    );
    assert.deepEqual(registered, [], "no resource step was even planned");
    assert.deepEqual(log.ops(), {});
    assert.deepEqual(await view(), emulatorBefore, "Partner Center was not touched");
    const after = JSON.parse(readCheckpoint(e2e.env, PROJECT, STACK).text).checkpoint.latest.resources.length;
    assert.equal(after, JSON.parse(before).checkpoint.latest.resources.length, "state still holds every resource");
  });

  it("with the mistake fixed, preview is quiet again", async () => {
    const pv = await stack.preview({ expectNoChanges: true });
    assert.deepEqual(pv.changeSummary, { same: 6 });
  });
});

describe("e2e: the shipped example tenants/ folder applies to the emulator's default customer", function () {
  this.timeout(300_000);
  const e2e = useStackFixture();
  const { partner } = e2e;
  let stack: Stack;

  before(async () => {
    stack = await e2e.openStack(repoRoot, "example", { tenantsPath: path.join(repoRoot, "tenants") });
  });

  it("up creates every object of tenants/*.yaml, then preview is quiet", async () => {
    const log = new EventLog();
    await stack.up({ onEvent: log.onEvent });
    assert.deepEqual(log.errors(), []);
    const count = Object.keys(log.opsByUrn()).length;
    assert.deepEqual(log.ops(), { create: count });
    assert.deepEqual(Object.keys(log.opsByUrn()).map(typeOfUrn).sort(), [
      "CustomerBillingProfile",
      "CustomerUsageBudget",
      "CustomerUser",
      "SelfServePolicy",
      "SubscriptionNickname",
      "UserLicenseAssignment",
      "UserRoleAssignment",
    ]);
    const cid = partner().customers[0].id;
    assert.ok(
      directoryView(await emulatorOk(e2e.emu, "GET", "/_emulator/state")).activeUsers.includes(
        `${cid}/it.support@fabrikamtenant.onmicrosoft.com/Fabrikam IT Support`,
      ),
    );
    const pv = await stack.preview({ expectNoChanges: true });
    assert.deepEqual(pv.changeSummary, { same: count + 1 });
  });
});
