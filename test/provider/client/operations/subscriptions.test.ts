import assert from "assert";
import { collect, isPreconditionFailed } from "../../../../provider/client";
import { clientFor, useEmulator } from "../emulatorClient";

describe("operations/subscriptions, orders and entitlements against the emulator", () => {
  const ctx = useEmulator();

  it("lists and gets subscriptions and renames one with its etag", async () => {
    const client = clientFor(ctx.emu, "secret");
    const listed = await collect(client.subscriptions.list(ctx.customer.id));
    assert.deepStrictEqual(listed.map((s) => s.id).sort(), ctx.customer.subscriptions.map((s) => s.id).sort());
    const sub = await client.subscriptions.get(ctx.customer.id, ctx.customer.subscriptions[0].id);
    assert.ok(sub.attributes?.etag, "subscriptions carry an etag");
    const renamed = await client.subscriptions.update(ctx.customer.id, { ...sub, friendlyName: "Renamed by test" });
    assert.strictEqual(renamed.friendlyName, "Renamed by test");
    assert.notStrictEqual(renamed.attributes?.etag, sub.attributes?.etag);
    assert.strictEqual((await client.subscriptions.get(ctx.customer.id, sub.id)).friendlyName, "Renamed by test");
    await assert.rejects(
      client.subscriptions.update(ctx.customer.id, { ...sub, friendlyName: "Stale" }),
      isPreconditionFailed,
    );
  });

  it("lists orders, by billing cycle too", async () => {
    const client = clientFor(ctx.emu, "secret");
    const orders = await client.orders.list(ctx.customer.id);
    assert.ok(orders.length > 0);
    assert.ok(orders.every((o) => typeof o.id === "string"));
    const monthly = await client.orders.list(ctx.customer.id, { billingType: "Monthly" });
    assert.ok(monthly.every((o) => o.billingCycle === "monthly"));
  });

  it("lists entitlements", async () => {
    const client = clientFor(ctx.emu, "user");
    const entitlements = await client.entitlements.list(ctx.customer.id, { showExpiry: true });
    assert.ok(Array.isArray(entitlements));
    const software = await client.entitlements.list(ctx.customer.id, { entitlementType: "software" });
    assert.ok(software.every((e) => e.entitlementType?.toLowerCase() === "software"));
  });
});
