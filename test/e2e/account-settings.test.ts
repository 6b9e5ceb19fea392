// The account-settings example (CustomerBillingProfile, CustomerUsageBudget, Customer) under the real Pulumi engine
// against the emulator: up, a quiet preview, no plaintext secret in state (the new customer's admin password only as
// ciphertext), drift seen by refresh --preview-only after changes made through the emulator's API, repair by up, and
// destroy (the billing profile and the customer are kept and the engine says so, the budget is cleared).
import { strict as assert } from "assert";
import * as path from "path";
import type { Stack } from "@pulumi/pulumi/automation";
import { appUserToken, emulatorOk } from "../../scripts/emulator-http";
import { EventLog, leakedSecrets, plaintextOf, readCheckpoint, repoRoot, typeOfUrn } from "./harness";
import { JWT_RE, useStackFixture } from "./stack-fixture";
import { SECRET_SIG } from "../../provider/cli/report/values";

const PROJECT = "account-settings";
const STACK = "e2e";
const exampleDir = path.join(repoRoot, "examples", "account-settings");
const COMPANY = "Account Settings E2E Ltd";
const NEW_DOMAIN = "account-settings-e2e.onmicrosoft.com";

interface Profile {
  id: string;
  companyName: string;
  email: string;
  defaultAddress: { city: string; [k: string]: unknown };
  attributes: { etag: string };
}

