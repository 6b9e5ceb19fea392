import assert from "node:assert/strict";
import type { Emulator } from "../../../emulator";
import { issueAccessToken } from "../../../emulator/auth/accessToken";
import { apiClient, appToken, bearer, startTestEmulator } from "../helpers";
import { testRoutes } from "../testRoutes";

describe("emulator bearer authentication", () => {
  let emu: Emulator;
  let clock = Date.parse("2026-03-01T10:00:00Z");
  before(async () => {
    emu = await startTestEmulator({ routes: testRoutes, now: () => clock });
  });
  after(async () => {
    await emu.close();
  });

  const pingPath = () => `/v1/customers/${emu.seed.partners[0].customers[0].id}/ping`;

  it("answers a missing token with 401 / 800001 and WWW-Authenticate", async () => {
    const res = await apiClient(emu).get(pingPath());
    assert.equal(res.status, 401);
    assert.equal(res.data.code, 800001);
    assert.match(String(res.headers["www-authenticate"]), /^OAuth realm=urn:cpsvc:cpid:/);
  });

  it("answers a malformed header or a tampered token with 401 / 400 (Access denied)", async () => {
    const token = await appToken(emu);
    for (const header of ["Basic abc", `Bearer ${token.slice(0, -4)}AAAA`, "Bearer not-a-jwt"]) {
      const res = await apiClient(emu).get(pingPath(), { headers: { Authorization: header } });
      assert.equal(res.status, 401, header);
      assert.equal(res.data.code, 400);
      assert.equal(res.data.source, "PartnerFD");
      assert.ok(res.headers["www-authenticate"]);
    }
  });

  it("accepts a fresh token and rejects it once the (injected) clock passes its expiry", async () => {
    const token = await appToken(emu, { partner: 0 });
    assert.equal((await apiClient(emu).get(pingPath(), { headers: bearer(token) })).status, 200);
    clock += 3601_000;
    const res = await apiClient(emu).get(pingPath(), { headers: bearer(token) });
    assert.equal(res.status, 401);
    assert.match(res.data.description, /expired/);
  });

  it("rejects a token for another audience", async () => {
    const token = issueAccessToken(
      {
        partnerId: emu.seed.defaultPartnerId,
        clientId: emu.seed.partners[0].app.clientId,
        audience: "https://management.azure.com",
        kind: "app",
        nowMs: clock,
      },
      emu.store.data.tokenSigningKey,
    );
    const res = await apiClient(emu).get(pingPath(), { headers: bearer(token) });
    assert.equal(res.status, 401);
    assert.match(res.data.description, /audience/);
  });

  it("hands the handler the verified caller", async () => {
    const token = await appToken(emu, { partner: 0 });
    const res = await apiClient(emu).get(pingPath(), { headers: bearer(token) });
    assert.equal(res.status, 200);
    assert.deepEqual(res.data.caller, {
      partnerId: emu.seed.defaultPartnerId,
      clientId: emu.seed.partners[0].app.clientId,
      kind: "app",
      audience: "https://api.partnercenter.microsoft.com",
    });
  });
});
