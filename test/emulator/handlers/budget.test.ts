import assert from "assert";
import { expectError, useEmulator } from "./apiFixture";

describe("emulator handlers: usage budget", () => {
  const api = useEmulator();
  const path = () => `/v1/customers/${api.customer(0).id}/usagebudget`;

  it("sets, reads and clears the spending budget", async () => {
    const set = await api.call("PATCH", path(), {
      as: "app",
      body: { Amount: 250.5, Attributes: { ObjectType: "SpendingBudget" } },
    });
    assert.strictEqual(set.status, 200, JSON.stringify(set.data));
    assert.deepStrictEqual(set.data.attributes, { objectType: "SpendingBudget" });
    assert.deepStrictEqual(set.data.links.self, { uri: path(), method: "PATCH", headers: [] });
    const read = await api.call("GET", path(), { as: "app" });
    assert.strictEqual(read.data.amount, 250.5);
    assert.strictEqual((await api.call("PATCH", path(), { body: { amount: null } })).data.amount, null);
    assert.strictEqual((await api.call("GET", path())).data.amount, null);
  });

  it("refuses a missing, negative or non-numeric amount", async () => {
    expectError(await api.call("PATCH", path(), { body: {} }), 400, 2000, /amount/);
    expectError(await api.call("PATCH", path(), { body: { amount: -1 } }), 400, 2000, /amount/);
    expectError(await api.call("PATCH", path(), { body: { amount: "100" } }), 400, 2000, /amount/);
  });
});
