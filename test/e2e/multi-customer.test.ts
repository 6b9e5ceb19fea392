// The multi-customer example (CustomerUser, UserRoleAssignment, SelfServePolicy, SubscriptionNickname,
// VerifiedDomain across two customers) under the real Pulumi engine against the emulator.
import { strict as assert } from "assert";
import * as path from "path";
import type { Stack } from "@pulumi/pulumi/automation";
import { appUserToken, emulatorOk } from "../../scripts/emulator-http";
import {
  directoryView,
  EventLog,
  leakedSecrets,
  markStoredProviders,
  plaintextOf,
  readCheckpoint,
  repoRoot,
  typeOfUrn,
} from "./harness";
import { JWT_RE, useStackFixture } from "./stack-fixture";

const PROJECT = "multi-customer";
const STACK = "e2e";
const exampleDir = path.join(repoRoot, "examples", "multi-customer");
const NICKNAME = "Sales - Microsoft 365 (e2e)";
const NEW_DOMAIN = "mail.wingtiptoys.example";

describe("e2e: multi-customer example (policies, nicknames, verified domain, users across customers)", function () {
  this.timeout(300_000);
  const e2e = useStackFixture();
  const { partner, view } = e2e;
  let stack: Stack;
  let baseline: ReturnType<typeof directoryView>;
  let token: string;
  const first = () => partner().customers[0];
  const second = () => partner().customers[1];
  const policyId = () => `${partner().tenantId}_${second().id}`;

  before(async () => {
    const customers = {
      [first().id]: { domain: first().domain, nicknames: { [first().subscriptions[0].id]: NICKNAME } },
      [second().id]: { domain: second().domain, verifiedDomain: NEW_DOMAIN },
    };
    stack = await e2e.openStack(exampleDir, STACK, {
      customerIds: JSON.stringify([first().id, second().id]),
      customers: JSON.stringify(customers),
    });
    baseline = await view();
    token = await appUserToken(e2e.emu, partner());
  });

  it("up creates the baseline in both customers", async () => {
    const log = new EventLog();
    await stack.up({ onEvent: log.onEvent });
    assert.deepEqual(log.ops(), { create: 8 }, log.errors().join("\n"));
    const now = await view();
    assert.ok(now.nicknames.includes(`${first().id}/${first().subscriptions[0].id}/${NICKNAME}`));
    assert.ok(now.domains.includes(`${second().id}/${NEW_DOMAIN}`));
    assert.equal(
      now.policies.filter((p) => p.endsWith("/AzureReservedInstances:Purchase")).length,
      baseline.policies.length + 2,
    );
    for (const c of [first(), second()])
      assert.ok(now.activeUsers.includes(`${c.id}/breakglass@${c.domain.toLowerCase()}/Break-glass administrator`));
  });

  it("a second preview proposes no changes, and state holds no plaintext secret", async () => {
    const pv = await stack.preview({ expectNoChanges: true });
    assert.deepEqual(pv.changeSummary, { same: 9 });
    const exported = await stack.exportStack();
    const passwords: Record<string, string> = {};
    for (const r of exported.deployment.resources ?? []) {
      const pw = plaintextOf(r.outputs?.initialPassword);
      if (typeof pw === "string") passwords[r.urn] = pw;
    }
    assert.equal(Object.keys(passwords).length, 2);
    const cp = readCheckpoint(e2e.env, PROJECT, STACK);
    assert.deepEqual(leakedSecrets(cp.text, { ...e2e.secrets, ...passwords, token }), []);
    assert.doesNotMatch(cp.text, JWT_RE);
    const dynamic = cp.resources.filter((r) => r.type.startsWith("pulumi-nodejs:dynamic/"));
    assert.deepEqual([...new Set(dynamic.map((r) => typeOfUrn(r.urn)))].sort(), [
      "CustomerUser",
      "SelfServePolicy",
      "SubscriptionNickname",
      "UserRoleAssignment",
      "VerifiedDomain",
    ]);
    for (const r of dynamic) {
      for (const shim of [r.inputs?.__provider, r.outputs?.__provider]) {
        assert.equal(typeof shim, "string", `${r.urn} stores its provider`);
        const text = shim as string;
        assert.match(text, /require\("pulumi-partner-center\/dist\/provider\/runtime"\)/);
        assert.ok(text.includes(`"${typeOfUrn(r.urn)}"`), "the shim names its type");
        assert.deepEqual(
          leakedSecrets(text, {
            ...e2e.secrets,
            ...passwords,
            clientId: partner().user.clientId,
            endpoint: e2e.emu.url,
          }),
          [],
        );
        assert.doesNotMatch(text, /BEGIN CERTIFICATE|PRIVATE KEY/);
      }
    }
  });

  it("refresh --preview-only reports a renamed subscription and a deleted policy; up --refresh repairs both", async () => {
    const sub = await emulatorOk<Record<string, unknown>>(
      e2e.emu,
      "GET",
      `/v1/customers/${first().id}/subscriptions/${first().subscriptions[0].id}`,
      { token },
    );
    await emulatorOk(e2e.emu, "PATCH", `/v1/customers/${first().id}/subscriptions/${first().subscriptions[0].id}`, {
      token,
      body: { ...sub, friendlyName: "Renamed in the portal" },
    });
    await emulatorOk(e2e.emu, "DELETE", `/v1/SelfServePolicy/${policyId()}`, { token });

    const drift = new EventLog();
    await stack.refresh({ previewOnly: true, onEvent: drift.onEvent });
    assert.deepEqual(drift.ops(), { update: 1, delete: 1, same: 6 });

    const repair = new EventLog();
    await stack.up({ refresh: true, onEvent: repair.onEvent });
    assert.deepEqual(repair.errors(), []);
    const now = await view();
    assert.ok(now.nicknames.includes(`${first().id}/${first().subscriptions[0].id}/${NICKNAME}`), "nickname repaired");
    assert.ok(
      now.policies.some((p) => p.startsWith(`${policyId()}/`)),
      "policy re-created",
    );
    const pv = await stack.preview({ refresh: true, expectNoChanges: true });
    assert.deepEqual(pv.changeSummary, { same: 9 });
  });

  it("state written by another provider version previews as no changes and refreshes clean", async () => {
    const marker = "/* pulumi-partner-center 0.0.1-previous */";
    assert.equal(markStoredProviders(e2e.env, PROJECT, STACK, marker), 16);

    const pv = await stack.preview({ expectNoChanges: true });
    assert.deepEqual(pv.changeSummary, { same: 9 });
    const log = new EventLog();
    await stack.refresh({ previewOnly: true, onEvent: log.onEvent });
    assert.deepEqual(log.ops(), { same: 8 });
  });

  it("destroy restores the emulator, except the verified domain (kept) and the soft-deleted users", async () => {
    const log = new EventLog();
    await stack.destroy({ onEvent: log.onEvent });
    assert.deepEqual(log.ops(), { delete: 8 });
    const after = await view();
    assert.deepEqual({ ...after, deletedUsers: [], domains: [] }, { ...baseline, deletedUsers: [], domains: [] });
    assert.deepEqual(after.domains, [...baseline.domains, `${second().id}/${NEW_DOMAIN}`].sort());
    const newlyDeleted = after.deletedUsers.filter((u) => !baseline.deletedUsers.includes(u));
    assert.deepEqual(
      newlyDeleted,
      [first(), second()].map((c) => `${c.id}/breakglass@${c.domain.toLowerCase()}`).sort(),
    );
  });
});
