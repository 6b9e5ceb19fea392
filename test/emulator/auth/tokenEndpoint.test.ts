import { ConfidentialClientApplication } from "@azure/msal-node";
import assert from "node:assert/strict";
import { generateKeyPairSync, sign } from "crypto";
import type { Emulator } from "../../../emulator";
import {
  apiClient,
  appToken,
  certificateToken,
  confidentialClient,
  emulatorAuthority,
  GRAPH_SCOPE,
  jwtClaims,
  msalNetworkClient,
  PARTNER_CENTER_SCOPE,
  startTestEmulator,
  userToken,
} from "../helpers";

const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
const FORM = { headers: { "Content-Type": "application/x-www-form-urlencoded" } };

describe("emulator token endpoint", () => {
  let emu: Emulator;
  before(async () => {
    emu = await startTestEmulator();
  });
  after(async () => {
    await emu.close();
  });

  const partner = () => emu.seed.partners[0];
  const tokenPath = () => `/${partner().tenantId}/oauth2/v2.0/token`;

  it("issues an App-only token to msal-node with the client secret, without any discovery request", async () => {
    const calls: string[] = [];
    const cca = confidentialClient(emu, "secret", { calls });
    const first = await cca.acquireTokenByClientCredential({ scopes: [PARTNER_CENTER_SCOPE] });
    const second = await cca.acquireTokenByClientCredential({ scopes: [PARTNER_CENTER_SCOPE] });
    assert.ok(first?.accessToken);
    assert.equal(second?.fromCache, true);
    assert.deepEqual(
      calls.map((c) => c.split("?")[0]),
      [`POST ${emu.url}/${partner().tenantId}/oauth2/v2.0/token`],
    );
    const claims = jwtClaims(first.accessToken);
    assert.equal(claims.tid, partner().tenantId);
    assert.equal(claims.appid, partner().app.clientId);
    assert.equal(claims.idtyp, "app");
    assert.equal(claims.aud, "https://api.partnercenter.microsoft.com");
    assert.equal(Number(claims.exp) - Number(claims.iat), 3600);
  });

  it("accepts a verified domain name of the partner in place of its tenant id in the authority (msal-node)", async () => {
    const domain = partner().domains[0];
    assert.equal(domain, "contosopartner.onmicrosoft.com");
    const calls: string[] = [];
    const { authority, ...offline } = emulatorAuthority(emu, domain.toUpperCase());
    const cca = new ConfidentialClientApplication({
      auth: {
        clientId: partner().app.clientId,
        clientSecret: partner().app.clientSecret,
        authority,
        ...offline,
      },
      system: { networkClient: msalNetworkClient(emu, calls) },
    });
    const result = await cca.acquireTokenByClientCredential({ scopes: [PARTNER_CENTER_SCOPE] });
    assert.deepEqual(
      calls.map((c) => c.split("?")[0]),
      [`POST ${authority}/oauth2/v2.0/token`],
    );
    assert.equal(jwtClaims(result!.accessToken).tid, partner().tenantId);
    const discovery = await apiClient(emu).get(`/${domain}/v2.0/.well-known/openid-configuration`);
    assert.equal(discovery.status, 200);
    assert.equal(discovery.data.issuer, `${emu.url}/${partner().tenantId}/v2.0`);
    const otherPartnersDomain = await apiClient(emu).post(
      `/${emu.seed.partners[1].domains[0]}/oauth2/v2.0/token`,
      form({
        ...{ client_id: partner().app.clientId, client_secret: partner().app.clientSecret },
        grant_type: "client_credentials",
        scope: PARTNER_CENTER_SCOPE,
      }),
      FORM,
    );
    assert.equal(otherPartnersDomain.data.error, "unauthorized_client");
  });

  it("issues an App-only token for the certificate app (msal-node client assertion, PS256)", async () => {
    const token = await certificateToken(emu);
    const claims = jwtClaims(token);
    assert.equal(claims.appid, partner().appCertificate.clientId);
    assert.equal(claims.idtyp, "app");
  });

  it("redeems the seeded refresh token: App+User claims, a new refresh token, client_info and an id_token", async () => {
    const cca = confidentialClient(emu, "user");
    const result = await cca.acquireTokenByRefreshToken({
      scopes: ["https://api.partnercenter.microsoft.com/user_impersonation"],
      refreshToken: partner().user.refreshToken,
      forceCache: true,
    });
    const claims = jwtClaims(result!.accessToken);
    assert.equal(claims.idtyp, "user");
    assert.equal(claims.oid, partner().user.userId);
    assert.equal(claims.upn, partner().user.userPrincipalName);
    assert.equal(result!.account?.homeAccountId, `${partner().user.userId}.${partner().tenantId}`);
    // msal cached the account: a silent call is served without another redemption of the seeded token
    const silent = await cca.acquireTokenSilent({
      account: result!.account,
      scopes: ["https://api.partnercenter.microsoft.com/user_impersonation"],
    });
    assert.equal(silent.fromCache, true);

    const raw = await apiClient(emu).post(
      tokenPath(),
      form({
        grant_type: "refresh_token",
        client_id: partner().user.clientId,
        client_secret: partner().user.clientSecret,
        refresh_token: partner().user.refreshToken,
        scope: "https://api.partnercenter.microsoft.com/.default openid offline_access",
      }),
      FORM,
    );
    assert.equal(raw.status, 200);
    assert.notEqual(raw.data.refresh_token, partner().user.refreshToken);
    assert.deepEqual(JSON.parse(Buffer.from(raw.data.client_info, "base64url").toString()), {
      uid: partner().user.userId,
      utid: partner().tenantId,
    });
    assert.equal(jwtClaims(raw.data.id_token).aud, partner().user.clientId);
    for (const key of ["token_type", "expires_in", "ext_expires_in", "access_token", "scope"])
      assert.ok(key in raw.data, key);
    // the rotated token works, and the old one stays valid (documented: redemption does not revoke)
    const again = await apiClient(emu).post(
      tokenPath(),
      form({
        grant_type: "refresh_token",
        client_id: partner().user.clientId,
        client_secret: partner().user.clientSecret,
        refresh_token: raw.data.refresh_token,
        scope: "https://api.partnercenter.microsoft.com/user_impersonation",
      }),
      FORM,
    );
    assert.equal(again.status, 200);
  });

  it("accepts the Azure AD Graph audience for App-only tokens", async () => {
    assert.equal(jwtClaims(await appToken(emu, { scope: GRAPH_SCOPE })).aud, "https://graph.windows.net");
  });

  it("answers a bad client secret with invalid_client (401) through msal-node, without echoing the secret", async () => {
    const cca = confidentialClient(emu, "secret", { clientSecret: "wrong-secret-value-123" });
    await assert.rejects(
      cca.acquireTokenByClientCredential({ scopes: [PARTNER_CENTER_SCOPE] }),
      (e: { errorCode: string; errorMessage: string }) => {
        assert.equal(e.errorCode, "invalid_client");
        assert.match(e.errorMessage, /AADSTS7000215/);
        assert.doesNotMatch(e.errorMessage, /wrong-secret-value-123/);
        return true;
      },
    );
    const raw = await apiClient(emu).post(
      tokenPath(),
      form({
        grant_type: "client_credentials",
        client_id: partner().app.clientId,
        client_secret: "nope",
        scope: PARTNER_CENTER_SCOPE,
      }),
      FORM,
    );
    assert.equal(raw.status, 401);
    assert.equal(raw.data.error, "invalid_client");
    assert.deepEqual(raw.data.error_codes, [7000215]);
    for (const key of ["error_description", "timestamp", "trace_id", "correlation_id"])
      assert.equal(typeof raw.data[key], "string", key);
  });

  it("rejects unknown clients, bad grants, bad scopes and another tenant with the OAuth error names", async () => {
    const api = apiClient(emu);
    const base = {
      client_id: partner().app.clientId,
      client_secret: partner().app.clientSecret,
      scope: PARTNER_CENTER_SCOPE,
    };
    const cases: Array<[string, Record<string, string>, number, string]> = [
      [tokenPath(), { ...base, grant_type: "password" }, 400, "unsupported_grant_type"],
      [
        tokenPath(),
        { ...base, grant_type: "client_credentials", client_id: "00000000-0000-4000-8000-000000000000" },
        400,
        "unauthorized_client",
      ],
      [
        tokenPath(),
        { ...base, grant_type: "client_credentials", scope: "https://management.azure.com/.default" },
        400,
        "invalid_scope",
      ],
      [
        tokenPath(),
        {
          ...base,
          grant_type: "client_credentials",
          scope: "https://api.partnercenter.microsoft.com/user_impersonation",
        },
        400,
        "invalid_scope",
      ],
      [
        tokenPath(),
        {
          ...base,
          grant_type: "refresh_token",
          client_id: partner().user.clientId,
          client_secret: partner().user.clientSecret,
          refresh_token: "0.made.up",
        },
        400,
        "invalid_grant",
      ],
      [
        `/${emu.seed.partners[1].tenantId}/oauth2/v2.0/token`,
        { ...base, grant_type: "client_credentials" },
        400,
        "unauthorized_client",
      ],
      [
        "/contoso.onmicrosoft.com/oauth2/v2.0/token",
        { ...base, grant_type: "client_credentials" },
        400,
        "invalid_tenant",
      ],
    ];
    for (const [path, fields, status, error] of cases) {
      const res = await api.post(path, form(fields), FORM);
      assert.equal(res.status, status, `${error}: ${JSON.stringify(res.data)}`);
      assert.equal(res.data.error, error);
    }
  });

  it("refuses a refresh token presented by another client (invalid_grant)", async () => {
    const res = await apiClient(emu).post(
      tokenPath(),
      form({
        grant_type: "refresh_token",
        client_id: partner().app.clientId,
        client_secret: partner().app.clientSecret,
        refresh_token: partner().user.refreshToken,
        scope: "https://api.partnercenter.microsoft.com/user_impersonation",
      }),
      FORM,
    );
    assert.equal(res.status, 400);
    assert.equal(res.data.error, "invalid_grant");
  });

  it("rejects a client assertion signed by a key other than the registered certificate's", async () => {
    const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
    const clientId = partner().appCertificate.clientId;
    const now = Math.floor(Date.now() / 1000);
    const enc = (o: object) => Buffer.from(JSON.stringify(o)).toString("base64url");
    const input = `${enc({ alg: "RS256", typ: "JWT" })}.${enc({ aud: `${emu.url}${tokenPath()}`, iss: clientId, sub: clientId, nbf: now, exp: now + 600, jti: "x" })}`;
    const assertion = `${input}.${sign("sha256", Buffer.from(input), privateKey).toString("base64url")}`;
    const res = await apiClient(emu).post(
      tokenPath(),
      form({
        grant_type: "client_credentials",
        client_id: clientId,
        scope: PARTNER_CENTER_SCOPE,
        client_assertion_type: "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
        client_assertion: assertion,
      }),
      FORM,
    );
    assert.equal(res.status, 401);
    assert.equal(res.data.error, "invalid_client");
    assert.deepEqual(res.data.error_codes, [700027]);
  });

  it("issues user tokens that the API accepts", async () => {
    const token = await userToken(emu);
    const res = await apiClient(emu).get(`/v1/customers/${partner().customers[0].id}/nonexistent`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    assert.equal(res.status, 404);
    assert.equal(res.data.code, 1000);
  });
});
