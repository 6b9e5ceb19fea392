import assert from "node:assert/strict";
import type { Emulator } from "../../../emulator";
import { apiClient, startTestEmulator } from "../helpers";

describe("emulator OpenID discovery", () => {
  let emu: Emulator;
  before(async () => {
    emu = await startTestEmulator();
  });
  after(async () => {
    await emu.close();
  });

  it("serves the v2.0 and v1 openid-configuration for a partner tenant, pointing at its own token endpoint", async () => {
    const tenant = emu.seed.defaultPartnerId;
    const v2 = await apiClient(emu).get(`/${tenant}/v2.0/.well-known/openid-configuration`);
    assert.equal(v2.status, 200);
    assert.equal(v2.data.token_endpoint, `${emu.url}/${tenant}/oauth2/v2.0/token`);
    assert.equal(v2.data.issuer, `${emu.url}/${tenant}/v2.0`);
    const v1 = await apiClient(emu).get(`/${tenant}/.well-known/openid-configuration`);
    assert.equal(v1.data.token_endpoint, `${emu.url}/${tenant}/oauth2/token`);
  });

  it("answers an unknown tenant with invalid_tenant", async () => {
    const res = await apiClient(emu).get("/00000000-0000-4000-8000-000000000000/v2.0/.well-known/openid-configuration");
    assert.equal(res.status, 400);
    assert.equal(res.data.error, "invalid_tenant");
  });

  it("answers instance discovery with the emulator host as its own alias", async () => {
    const host = new URL(emu.url).host;
    const res = await apiClient(emu).get(
      `/common/discovery/instance?api-version=1.1&authorization_endpoint=${encodeURIComponent(`${emu.url}/${emu.seed.defaultPartnerId}/oauth2/v2.0/authorize`)}`,
    );
    assert.equal(res.status, 200);
    assert.ok(res.data.metadata[0].aliases.includes(host));
    assert.equal(
      res.data.tenant_discovery_endpoint,
      `${emu.url}/${emu.seed.defaultPartnerId}/v2.0/.well-known/openid-configuration`,
    );
  });
});
