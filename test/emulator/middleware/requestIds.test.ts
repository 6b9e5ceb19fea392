import assert from "node:assert/strict";
import type { Emulator } from "../../../emulator";
import { apiClient, appToken, bearer, startTestEmulator } from "../helpers";
import { testRoutes } from "../testRoutes";

describe("emulator request ids", () => {
  let emu: Emulator;
  let token: string;
  before(async () => {
    emu = await startTestEmulator({ routes: testRoutes });
    token = await appToken(emu);
  });
  after(async () => {
    await emu.close();
  });

  it("echoes MS-RequestId and MS-CorrelationId and adds MS-CV and MS-ServerId", async () => {
    const headers = bearer(token, {
      "MS-RequestId": "6f0a5b3e-0d3c-4a8e-9a55-0d6a3a1b2c3d",
      "MS-CorrelationId": "0e4b1c2d-3e4f-4a5b-8c6d-7e8f9a0b1c2d",
    });
    const res = await apiClient(emu).get(`/v1/customers/${emu.seed.partners[0].customers[0].id}/ping`, { headers });
    assert.equal(res.headers["ms-requestid"], "6f0a5b3e-0d3c-4a8e-9a55-0d6a3a1b2c3d");
    assert.equal(res.headers["ms-correlationid"], "0e4b1c2d-3e4f-4a5b-8c6d-7e8f9a0b1c2d");
    assert.ok(res.headers["ms-cv"]);
    assert.ok(res.headers["ms-serverid"]);
  });

  it("generates both ids when missing, also on error answers", async () => {
    const res = await apiClient(emu).get("/v1/nothing");
    assert.equal(res.status, 401);
    assert.match(String(res.headers["ms-requestid"]), /^[0-9a-f-]{36}$/);
    assert.match(String(res.headers["ms-correlationid"]), /^[0-9a-f-]{36}$/);
    assert.notEqual(res.headers["ms-requestid"], res.headers["ms-correlationid"]);
  });
});
