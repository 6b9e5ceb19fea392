// The quickstart example (CustomerUser, UserRoleAssignment, UserLicenseAssignment) under the real Pulumi engine
// against the emulator: one stack through up, quiet preview, drift, repair, secrets in state, a provider-code
// change, and destroy back to the emulator's previous state.
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
import { renameOliviaAndUnassignHugo } from "./quickstart-drift";
import { JWT_RE, useStackFixture } from "./stack-fixture";

const PROJECT = "quickstart";
const STACK = "e2e";
const exampleDir = path.join(repoRoot, "examples", "quickstart");

describe("e2e: quickstart example (users, roles, licenses)", function () {
  this.timeout(300_000);
  const e2e = useStackFixture();
  const { partner, view } = e2e;
  let stack: Stack;
  let baseline: ReturnType<typeof directoryView>;
  let token: string;
  const customer = () => partner().customers[0];
  let userIds: Record<string, string> = {};

  before(async () => {
    stack = await e2e.openStack(exampleDir, STACK, { customerId: customer().id, domain: customer().domain });
    baseline = await view();
    token = await appUserToken(e2e.emu, partner());
  });

  it("up creates every user, role assignment and license assignment", async () => {
    const log = new EventLog();
    const up = await stack.up({ onEvent: log.onEvent });
    assert.deepEqual(log.ops(), { create: 6 }, log.errors().join("\n"));
    userIds = up.outputs.userIds.value as Record<string, string>;
    assert.deepEqual(Object.keys(userIds).sort(), ["hugo.help", "olivia.ops"]);
    const now = await view();
    const cid = customer().id;
    for (const [alias, id] of Object.entries(userIds)) {
      assert.ok(
        now.activeUsers.some((u) => u.startsWith(`${cid}/${alias}@`)),
        `${alias} is active in the emulator`,
      );
      assert.ok(
        now.licenses.some((l) => l.startsWith(`${cid}/${id}/`)),
        `${alias} has a license`,
      );
    }
    assert.ok(now.roleMembers.includes(`${cid}/User Administrator/${userIds["olivia.ops"]}`));
    assert.ok(now.roleMembers.includes(`${cid}/Helpdesk Administrator/${userIds["hugo.help"]}`));
  });

  it("a second preview proposes no changes", async () => {
    const pv = await stack.preview({ expectNoChanges: true });
    assert.deepEqual(pv.changeSummary, { same: 7 });
  });

  it("state holds no plaintext credential, password or token, and __provider is only the shim", async () => {
    const cp = readCheckpoint(e2e.env, PROJECT, STACK);
    const exported = await stack.exportStack(); // --show-secrets: only to learn the generated passwords
    const passwords: Record<string, string> = {};
    for (const r of exported.deployment.resources ?? []) {
      const pw = plaintextOf(r.outputs?.initialPassword);
      if (typeof pw === "string") passwords[`initialPassword of ${r.urn}`] = pw;
    }
    assert.equal(Object.keys(passwords).length, 2, "both users got a generated password");
    assert.deepEqual(leakedSecrets(cp.text, { ...e2e.secrets, ...passwords, accessToken: token }), []);
    assert.doesNotMatch(cp.text, JWT_RE);
    assert.doesNotMatch(cp.text, /PRIVATE KEY/);
    const dynamic = cp.resources.filter((r) => r.type.startsWith("pulumi-nodejs:dynamic/"));
    assert.equal(dynamic.length, 6);
    for (const r of dynamic) {
      for (const shim of [r.inputs?.__provider, r.outputs?.__provider]) {
        assert.equal(typeof shim, "string", `${r.urn} stores its provider`);
        const text = shim as string;
        assert.match(text, /require\("pulumi-partner-center\/dist\/provider\/runtime"\)/);
        assert.ok(text.includes(`"${typeOfUrn(r.urn)}"`), "the shim names its type");
        assert.deepEqual(
          leakedSecrets(text, {
            ...e2e.secrets,
            tenantId: partner().tenantId,
            clientId: partner().user.clientId,
            endpoint: e2e.emu.url,
          }),
          [],
        );
        assert.doesNotMatch(text, /BEGIN CERTIFICATE|PRIVATE KEY/);
        assert.ok(text.length < 4096, `the shim is small (${text.length} chars)`);
      }
    }
  });

  it("refresh --preview-only reports drift made behind Pulumi's back, and writes nothing", async () => {
    const cid = customer().id;
    const skuId = customer().skus.find((s) => s.skuPartNumber === "O365_BUSINESS_PREMIUM")!.id;
    await renameOliviaAndUnassignHugo(e2e.emu, token, customer(), userIds);
    await emulatorOk(e2e.emu, "POST", `/v1/customers/${cid}/users/${userIds["olivia.ops"]}/licenseupdates`, {
      token,
      body: { licensesToRemove: [skuId] },
    });
    const before = readCheckpoint(e2e.env, PROJECT, STACK).text;

    const log = new EventLog();
    await stack.refresh({ previewOnly: true, onEvent: log.onEvent });
    const byUrn = log.opsByUrn();
    const opOf = (name: string) => Object.entries(byUrn).find(([urn]) => urn.endsWith(`::${name}`))?.[1];
    assert.equal(opOf("olivia.ops"), "update");
    assert.equal(opOf("hugo.help-role"), "delete");
    assert.equal(opOf("olivia.ops-m365"), "delete");
    assert.deepEqual(log.ops(), { update: 1, delete: 2, same: 3 });
    assert.equal(readCheckpoint(e2e.env, PROJECT, STACK).text, before, "a preview-only refresh writes no state");
  });

  it("up --refresh repairs the drift", async () => {
    const log = new EventLog();
    await stack.up({ refresh: true, onEvent: log.onEvent });
    assert.deepEqual(log.errors(), []);
    const now = await view();
    const cid = customer().id;
    assert.ok(
      now.activeUsers.includes(`${cid}/olivia.ops@${customer().domain.toLowerCase()}/Olivia Ops`),
      "displayName restored",
    );
    assert.ok(
      now.roleMembers.includes(`${cid}/Helpdesk Administrator/${userIds["hugo.help"]}`),
      "role membership restored",
    );
    assert.ok(
      now.licenses.some((l) => l.startsWith(`${cid}/${userIds["olivia.ops"]}/`)),
      "license restored",
    );
    const pv = await stack.preview({ refresh: true, expectNoChanges: true });
    assert.deepEqual(pv.changeSummary, { same: 7 });
  });

  it("state written by another provider version previews as no changes and still refreshes and destroys", async () => {
    // Simulates an upgrade: every stored __provider text differs from what this program serializes now.
    const marker = "/* pulumi-partner-center 0.0.1-previous */";
    assert.equal(markStoredProviders(e2e.env, PROJECT, STACK, marker), 12);

    const pv = await stack.preview({ expectNoChanges: true });
    assert.deepEqual(pv.changeSummary, { same: 7 });
    const log = new EventLog();
    await stack.refresh({ previewOnly: true, onEvent: log.onEvent });
    assert.deepEqual(log.ops(), { same: 6 });
    assert.ok(
      readCheckpoint(e2e.env, PROJECT, STACK).text.includes(marker),
      "the old provider text stays in state until a resource is next updated",
    );
  });

  it("destroy returns the emulator to its previous state, the users only soft-deleted", async () => {
    const log = new EventLog();
    await stack.destroy({ onEvent: log.onEvent });
    assert.deepEqual(log.ops(), { delete: 6 });
    const after = await view();
    const cid = customer().id;
    assert.deepEqual({ ...after, deletedUsers: [] }, { ...baseline, deletedUsers: [] });
    const newlyDeleted = after.deletedUsers.filter((u) => !baseline.deletedUsers.includes(u));
    assert.deepEqual(
      newlyDeleted,
      ["hugo.help", "olivia.ops"].map((a) => `${cid}/${a}@${customer().domain.toLowerCase()}`).sort(),
    );
  });
});
