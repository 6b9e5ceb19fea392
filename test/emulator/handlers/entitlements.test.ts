import assert from "assert";
import { expectError, useEmulator } from "./apiFixture";
import type { EntitlementRecord } from "../../../emulator/store/types";

const entitlement = (type: string, orderId: string): EntitlementRecord => ({
  referenceOrder: { id: orderId, lineItemId: "0" },
  productId: "DZH318Z0BQ3Q",
  skuId: "0001",
  quantity: 1,
  entitlementType: type,
  expiryDate: "2027-01-01T00:00:00Z",
  entitledArtifacts: [],
  includedEntitlements: [],
});

describe("emulator handlers: entitlements", () => {
  const api = useEmulator();
  const cid = () => api.customer(0).id;
  beforeEach(() => {
    const customer = api.emu.store.data.partners[0].customers[0];
    customer.entitlements = [entitlement("software", "o1"), entitlement("reservedInstance", "o2")];
  });

  it("lists every entitlement without expiry dates by default", async () => {
    const res = await api.call("GET", `/v1/customers/${cid()}/entitlements`);
    assert.strictEqual(res.status, 200);
    assert.deepStrictEqual(
      res.data.items.map((e: { referenceOrder: { id: string } }) => e.referenceOrder.id),
      ["o1", "o2"],
    );
    assert.ok(res.data.items.every((e: { expiryDate?: string }) => e.expiryDate === undefined));
  });

  it("filters by entitlementType and shows expiry on request", async () => {
    const res = await api.call(
      "GET",
      `/v1/customers/${cid()}/entitlements?entitlementType=reservedinstance&showExpiry=true`,
    );
    assert.deepStrictEqual(
      res.data.items.map((e: { referenceOrder: { id: string }; expiryDate: string }) => [
        e.referenceOrder.id,
        e.expiryDate,
      ]),
      [["o2", "2027-01-01T00:00:00Z"]],
    );
    const legacy = await api.call(
      "GET",
      `/v1/customers/${cid()}/entitlements?entitlementType=virtualmachinereservedinstance`,
    );
    assert.strictEqual(legacy.data.totalCount, 1);
    expectError(await api.call("GET", `/v1/customers/${cid()}/entitlements?entitlementType=hardware`), 400, 2000);
    expectError(await api.call("GET", `/v1/customers/${cid()}/entitlements?showExpiry=maybe`), 400, 2000);
  });
});
