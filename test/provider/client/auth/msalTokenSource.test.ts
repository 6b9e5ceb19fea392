import assert from "assert";
import { MsalTokenSource, msalConfiguration } from "../../../../provider/client/auth/msalTokenSource";
import { DEFAULT_SCOPE } from "../../../../provider/client/clouds";
import { PartnerCenterError } from "../../../../provider/client/errors";
import { jwtClaims, startTestEmulator } from "../../../emulator/helpers";

describe("auth/msalTokenSource (msal-node against the emulator over HTTPS)", function () {
  let emu: Awaited<ReturnType<typeof startTestEmulator>>;
  before(async () => {
    emu = await startTestEmulator();
  });
  after(async () => {
    await emu?.close();
  });

  const base = () => ({
    tenantId: emu.seed.partners[0].tenantId,
    authorityHost: emu.authorityHost,
    caCertificate: emu.ca,
    appOnlyScope: DEFAULT_SCOPE,
    userScope: DEFAULT_SCOPE,
  });

  it("configures msal with no discovery: known authority host:port and inline metadata", () => {
    const config = msalConfiguration({ ...base(), clientId: "x", clientSecret: "s" });
    assert.deepStrictEqual(config.auth.knownAuthorities, [new URL(emu.authorityHost).host]);
    const metadata = JSON.parse(config.auth.authorityMetadata!);
    assert.strictEqual(
      metadata.token_endpoint,
      `${emu.authorityHost}/${emu.seed.partners[0].tenantId}/oauth2/v2.0/token`,
    );
    assert.ok(config.system?.networkClient);
  });

  it("gets an App-only token with the client secret and serves the next one from the cache", async () => {
    const partner = emu.seed.partners[0];
    const tokens = new MsalTokenSource({
      ...base(),
      clientId: partner.app.clientId,
      clientSecret: partner.app.clientSecret,
    });
    const first = await tokens.getToken("app");
    assert.strictEqual(jwtClaims(first).aud, "https://api.partnercenter.microsoft.com");
    assert.strictEqual(await tokens.getToken("app"), first);
  });

  it("gets an App-only token with the certificate (client assertion)", async () => {
    const partner = emu.seed.partners[0];
    const tokens = new MsalTokenSource({
      ...base(),
      clientId: partner.appCertificate.clientId,
      certificate: {
        privateKeyPem: partner.appCertificate.privateKeyPem,
        thumbprintSha256: partner.appCertificate.thumbprintSha256,
      },
    });
    const claims = jwtClaims(await tokens.getToken("app"));
    assert.strictEqual(claims.appid ?? claims.azp, partner.appCertificate.clientId);
  });

  it("redeems the refresh token once, then serves App+User tokens from msal's cache", async () => {
    const partner = emu.seed.partners[0];
    const tokens = new MsalTokenSource({
      ...base(),
      clientId: partner.user.clientId,
      clientSecret: partner.user.clientSecret,
      refreshToken: partner.user.refreshToken,
    });
    const [a, b] = await Promise.all([tokens.getToken("user"), tokens.getToken("user")]);
    assert.strictEqual(a, b, "concurrent first calls share one redemption");
    const claims = jwtClaims(a);
    assert.ok(JSON.stringify(claims).includes(partner.user.userId), "the token names the partner user");
    assert.strictEqual(await tokens.getToken("user"), a);
  });

  it("fails with AuthenticationFailed and never shows the secret", async () => {
    const partner = emu.seed.partners[0];
    const tokens = new MsalTokenSource({
      ...base(),
      clientId: partner.app.clientId,
      clientSecret: "wrong-secret-value-123",
    });
    await assert.rejects(
      tokens.getToken("app"),
      (e: unknown) =>
        e instanceof PartnerCenterError &&
        e.code === "AuthenticationFailed" &&
        !e.message.includes("wrong-secret-value-123") &&
        e.message.includes(partner.app.clientId),
    );
  });

  it("refuses a server whose certificate is not the trusted CA", async () => {
    const partner = emu.seed.partners[0];
    const tokens = new MsalTokenSource({
      ...base(),
      caCertificate: undefined,
      clientId: partner.app.clientId,
      clientSecret: partner.app.clientSecret,
    });
    await assert.rejects(
      tokens.getToken("app"),
      (e: unknown) =>
        e instanceof PartnerCenterError &&
        e.code === "AuthenticationFailed" &&
        !e.message.includes(partner.app.clientSecret),
    );
  });
});
