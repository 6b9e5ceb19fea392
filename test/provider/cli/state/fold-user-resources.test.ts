// Unit tests of the state fold behind `partner-center migrate-user-resources`: a deployment shaped as `pulumi stack
// export` writes it (version 3, URNs with the partnercenter type tokens, secret objects left encrypted). The real
// export → fold → import with the plain pulumi CLI is in test/cli-e2e/tenants-repository.test.ts.
import assert from "node:assert/strict";
import {
  foldUserResources,
  StateFoldError,
  type ExportedState,
  type StateResource,
} from "../../../../provider/cli/state/fold-user-resources";

const CUSTOMER = "2ce0d80d-21a0-45ab-ad0b-a96bd10857c3";
const JANE = "5b6a9f4e-0d4c-4d1e-9a39-2f8f6f9f0a11";
const OMAR = "7c1d2e3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f";
const STRANGER = "9e8d7c6b-5a49-4f3e-8d2c-1b0a9f8e7d6c";
const urn = (type: string, name: string) =>
  `urn:pulumi:prod::tenants::pulumi-nodejs:dynamic/partnercenter:${type}::${name}`;
const sealed = { "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270", ciphertext: "v1:abc" };
const STACK = "urn:pulumi:prod::tenants::pulumi:pulumi:Stack::tenants-prod";

function user(name: string, userId: string, extra: Record<string, unknown> = {}): StateResource {
  const inputs = { __provider: "p", customerId: CUSTOMER, userPrincipalName: `${name}@fabrikam.example`, ...extra };
  return {
    urn: urn("CustomerUser", `${CUSTOMER}/users/${name}`),
    custom: true,
    id: `${CUSTOMER}/${userId}`,
    parent: STACK,
    inputs,
    outputs: { ...inputs, userId, initialPassword: sealed },
  };
}
function role(userName: string, userId: string, roleName: string, deps = true): StateResource {
  const inputs = { __provider: "p", customerId: CUSTOMER, userId, roleName, adopt: false };
  return {
    urn: urn("UserRoleAssignment", `${CUSTOMER}/users/${userName}/roles/${roleName.toLowerCase()}`),
    custom: true,
    parent: STACK,
    inputs,
    outputs: { ...inputs, roleId: "62e90394-69f5-4237-9190-012177145e10" },
    ...(deps ? { dependencies: [urn("CustomerUser", `${CUSTOMER}/users/${userName}`)] } : {}),
  };
}
function license(userName: string, userId: string, sku: Record<string, unknown>, excludedPlans: string[] = []) {
  const inputs = { __provider: "p", customerId: CUSTOMER, userId, ...sku, excludedPlans, adopt: false };
  return {
    urn: urn("UserLicenseAssignment", `${CUSTOMER}/users/${userName}/licenses/${String(Object.values(sku)[0])}`),
    custom: true,
    parent: STACK,
    inputs,
    outputs: { ...inputs, skuId: "c42b9cae-ea4f-4ab7-9717-81576235ccac", assignedPlans: [] },
    dependencies: [urn("CustomerUser", `${CUSTOMER}/users/${userName}`)],
  } as StateResource;
}
const deployment = (resources: StateResource[], extra: Record<string, unknown> = {}): ExportedState => ({
  version: 3,
  deployment: { manifest: { time: "t" }, secrets_providers: { type: "passphrase" }, resources, ...extra },
});
const byName = (state: ExportedState, name: string) =>
  state.deployment.resources!.find((r) => r.urn.endsWith(`::${CUSTOMER}/users/${name}`))!;

