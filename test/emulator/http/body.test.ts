import assert from "node:assert/strict";
import { normalizeKeys } from "../../../emulator/http/body";
import { apiClient, bearer } from "../helpers";
import { useTestRoutesEmulator } from "../testRoutesEmulator";

describe("emulator request bodies", () => {
  const core = useTestRoutesEmulator();

  const json = (extra: Record<string, string> = {}) =>
    bearer(core.token, { "Content-Type": "application/json", ...extra });

  it("normalises PascalCase keys at every depth by lower-casing the first letter only", async () => {
    const res = await apiClient(core.emu).post(
      "/v1/echo",
      '{"CompanyProfile":{"TenantID":"x","Items":[{"ObjectType":"Customer"}]},"id":1}',
      { headers: json() },
    );
    assert.equal(res.status, 200);
    assert.deepEqual(res.data.body, { companyProfile: { tenantID: "x", items: [{ objectType: "Customer" }] }, id: 1 });
    assert.deepEqual(normalizeKeys({ A: [1, { BC: null }] }), { a: [1, { bC: null }] });
  });

  it("drops a __proto__ key at any depth: it is neither data nor a prototype", async () => {
    const res = await apiClient(core.emu).post(
      "/v1/echo",
      '{"__proto__":{"polluted":true},"Inner":{"__proto__":{"polluted":true},"kept":1}}',
      { headers: json(), transformRequest: [(d) => d] },
    );
    assert.equal(res.status, 200);
    assert.deepEqual(res.data.body, { inner: { kept: 1 } });
    const normalized = normalizeKeys(JSON.parse('{"__proto__":{"polluted":true}}')) as Record<string, unknown>;
    assert.equal(normalized.polluted, undefined);
    assert.equal(Object.getPrototypeOf(normalized), Object.prototype);
    assert.deepEqual(Object.keys(normalized), []);
  });

  it("accepts a body nested 64 levels deep and refuses a deeper one with 400 naming the limit, not 'not valid JSON'", async () => {
    const nested = (levels: number) => '{"a":'.repeat(levels - 1) + "{}" + "}".repeat(levels - 1);
    const ok = await apiClient(core.emu).post("/v1/echo", nested(64), {
      headers: json(),
      transformRequest: [(d) => d],
    });
    assert.equal(ok.status, 200, JSON.stringify(ok.data));
    const deep = await apiClient(core.emu).post("/v1/echo", nested(65), {
      headers: json(),
      transformRequest: [(d) => d],
    });
    assert.equal(deep.status, 400);
    assert.equal(deep.data.code, 2000);
    assert.match(deep.data.description, /nested more than 64 levels deep/);
    const huge = await apiClient(core.emu).post("/v1/echo", "[".repeat(200_000) + "]".repeat(200_000), {
      headers: json(),
      transformRequest: [(d) => d],
    });
    assert.equal(huge.status, 400);
    assert.doesNotMatch(huge.data.description, /not valid JSON|call stack/);
  });

  it("answers malformed JSON with 400 / 2000 and keeps serving", async () => {
    // transformRequest keeps axios from re-encoding the broken text as a JSON string
    const res = await apiClient(core.emu).post("/v1/echo", '{"a":', { headers: json(), transformRequest: [(d) => d] });
    assert.equal(res.status, 400);
    assert.equal(res.data.code, 2000);
    assert.match(res.data.description, /not valid JSON/);
    assert.equal((await apiClient(core.emu).post("/v1/echo", "{}", { headers: json() })).status, 200);
  });

  it("answers a non-JSON content type with 400 naming the fix", async () => {
    const res = await apiClient(core.emu).post("/v1/echo", "a=b", { headers: json({ "Content-Type": "text/plain" }) });
    assert.equal(res.status, 400);
    assert.match(res.data.description, /application\/json/);
  });

  it("answers a body over 1 MiB with 413 and a clear description", async () => {
    const big = JSON.stringify({ data: "x".repeat(1024 * 1024 + 10) });
    const res = await apiClient(core.emu).post("/v1/echo", big, { headers: json() });
    assert.equal(res.status, 413);
    assert.match(res.data.description, /1 MiB/);
    assert.equal((await apiClient(core.emu).post("/v1/echo", "{}", { headers: json() })).status, 200);
  });
});
