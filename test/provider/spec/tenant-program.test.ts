// The root program (provider/spec/tenant-program.ts) under Pulumi mocks: which resources a spec declares, with what
// names and inputs; customers named by domain are resolved through the real client against the emulator; and any
// problem (a spec mistake, an unknown domain, one customer in two files) stops the run before a single resource is
// registered.
import { strict as assert } from "assert";
import { mkdtempSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import * as pulumi from "@pulumi/pulumi";
import type { Emulator } from "../../../emulator";
import { TenantSpecError } from "../../../provider/spec/problems";
import { runTenantProgram } from "../../../provider/spec/tenant-program";
import { startTestEmulator } from "../../emulator/helpers";
import { clientFor } from "../client/emulatorClient";

interface Registered {
  type: string;
  name: string;
  inputs: Record<string, unknown>;
}

describe("spec/tenant-program (Pulumi mocks, customers resolved against the emulator)", () => {
  let emu: Emulator;
  let dir: string;
  let seen: Registered[];
  const partner = () => emu.seed.partners[0];
  const fabrikam = () => partner().customers[0];
  const wingtip = () => partner().customers[1];

  before(async () => {
    emu = await startTestEmulator();
  });
  after(async () => {
    await emu?.close();
  });
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), "pc-tenants-"));
    seen = [];
    await pulumi.runtime.setMocks(
      {
        newResource: (args) => {
          seen.push({ type: args.type.split(":").pop()!, name: args.name, inputs: args.inputs });
          return { id: `${args.name}-id`, state: { ...args.inputs, userId: `${args.name}-uid` } };
        },
        call: () => ({}),
      },
      "partner-center-tenants",
      "test",
      false,
    );
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  /** Lets the mocked registrations (asynchronous after construction) arrive. */
  async function settled(expected: number): Promise<void> {
    for (let i = 0; i < 500 && seen.length < expected; i++) await new Promise((r) => setImmediate(r));
  }

  it("userResources: perUser declares one CustomerUser per user, holding its roles and licenses", async () => {
    writeFileSync(
      join(dir, "fabrikam.yaml"),
      [
        `customer: ${fabrikam().id}`,
        "userResources: perUser",
        "users:",
        `  - userPrincipalName: jane@${fabrikam().domain}`,
        "    displayName: Jane",
        "    roles: [Helpdesk Administrator]",
        "    licenses: [O365_BUSINESS_PREMIUM, { sku: POWER_BI_PRO, excludedPlans: [BI_AZURE_P2] }]",
        `  - { userPrincipalName: bob@${fabrikam().domain}, displayName: Bob }`,
      ].join("\n"),
    );
    await runTenantProgram({ tenantsPath: dir, lookup: clientFor(emu, "user") });
    await settled(2);
    await new Promise((r) => setTimeout(r, 50));
    assert.deepEqual(seen.map((r) => r.type).sort(), ["CustomerUser", "CustomerUser"]);
    const jane = seen.find((r) => String(r.name).startsWith(`${fabrikam().id}/users/jane`))!;
    assert.deepEqual(jane.inputs.roles, ["Helpdesk Administrator"]);
    assert.deepEqual(jane.inputs.licenses, [
      { sku: "O365_BUSINESS_PREMIUM", excludedPlans: [] },
      { sku: "POWER_BI_PRO", excludedPlans: ["BI_AZURE_P2"] },
    ]);
    const bob = seen.find((r) => String(r.name).startsWith(`${fabrikam().id}/users/bob`))!;
    assert.deepEqual([bob.inputs.roles, bob.inputs.licenses], [[], []], "perUser manages an empty list too");
  });

  it("userResources: perUser refuses a per-license adopt, naming the field and the fix", async () => {
    writeFileSync(
      join(dir, "fabrikam.yaml"),
      [
        `customer: ${fabrikam().id}`,
        "userResources: perUser",
        "users:",
        `  - { userPrincipalName: jane@${fabrikam().domain}, displayName: Jane, licenses: [{ sku: POWER_BI_PRO, adopt: true }] }`,
      ].join("\n"),
    );
    await assert.rejects(
      runTenantProgram({ tenantsPath: dir, lookup: clientFor(emu, "user") }),
      (e: Error) =>
        /users\[0\]\.licenses\[0\]\.adopt|users\.0\.licenses\.0\.adopt/.test(e.message) &&
        /Fix: remove it/.test(e.message),
    );
    assert.deepEqual(seen, []);
  });

  it("declares every section of every customer with stable names and the file's adopt default", async () => {
    writeFileSync(
      join(dir, "fabrikam.yaml"),
      [
        `customer: ${fabrikam().domain.toUpperCase()}`,
        "adopt: true",
        "users:",
        `  - userPrincipalName: Jane@${fabrikam().domain}`,
        "    displayName: Jane",
        "    roles: [Helpdesk Administrator, 62e90394-69f5-4237-9190-012177145e10]",
        "    licenses: [O365_BUSINESS_PREMIUM, { sku: POWER_BI_PRO, adopt: false }]",
        "  - { userPrincipalName: " +
          `bob@${fabrikam().domain}, displayName: Bob, adopt: false, roles: [Directory Readers] }`,
        "selfServePolicy: { permissions: [{ resource: AzureReservedInstances, action: Purchase }] }",
        `subscriptions: [{ id: ${fabrikam().subscriptions[0].id.toUpperCase()}, nickname: Sales }]`,
        "domains: [{ name: Contoso.Example }]",
        "usageBudget: { amount: 250 }",
        "billingProfile: { companyName: Fabrikam, culture: EN-us }",
      ].join("\n"),
    );
    writeFileSync(
      join(dir, "wingtip.yaml"),
      [
        `customer: ${wingtip().id}`,
        "usageBudget: { amount: none }",
        "qualifications: [{ qualification: StateOwnedEntity }]",
        "customerAgreements: [{ primaryContact: { firstName: Jane, lastName: Doe, email: Jane@Wingtip.example } }]",
      ].join("\n"),
    );

    const result = await runTenantProgram({ tenantsPath: dir, lookup: clientFor(emu, "user") });
    const f = fabrikam().id;
    const w = wingtip().id;
    assert.deepEqual(result.customers, { [f]: join(dir, "fabrikam.yaml"), [w]: join(dir, "wingtip.yaml") });
    await settled(15);
    const byName = Object.fromEntries(seen.map((r) => [r.name, r]));
    const jane = `jane@${fabrikam().domain}`;
    assert.deepEqual(
      seen.map((r) => `${r.type} ${r.name}`).sort(),
      [
        `CustomerAgreement ${w}/customerAgreements/jane@wingtip.example`,
        `CustomerBillingProfile ${f}/billingProfile`,
        `CustomerQualification ${w}/qualifications/stateownedentity`,
        `CustomerUsageBudget ${f}/usageBudget`,
        `CustomerUsageBudget ${w}/usageBudget`,
        `CustomerUser ${f}/users/bob@${fabrikam().domain}`,
        `CustomerUser ${f}/users/${jane}`,
        `SelfServePolicy ${f}/selfServePolicy`,
        `SubscriptionNickname ${f}/subscriptions/${fabrikam().subscriptions[0].id}`,
        `UserLicenseAssignment ${f}/users/${jane}/licenses/o365_business_premium`,
        `UserLicenseAssignment ${f}/users/${jane}/licenses/power_bi_pro`,
        `UserRoleAssignment ${f}/users/bob@${fabrikam().domain}/roles/directory readers`,
        `UserRoleAssignment ${f}/users/${jane}/roles/62e90394-69f5-4237-9190-012177145e10`,
        `UserRoleAssignment ${f}/users/${jane}/roles/helpdesk administrator`,
        `VerifiedDomain ${f}/domains/contoso.example`,
      ].sort(),
    );
    const inputs = (name: string) => byName[name].inputs;
    assert.equal(inputs(`${f}/users/${jane}`).customerId, f, "the domain was resolved to the tenant id");
    assert.equal(inputs(`${f}/users/${jane}`).adopt, true, "the file's adopt is the default");
    assert.equal(inputs(`${f}/users/bob@${fabrikam().domain}`).adopt, false, "a user's own adopt wins");
    assert.equal(
      inputs(`${f}/users/bob@${fabrikam().domain}/roles/directory readers`).adopt,
      false,
      "roles inherit the user's adopt",
    );
    assert.equal(inputs(`${f}/users/${jane}/roles/helpdesk administrator`).roleName, "Helpdesk Administrator");
    assert.equal(
      inputs(`${f}/users/${jane}/roles/62e90394-69f5-4237-9190-012177145e10`).roleId,
      "62e90394-69f5-4237-9190-012177145e10",
    );
    assert.equal(
      inputs(`${f}/users/${jane}/roles/helpdesk administrator`).userId,
      `${f}/users/${jane}-uid`,
      "the assignment is bound to the user's id output",
    );
    assert.equal(inputs(`${f}/users/${jane}/licenses/power_bi_pro`).adopt, false, "a license's own adopt wins");
    assert.equal(inputs(`${f}/users/${jane}/licenses/o365_business_premium`).skuPartNumber, "O365_BUSINESS_PREMIUM");
    assert.deepEqual(inputs(`${f}/users/${jane}/licenses/o365_business_premium`).excludedPlans, []);
    assert.equal(inputs(`${f}/domains/contoso.example`).authenticationType, "Managed");
    assert.equal(inputs(`${f}/usageBudget`).amount, 250);
    assert.equal(inputs(`${w}/usageBudget`).amount, "none");
    assert.equal(inputs(`${f}/billingProfile`).culture, "en-US");
    assert.equal(inputs(`${f}/billingProfile`).companyName, "Fabrikam");
    assert.deepEqual(inputs(`${w}/customerAgreements/jane@wingtip.example`).primaryContact, {
      firstName: "Jane",
      lastName: "Doe",
      email: "Jane@Wingtip.example",
    });
    assert.equal(inputs(`${w}/qualifications/stateownedentity`).qualification, "StateOwnedEntity");
    assert.deepEqual(inputs(`${f}/selfServePolicy`).permissions, [
      { resource: "AzureReservedInstances", action: "Purchase" },
    ]);
  });

  async function refused(files: Record<string, string>): Promise<TenantSpecError> {
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
    let error: unknown;
    try {
      await runTenantProgram({ tenantsPath: dir, lookup: clientFor(emu, "user") });
    } catch (e) {
      error = e;
    }
    await settled(1);
    assert.ok(error instanceof TenantSpecError, String(error));
    assert.deepEqual(seen, [], "nothing was registered");
    return error;
  }

  it("a mistake in any file stops the run before anything is registered", async () => {
    const e = await refused({
      "good.yaml": `customer: ${wingtip().id}\nusageBudget: { amount: 5 }\n`,
      "bad.yaml": `customer: ${fabrikam().id}\nusers:\n  - userPrincipalName: jane\n    displayName: Jane\n`,
    });
    assert.match(e.message, /bad\.yaml:3:\d+: users\[0\]\.userPrincipalName: must look like alias@domain\. Fix:/);
  });

  it("an unknown domain stops the run, naming the file and the fix", async () => {
    const e = await refused({ "x.yaml": "customer: nobody.onmicrosoft.com\nusageBudget: { amount: 5 }\n" });
    assert.equal(e.problems.length, 1);
    assert.equal(e.problems[0].path, "customer");
    assert.match(
      e.message,
      /x\.yaml: customer: no customer of this partner has the domain nobody\.onmicrosoft\.com\. Fix:/,
    );
  });

  it("one customer named by id in one file and by domain in another is refused", async () => {
    const e = await refused({
      "a.yaml": `customer: ${fabrikam().id}\n`,
      "b.yaml": `customer: ${fabrikam().domain}\n`,
    });
    assert.match(
      e.message,
      new RegExp(
        `b\\.yaml: customer: is customer ${fabrikam().id}, already described by .*a\\.yaml\\. Fix: describe each customer in one file`,
      ),
    );
  });
});
