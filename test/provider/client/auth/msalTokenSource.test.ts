import assert from "assert";
import { createServer } from "net";
import type { AddressInfo } from "net";
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

  it("holds each token until 5 minutes before it expires: later calls do not ask msal at all", async () => {
    const partner = emu.seed.partners[0];
    type App = { acquireTokenByClientCredential: (request: unknown) => Promise<unknown> };
    const counted = (expiresInMs: number) => {
      const tokens = new MsalTokenSource({
        ...base(),
        clientId: partner.app.clientId,
        clientSecret: partner.app.clientSecret,
      });
      const app = (tokens as unknown as { app: App }).app;
      const real = app.acquireTokenByClientCredential.bind(app);
      const counter = { tokens, asked: 0 };
      app.acquireTokenByClientCredential = async (request) => {
        counter.asked++;
        return { ...((await real(request)) as object), expiresOn: new Date(Date.now() + expiresInMs) };
      };
      return counter;
    };
    const fresh = counted(60 * 60_000);
    const first = await fresh.tokens.getToken("app");
    for (let i = 0; i < 5; i++) assert.strictEqual(await fresh.tokens.getToken("app"), first);
    assert.strictEqual(fresh.asked, 1, "a held token is served without msal");
    const nearExpiry = counted(4 * 60_000);
    await nearExpiry.tokens.getToken("app");
    await nearExpiry.tokens.getToken("app");
    assert.strictEqual(nearExpiry.asked, 2, "a token within 5 minutes of expiry is asked for again");
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

  describe("says why the token endpoint could not be reached (msal alone says only network_error)", () => {
    const closedPort = async () => {
      const server = createServer();
      await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
      const port = (server.address() as AddressInfo).port;
      await new Promise<void>((resolve) => server.close(() => resolve()));
      return port;
    };
    const rejectsWith = async (tokens: MsalTokenSource, kind: "app" | "user", patterns: RegExp[]) => {
      const partner = emu.seed.partners[0];
      await assert.rejects(tokens.getToken(kind), (e: unknown) => {
        assert.ok(e instanceof PartnerCenterError && e.code === "AuthenticationFailed", String(e));
        for (const p of patterns) assert.match(e.message, p);
        assert.doesNotMatch(e.message, /See https:\/\/aka\.ms\/msal\.js\.errors#network_error/);
        for (const secret of [partner.app.clientSecret, partner.user.clientSecret, partner.user.refreshToken])
          assert.ok(!e.message.includes(secret), "no secret in the message");
        return true;
      });
    };

    it("nothing listening: ECONNREFUSED and the authorityHost setting, for App-only and App+User", async () => {
      const partner = emu.seed.partners[0];
      const authorityHost = `https://127.0.0.1:${await closedPort()}`;
      const expected = [/connect ECONNREFUSED 127\.0\.0\.1:\d+ \(ECONNREFUSED\)/, /Fix: .*check authorityHost/];
      await rejectsWith(
        new MsalTokenSource({
          ...base(),
          authorityHost,
          clientId: partner.app.clientId,
          clientSecret: partner.app.clientSecret,
        }),
        "app",
        expected,
      );
      await rejectsWith(
        new MsalTokenSource({
          ...base(),
          authorityHost,
          clientId: partner.user.clientId,
          clientSecret: partner.user.clientSecret,
          refreshToken: partner.user.refreshToken,
        }),
        "user",
        expected,
      );
    });

    it("no CA for a self-signed server: the certificate error and the caCertificate setting", async () => {
      const partner = emu.seed.partners[0];
      await rejectsWith(
        new MsalTokenSource({
          ...base(),
          caCertificate: undefined,
          clientId: partner.app.clientId,
          clientSecret: partner.app.clientSecret,
        }),
        "app",
        [
          /certificate/i,
          /\((SELF_SIGNED_CERT_IN_CHAIN|DEPTH_ZERO_SELF_SIGNED_CERT|UNABLE_TO_VERIFY_LEAF_SIGNATURE)\)/,
          /not trusted by this machine; set caCertificate/,
        ],
      );
    });

    it("a CA that did not sign the server's certificate: says the configured CA is the wrong one", async () => {
      const partner = emu.seed.partners[0];
      await rejectsWith(
        new MsalTokenSource({
          ...base(),
          caCertificate: partner.appCertificate.certificatePem,
          clientId: partner.app.clientId,
          clientSecret: partner.app.clientSecret,
        }),
        "app",
        [/certificate/i, /not signed by the configured CA certificate; set caCertificate/],
      );
    });
  });
});
