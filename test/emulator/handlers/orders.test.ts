import assert from "assert";
import { expectError, useEmulator } from "./apiFixture";

describe("emulator handlers: orders", () => {
  const api = useEmulator();
  const cid = () => api.customer(0).id;

  it("lists the customer's orders with line items and links", async () => {
    const res = await api.call("GET", `/v1/customers/${cid()}/orders`, { as: "app" });
    assert.strictEqual(res.status, 200);
    const stored = api.emu.store.data.partners[0].customers[0].orders;
    assert.strictEqual(res.data.totalCount, stored.length);
    const order = res.data.items[0];
    assert.strictEqual(order.referenceCustomerId, cid());
    assert.strictEqual(order.attributes.objectType, "Order");
    assert.strictEqual(order.links.self.uri, `/customers/${cid()}/orders/${order.id}`);
    assert.strictEqual(order.lineItems[0].lineItemNumber, 0);
    const one = await api.call("GET", `/v1/customers/${cid()}/orders/${order.id}`);
    assert.strictEqual(one.data.id, order.id);
    expectError(await api.call("GET", `/v1/customers/${cid()}/orders/nope`), 404, 20000);
  });

  it("filters by billingType ignoring case and underscores", async () => {
    const customer = api.emu.store.data.partners[0].customers[0];
    customer.orders.push({ ...customer.orders[0], id: "one-time-order", billingCycle: "one_time", lineItems: [] });
    for (const spelling of ["OneTime", "onetime", "one_time"]) {
      const res = await api.call("GET", `/v1/customers/${cid()}/orders?billingType=${spelling}`);
      assert.deepStrictEqual(
        res.data.items.map((o: { id: string }) => o.id),
        ["one-time-order"],
        spelling,
      );
    }
    const monthly = await api.call("GET", `/v1/customers/${cid()}/orders?billingType=Monthly`);
    assert.ok(
      monthly.data.items.length > 0 &&
        monthly.data.items.every((o: { billingCycle: string }) => o.billingCycle === "monthly"),
    );
    expectError(await api.call("GET", `/v1/customers/${cid()}/orders?billingType=weekly`), 400, 2000, /billingType/);
  });
});
