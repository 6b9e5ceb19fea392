import assert from "assert";
import type { Emulator } from "../../../emulator";
import { getSubscription, listEntitlements, listOrders, listSubscriptions } from "../../../provider/lookups";
import { startTestEmulator } from "../../emulator/helpers";
import { lookupConfig } from "./fixture";

describe("lookups/subscriptions, orders and entitlements (against the emulator)", () => {
  let emu: Emulator;
  before(async () => (emu = await startTestEmulator()));
  after(async () => emu && (await emu.close()));
  const customer = () => emu.seed.partners[0].customers[0];

  it("listSubscriptions and getSubscription", async () => {
    const subs = await listSubscriptions(customer().id, { config: lookupConfig(emu) });
    assert.deepStrictEqual(
      subs.map((s) => s.id).sort(),
      customer()
        .subscriptions.map((s) => s.id)
        .sort(),
    );
    const one = await getSubscription(customer().id, subs[0].id, { config: lookupConfig(emu) });
    assert.strictEqual(one.id, subs[0].id);
    assert.ok(one.attributes?.etag);
  });

  const cycleOf = (value: unknown) => String(value).replace(/_/g, "").toLowerCase();

  it("listOrders, optionally by billing cycle: each cycle gives exactly the orders of that cycle", async () => {
    const all = await listOrders(customer().id, { config: lookupConfig(emu) });
    assert.ok(all.length > 0, "the seeded customer has orders");
    const cycles = ["Monthly", "Annual", "OneTime", "Triennial", "None"] as const;
    const byCycle = await Promise.all(
      cycles.map((billingCycle) => listOrders(customer().id, { config: lookupConfig(emu), billingCycle })),
    );
    cycles.forEach((cycle, i) => {
      assert.deepStrictEqual(
        byCycle[i].map((o) => o.id).sort(),
        all
          .filter((o) => cycleOf(o.billingCycle) === cycle.toLowerCase())
          .map((o) => o.id)
          .sort(),
        cycle,
      );
    });
    assert.ok(
      byCycle.some((list) => list.length > 0),
      "some cycle has orders",
    );
    assert.ok(
      byCycle.some((list) => list.length < all.length),
      "some cycle leaves orders out (the filter is applied)",
    );
  });

  it("listEntitlements, optionally by type: each type gives exactly the entitlements of that type", async () => {
    const all = await listEntitlements(customer().id, { config: lookupConfig(emu) });
    assert.ok(all.length > 0, "the seeded customer has entitlements");
    assert.ok(
      all.every((e) => typeof e.productId === "string" && e.productId !== ""),
      "every entitlement names its product",
    );
    const types = ["software", "reservedInstance"];
    const byType = await Promise.all(
      types.map((entitlementType) => listEntitlements(customer().id, { config: lookupConfig(emu), entitlementType })),
    );
    types.forEach((type, i) => {
      assert.deepStrictEqual(
        byType[i].map((e) => `${e.productId}/${e.skuId}`).sort(),
        all
          .filter((e) => String(e.entitlementType).toLowerCase() === type.toLowerCase())
          .map((e) => `${e.productId}/${e.skuId}`)
          .sort(),
        type,
      );
    });
    assert.ok(
      byType.some((list) => list.length > 0),
      "some type has entitlements",
    );
    assert.ok(
      byType.some((list) => list.length < all.length),
      "some type leaves entitlements out (the filter is applied)",
    );
  });
});
