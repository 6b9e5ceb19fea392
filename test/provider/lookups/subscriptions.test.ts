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

  it("listOrders, optionally by billing cycle", async () => {
    const all = await listOrders(customer().id, { config: lookupConfig(emu) });
    assert.ok(all.length > 0);
    const cycle = String(all[0].billingCycle ?? "monthly");
    const name =
      (["Monthly", "Annual", "OneTime", "Triennial", "None"] as const).find(
        (c) => c.toLowerCase() === cycle.replace("_", "").toLowerCase(),
      ) ?? "Monthly";
    const filtered = await listOrders(customer().id, { config: lookupConfig(emu), billingCycle: name });
    assert.ok(filtered.length > 0 && filtered.length <= all.length);
    for (const o of filtered)
      assert.strictEqual(String(o.billingCycle).replace("_", "").toLowerCase(), name.toLowerCase());
  });

  it("listEntitlements", async () => {
    const list = await listEntitlements(customer().id, { config: lookupConfig(emu) });
    assert.ok(list.length > 0);
    for (const e of list) assert.strictEqual(typeof e.productId, "string");
    const software = await listEntitlements(customer().id, { config: lookupConfig(emu), entitlementType: "software" });
    for (const e of software) assert.strictEqual(String(e.entitlementType).toLowerCase(), "software");
  });
});
