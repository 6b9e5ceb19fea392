// Cross-partner isolation through the provider: configured as one partner, nothing the provider does can read,
// change or delete another partner's customers. Every attempt fails loudly (403 from Partner Center surfaces as
// an error, never as "gone"), and the other partner's objects are unchanged afterwards.
import assert from "assert";
import { PartnerCenterError } from "../../provider/client";
import { apiCallsSince, provision, runtime, startFixture, type Fixture } from "../provider/resources/fixture";

describe("security: cross-partner isolation through the provider", () => {
  let f: Fixture;
  const other = () => f.emu.seed.partners[1];
  const otherCustomer = () => other().customers[0];
  const otherUser = () => f.emu.store.data.partners[1].customers[0].users.find((u) => u.state === "active")!;
  const otherState = () => JSON.stringify(f.emu.store.data.partners[1]);

  before(async () => (f = await startFixture()));
  after(async () => f && (await f.close()));

  it("the provider is configured as the first partner, and the second partner's customer is not its own", () => {
    assert.notStrictEqual(other().tenantId, f.partner.tenantId);
    assert.ok(!f.partner.customers.some((c) => c.id === otherCustomer().id));
  });

  it("create in another partner's customer fails with 403 and makes nothing", async () => {
    const before = otherState();
    const seq = await f.lastSeq();
    await assert.rejects(
      provision("CustomerUser", {
        customerId: otherCustomer().id,
        userPrincipalName: `intruder@${otherCustomer().domain}`,
        displayName: "Intruder",
      }),
      (e: Error) => /403|no commerce relationship/i.test(e.message),
    );
    assert.strictEqual(otherState(), before, "the other partner's data is unchanged");
    const calls = await apiCallsSince(f, seq);
    assert.ok(
      calls.length > 0 && calls.every((c) => c.status === 403),
      `every call was refused: ${calls.map((c) => `${c.method} ${c.path} ${c.status}`).join(", ")}`,
    );
  });

  it("read of another partner's user throws instead of reporting it gone (which would drop it from state)", async () => {
    const id = `${otherCustomer().id}/${otherUser().id}`;
    await assert.rejects(
      runtime.read("CustomerUser", id, {
        customerId: otherCustomer().id,
        userPrincipalName: otherUser().userPrincipalName,
        displayName: "x",
      }),
      /403/,
    );
    const roleId = otherCustomer().roles[0].id;
    await assert.rejects(
      runtime.read("UserRoleAssignment", `${otherCustomer().id}/${otherUser().id}/${roleId}`, {
        customerId: otherCustomer().id,
        userId: otherUser().id,
        roleId,
      }),
      /403/,
    );
    const skuId = otherCustomer().skus[0].id;
    await assert.rejects(
      runtime.read("UserLicenseAssignment", `${otherCustomer().id}/${otherUser().id}/${skuId}`, {
        customerId: otherCustomer().id,
        userId: otherUser().id,
        skuId,
      }),
      /403/,
    );
  });

  it("update and delete of another partner's user, role membership and license fail and change nothing", async () => {
    const before = otherState();
    const c = otherCustomer().id;
    const u = otherUser();
    const olds = { customerId: c, userPrincipalName: u.userPrincipalName, displayName: u.displayName, userId: u.id };
    await assert.rejects(
      runtime.update("CustomerUser", `${c}/${u.id}`, olds, { ...olds, displayName: "Hijacked" }),
      /403/,
    );
    await assert.rejects(runtime.delete("CustomerUser", `${c}/${u.id}`, olds), /403/);
    const roleId = otherCustomer().roles[0].id;
    await assert.rejects(
      runtime.delete("UserRoleAssignment", `${c}/${u.id}/${roleId}`, { customerId: c, userId: u.id, roleId }),
      /403/,
    );
    const skuId = otherCustomer().skus[0].id;
    await assert.rejects(
      runtime.delete("UserLicenseAssignment", `${c}/${u.id}/${skuId}`, { customerId: c, userId: u.id, skuId }),
      /403/,
    );
    assert.strictEqual(otherState(), before);
  });

  it("a policy, nickname or usage budget of another partner's customer cannot be made", async () => {
    const before = otherState();
    const c = otherCustomer();
    await assert.rejects(
      provision("SubscriptionNickname", {
        customerId: c.id,
        subscriptionId: c.subscriptions[0].id,
        nickname: "Mine now",
      }),
    );
    await assert.rejects(provision("CustomerUsageBudget", { customerId: c.id, amount: 1 }));
    await assert.rejects(
      provision("SelfServePolicy", {
        customerId: c.id,
        permissions: [{ resource: "AzureReservedInstances", action: "Purchase" }],
      }),
    );
    assert.strictEqual(otherState(), before);
    assert.ok(
      !f.emu.store.data.selfServePolicies.some((p) => p.entityTenantId === c.id),
      "no policy for the other partner's customer",
    );
  });

  it("the errors carry status 403 and Partner Center's code, so a caller can tell refusal from absence", async () => {
    const { clientFor } = await import("../provider/client/emulatorClient");
    const client = clientFor(f.emu, "user");
    const e = await client.users.get(otherCustomer().id, otherUser().id).then(
      () => undefined,
      (err: unknown) => err,
    );
    assert.ok(e instanceof PartnerCenterError);
    assert.strictEqual(e.status, 403);
    assert.strictEqual(String(e.code), "20002");
  });
});