describe("e2e: account-settings example (billing profile, usage budget, new customer)", function () {
  this.timeout(300_000);
  const e2e = useStackFixture();
  const { partner } = e2e;
  let stack: Stack;
  let token: string;
  const customer = () => partner().customers[0];
  const profile = () =>
    emulatorOk<Profile>(e2e.emu, "GET", `/v1/customers/${customer().id}/profiles/billing`, { token });
  const budget = async () =>
    (
      await emulatorOk<{ amount: number | null }>(e2e.emu, "GET", `/v1/customers/${customer().id}/usagebudget`, {
        token,
      })
    ).amount;

  before(async () => {
    stack = await e2e.openStack(exampleDir, STACK, {
      customerId: customer().id,
      companyName: COMPANY,
      billingEmail: "billing@e2e.example",
      budget: "750",
      newCustomerDomain: NEW_DOMAIN,
    });
    token = await appUserToken(e2e.emu, partner());
  });

  it("up writes the billing profile, sets the budget and creates the new customer", async () => {
    const before = await profile();
    const log = new EventLog();
    const up = await stack.up({ onEvent: log.onEvent });
    assert.deepEqual(log.ops(), { create: 3 }, log.errors().join("\n"));
    const now = await profile();
    assert.equal(now.companyName, COMPANY);
    assert.equal(now.email, "billing@e2e.example");
    assert.equal(now.defaultAddress.city, "Redmond");
    assert.equal(now.id, before.id, "the same profile, updated");
    assert.equal(up.outputs.billingProfileId.value, before.id);
    assert.equal(up.outputs.hasBudget.value, true);
    assert.equal(await budget(), 750);
    const created = await emulatorOk<{ companyProfile: { domain: string } }>(
      e2e.emu,
      "GET",
      `/v1/customers/${up.outputs.newCustomerId.value}`,
      { token },
    );
    assert.equal(created.companyProfile.domain, NEW_DOMAIN);
    assert.equal(up.outputs.newCustomerAdminPassword.secret, true, "the admin password is a secret stack output");
  });

  it("a second preview proposes no changes", async () => {
    const pv = await stack.preview({ expectNoChanges: true });
    assert.deepEqual(pv.changeSummary, { same: 4 });
  });

  it("state holds no plaintext credential, token or admin password (only its ciphertext), and __provider is only the shim", async () => {
    const cp = readCheckpoint(e2e.env, PROJECT, STACK);
    const exported = await stack.exportStack(); // --show-secrets: only to learn the generated admin password
    const created = exported.deployment.resources.find((r: { type: string }) => r.type.endsWith(":Customer"));
    const adminPassword = plaintextOf(created?.outputs?.adminPassword);
    assert.equal(typeof adminPassword, "string");
    assert.deepEqual(
      leakedSecrets(cp.text, { ...e2e.secrets, accessToken: token, adminPassword: adminPassword as string }),
      [],
    );
    const stored = cp.resources.find((r) => r.type.endsWith(":Customer"))!;
    for (const key of ["adminPassword", "adminUserName"])
      assert.ok(
        stored.outputs?.[key] && typeof stored.outputs[key] === "object" && SECRET_SIG in stored.outputs[key],
        `${key} is stored as a secret`,
      );
    assert.doesNotMatch(cp.text, JWT_RE);
    const dynamic = cp.resources.filter((r) => r.type.startsWith("pulumi-nodejs:dynamic/"));
    assert.deepEqual(dynamic.map((r) => typeOfUrn(r.urn)).sort(), [
      "Customer",
      "CustomerBillingProfile",
      "CustomerUsageBudget",
    ]);
    for (const r of dynamic) {
      const shim = r.outputs?.__provider as string;
      assert.match(shim, /require\("pulumi-partner-center\/dist\/provider\/runtime"\)/);
      assert.deepEqual(leakedSecrets(shim, { ...e2e.secrets, endpoint: e2e.emu.url }), []);
    }
  });

  it("refresh --preview-only reports drift made through the API, and writes nothing", async () => {
    const p = await profile();
    await emulatorOk(e2e.emu, "PUT", `/v1/customers/${customer().id}/profiles/billing`, {
      token,
      body: { ...p, companyName: "Renamed in the portal", defaultAddress: { ...p.defaultAddress, city: "Bellevue" } },
    });
    await emulatorOk(e2e.emu, "PATCH", `/v1/customers/${customer().id}/usagebudget`, { token, body: { amount: 10 } });
    const before = readCheckpoint(e2e.env, PROJECT, STACK).text;

    const log = new EventLog();
    await stack.refresh({ previewOnly: true, onEvent: log.onEvent });
    const byType = Object.fromEntries(Object.entries(log.opsByUrn()).map(([urn, op]) => [typeOfUrn(urn), op]));
    assert.deepEqual(byType, { CustomerBillingProfile: "update", CustomerUsageBudget: "update", Customer: "same" });
    assert.equal(readCheckpoint(e2e.env, PROJECT, STACK).text, before, "a preview-only refresh writes no state");
  });

  it("up --refresh repairs the drift; then nothing is left to do", async () => {
    const log = new EventLog();
    await stack.up({ refresh: true, onEvent: log.onEvent });
    assert.deepEqual(log.errors(), []);
    const now = await profile();
    assert.deepEqual([now.companyName, now.defaultAddress.city], [COMPANY, "Redmond"]);
    assert.equal(await budget(), 750);
    const pv = await stack.preview({ refresh: true, expectNoChanges: true });
    assert.deepEqual(pv.changeSummary, { same: 4 });
  });

  it("destroy keeps the billing profile and the customer (and says so) and clears the budget", async () => {
    const log = new EventLog();
    await stack.destroy({ onEvent: log.onEvent });
    assert.deepEqual(log.ops(), { delete: 3 });
    const kept = (
      await emulatorOk<{ items: Array<{ companyProfile: { domain: string } }> }>(
        e2e.emu,
        "GET",
        "/v1/customers?size=500",
        {
          token,
        },
      )
    ).items;
    assert.ok(
      kept.some((c) => c.companyProfile.domain === NEW_DOMAIN),
      "the new customer is kept",
    );
    const messages = log.events.map((e) => e.diagnosticEvent?.message ?? "");
    assert.ok(
      messages.some((m) => m.includes(NEW_DOMAIN) && /kept because deletionPolicy is "retain"/.test(m)),
      "the engine shows why the customer is kept",
    );
    assert.equal((await profile()).companyName, COMPANY, "the billing profile stays as it was");
    assert.equal(await budget(), null, "the budget is cleared");
    const said = log.events
      .map((e) => e.diagnosticEvent?.message ?? "")
      .filter((m) => /billing profile cannot be removed/.test(m));
    assert.ok(said.length > 0, "the engine shows the keep-on-delete warning");
  });
});
