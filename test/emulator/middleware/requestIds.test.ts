import assert from "node:assert/strict";
import { apiClient, bearer } from "../helpers";
import { useTestRoutesEmulator } from "../testRoutesEmulator";

describe("emulator request ids", () => {
  const core = useTestRoutesEmulator();

  it("echoes MS-RequestId and MS-CorrelationId and adds MS-CV and MS-ServerId", async () => {
    const headers = bearer(core.token, {
      "MS-RequestId": "6f0a5b3e-0d3c-4a8e-9a55-0d6a3a1b2c3d",
      "MS-CorrelationId": "0e4b1c2d-3e4f-4a5b-8c6d-7e8f9a0b1c2d",
    });
    const res = await apiClient(core.emu).get(`/v1/customers/${core.emu.seed.partners[0].customers[0].id}/ping`, {
      headers,
    });
    assert.equal(res.headers["ms-requestid"], "6f0a5b3e-0d3c-4a8e-9a55-0d6a3a1b2c3d");
    assert.equal(res.headers["ms-correlationid"], "0e4b1c2d-3e4f-4a5b-8c6d-7e8f9a0b1c2d");
    assert.ok(res.headers["ms-cv"]);
    assert.ok(res.headers["ms-serverid"]);
  });

  it("generates both ids when missing, also on error answers", async () => {
    const res = await apiClient(core.emu).get("/v1/nothing");
    assert.equal(res.status, 401);
    assert.match(String(res.headers["ms-requestid"]), /^[0-9a-f-]{36}$/);
    assert.match(String(res.headers["ms-correlationid"]), /^[0-9a-f-]{36}$/);
    assert.notEqual(res.headers["ms-requestid"], res.headers["ms-correlationid"]);
  });

  it("refuses an MS-RequestId or MS-CorrelationId over 128 characters with 400/2000 naming it, and never echoes it", async () => {
    const path = `/v1/customers/${core.emu.seed.partners[0].customers[0].id}/ping`;
    const long = "a".repeat(5000);
    for (const name of ["MS-RequestId", "MS-CorrelationId"]) {
      const res = await apiClient(core.emu).get(path, { headers: bearer(core.token, { [name]: long }) });
      assert.equal(res.status, 400, name);
      assert.equal(res.data.code, 2000);
      assert.match(res.data.description, new RegExp(`${name} header is 5000 characters long`));
      assert.equal(res.data.source, "PartnerFD");
      assert.ok(!JSON.stringify(res.headers).includes(long.slice(0, 200)), `${name} is not echoed`);
      assert.match(String(res.headers[name.toLowerCase()]), /^[0-9a-f-]{36}$/);
    }
    const atLimit = "b".repeat(128);
    const ok = await apiClient(core.emu).get(path, { headers: bearer(core.token, { "MS-RequestId": atLimit }) });
    assert.equal(ok.status, 200);
    assert.equal(ok.headers["ms-requestid"], atLimit);
  });
});