describe("partner-center migrate-user-resources: the state fold", () => {
  it("folds each user's role and license assignments into its inputs and outputs and drops them from state", () => {
    const sku = "c42b9cae-ea4f-4ab7-9717-81576235ccac";
    const before = deployment([
      { urn: STACK, custom: false, type: "pulumi:pulumi:Stack" },
      user("jane", JANE),
      role("jane", JANE, "User Administrator"),
      role("jane", JANE, "Helpdesk Administrator"),
      license("jane", JANE, { skuPartNumber: "O365_BUSINESS_PREMIUM" }, ["YAMMER_ENTERPRISE"]),
      user("omar", OMAR),
      license("omar", OMAR, { skuId: sku }),
    ]);
    const result = foldUserResources(before);
    assert.deepEqual([result.users, result.roles, result.licenses, result.leftAlone], [2, 2, 2, []]);
    assert.deepEqual(
      result.state.deployment.resources!.map((r) => r.urn),
      [STACK, urn("CustomerUser", `${CUSTOMER}/users/jane`), urn("CustomerUser", `${CUSTOMER}/users/omar`)],
    );
    const jane = byName(result.state, "jane");
    for (const props of [jane.inputs!, jane.outputs!]) {
      assert.deepEqual(props.roles, ["User Administrator", "Helpdesk Administrator"]);
      assert.deepEqual(props.licenses, [{ sku: "O365_BUSINESS_PREMIUM", excludedPlans: ["YAMMER_ENTERPRISE"] }]);
    }
    assert.deepEqual(jane.outputs!.initialPassword, sealed, "a secret stays encrypted as exported");
    const omar = byName(result.state, "omar");
    assert.deepEqual([omar.inputs!.roles, omar.outputs!.licenses], [[], [{ sku, excludedPlans: [] }]]);
    assert.deepEqual(result.state.deployment.secrets_providers, { type: "passphrase" });
    assert.equal(before.deployment.resources!.length, 7, "the exported deployment is not changed in place");
  });

  it("gives a user without assignments empty lists and keeps lists a user already holds, adding to them", () => {
    const result = foldUserResources(
      deployment([
        user("jane", JANE, { roles: ["user administrator"], licenses: [] }),
        role("jane", JANE, "User Administrator"),
        role("jane", JANE, "Billing Administrator"),
        user("omar", OMAR),
      ]),
    );
    assert.deepEqual(byName(result.state, "jane").inputs!.roles, ["user administrator", "Billing Administrator"]);
    assert.deepEqual(byName(result.state, "omar").outputs!.roles, []);
    assert.deepEqual(byName(result.state, "omar").outputs!.licenses, []);
  });

  it("leaves an assignment of a user the stack does not manage, and drops folded URNs from every dependency", () => {
    const folded = role("jane", JANE, "User Administrator");
    const dependent: StateResource = {
      urn: urn("SelfServePolicy", `${CUSTOMER}/policy`),
      inputs: { customerId: CUSTOMER },
      dependencies: [folded.urn, STACK],
      propertyDependencies: { customerId: [folded.urn] },
      deletedWith: folded.urn,
    };
    const stranger = role("someone", STRANGER, "User Administrator", false);
    const result = foldUserResources(deployment([user("jane", JANE), folded, stranger, dependent]));
    assert.deepEqual(result.leftAlone, [{ urn: stranger.urn, reason: "its user is not a CustomerUser of this stack" }]);
    const after = result.state.deployment.resources!.find((r) => r.urn === dependent.urn)!;
    assert.deepEqual(
      [after.dependencies, after.propertyDependencies, after.deletedWith],
      [[STACK], { customerId: [] }, undefined],
    );
    assert.ok(result.state.deployment.resources!.some((r) => r.urn === stranger.urn));
  });

  it("refuses a stack with pending operations and a resource parented by an assignment, saying the fix", () => {
    assert.throws(
      () => foldUserResources(deployment([user("jane", JANE)], { pending_operations: [{ type: "creating" }] })),
      (e: Error) => e instanceof StateFoldError && /1 pending operation.*Fix: run `pulumi refresh`/.test(e.message),
    );
    const folded = role("jane", JANE, "User Administrator");
    const child: StateResource = { urn: urn("SelfServePolicy", "child"), parent: folded.urn };
    assert.throws(
      () => foldUserResources(deployment([user("jane", JANE), folded, child])),
      /has an assignment as its parent.*Fix: give it another parent/,
    );
    assert.throws(() => foldUserResources({ version: 2, deployment: {} }), /version 2.*Fix/);
  });
});
