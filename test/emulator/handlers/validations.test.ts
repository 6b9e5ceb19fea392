import assert from "assert";
import { useEmulator } from "./apiFixture";

describe("emulator handlers: validation codes", () => {
  const api = useEmulator();

  it("returns the partner's validation codes as a bare array", async () => {
    const res = await api.call("GET", "/v1/customers/all/validations", { as: "app" });
    assert.strictEqual(res.status, 200);
    assert.ok(Array.isArray(res.data));
    const partner = api.emu.seed.partners[0].tenantId;
    const expected = api.emu.store.data.partners[0].validationCodes;
    assert.strictEqual(res.data.length, expected.length);
    assert.ok(res.data.length > 0);
    for (const [i, v] of res.data.entries()) {
      assert.strictEqual(v.partnerId, partner);
      assert.strictEqual(v.validationId, expected[i].validationId);
      assert.strictEqual(v.remainingCreates, expected[i].remainingCreates);
      assert.strictEqual(typeof v.eTag, "string");
      assert.strictEqual(v.attributes, undefined);
    }
  });
});
