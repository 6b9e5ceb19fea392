// POST /{tenant}/oauth2/v2.0/token — the Entra ID token endpoint as msal-node uses it (also /{tenant}/oauth2/token).
// Grants: client_credentials (client_secret or an RS256/PS256 client_assertion signed by the registered certificate)
// and refresh_token (App+User; answers a NEW refresh token, an id_token and client_info so msal-node caches the account).
// Emulator choice: the tenant is a partner's tenant id or one of its verified domain names (as Entra accepts), never
// common/organizations; issued tokens carry the tenant id either way. Issued refresh tokens are kept (the old ones
// stay valid, as documented) up to the 100 most recent per partner plus the seeded one.
// Emulator choice: assertion expiry and token lifetimes use the base clock, never the /_emulator/clock offset.
import { createHash, randomUUID, timingSafeEqual } from "crypto";
import { z } from "zod";
import type { Reply } from "../http/types";
import type { AppRegistration, PartnerRecord } from "../store/types";
import { secretFrom } from "../store/ids";
import type { Exchange, Middleware } from "../middleware/exchange";
import {
  AAD_GRAPH_AUDIENCE,
  MICROSOFT_GRAPH_AUDIENCE,
  ACCESS_TOKEN_LIFETIME_SECONDS,
  issueAccessToken,
  PARTNER_CENTER_AUDIENCE,
} from "./accessToken";
import { decodeJwt, signHs256, verifyWithCertificate } from "./jwt";
import { OAuthError, oauthErrorReply } from "./oauthError";

const JWT_BEARER = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
const OIDC_SCOPES = new Set(["openid", "profile", "offline_access", "email"]);
const MAX_ISSUED_REFRESH_TOKENS = 100;

const TokenFormSchema = z.looseObject({
  grant_type: z.string().optional(),
  client_id: z.string().optional(),
  client_secret: z.string().optional(),
  client_assertion: z.string().optional(),
  client_assertion_type: z.string().optional(),
  scope: z.string().optional(),
  resource: z.string().optional(),
  refresh_token: z.string().optional(),
});
type TokenForm = z.infer<typeof TokenFormSchema>;

/** Scope -> audience. Only the documented Partner Center, Azure AD Graph and Microsoft Graph scopes are accepted. */
const SCOPES: Record<string, { audience: string; appOnly: boolean }> = {
  [`${PARTNER_CENTER_AUDIENCE}/.default`]: { audience: PARTNER_CENTER_AUDIENCE, appOnly: true },
  [`${PARTNER_CENTER_AUDIENCE}/user_impersonation`]: { audience: PARTNER_CENTER_AUDIENCE, appOnly: false },
  [`${AAD_GRAPH_AUDIENCE}/.default`]: { audience: AAD_GRAPH_AUDIENCE, appOnly: true },
  [`${MICROSOFT_GRAPH_AUDIENCE}/.default`]: { audience: MICROSOFT_GRAPH_AUDIENCE, appOnly: true },
};

const missing = (name: string) =>
  new OAuthError(400, "invalid_request", 900144, `The request body must contain the following parameter: '${name}'.`);

const invalidClient = (aadsts: number, text: string) => new OAuthError(401, "invalid_client", aadsts, text);

function sameSecret(a: string, b: string): boolean {
  const ha = createHash("sha256").update(a).digest();
  const hb = createHash("sha256").update(b).digest();
  return timingSafeEqual(ha, hb);
}

function resolveScope(
  form: TokenForm,
  grant: "client_credentials" | "refresh_token",
): { scope: string; audience: string; oidc: string[] } {
  const raw =
    form.scope ??
    (form.resource
      ? `${form.resource.replace(/\/+$/, "")}/${grant === "client_credentials" ? ".default" : "user_impersonation"}`
      : undefined);
  if (!raw) throw missing("scope");
  const parts = raw.split(/\s+/).filter(Boolean);
  const oidc = parts.filter((s) => OIDC_SCOPES.has(s.toLowerCase()));
  const resource = parts.filter((s) => !OIDC_SCOPES.has(s.toLowerCase()));
  if (resource.length !== 1) {
    throw new OAuthError(
      400,
      "invalid_scope",
      70011,
      `The provided value for the input parameter 'scope' is not valid: request exactly one of ${Object.keys(SCOPES).join(", ")}.`,
    );
  }
  const known = SCOPES[resource[0].toLowerCase()];
  if (!known)
    throw new OAuthError(
      400,
      "invalid_scope",
      70011,
      `The provided value for the input parameter 'scope' is not valid. The scope '${resource[0]}' is not accepted by this emulator; use one of ${Object.keys(SCOPES).join(", ")}.`,
    );
  if (grant === "client_credentials" && !known.appOnly) {
    throw new OAuthError(
      400,
      "invalid_scope",
      1002012,
      `The provided value for scope ${resource[0]} is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier.`,
    );
  }
  return { scope: resource[0], audience: known.audience, oidc };
}

function authenticateClient(x: Exchange, form: TokenForm, app: AppRegistration, nowMs: number): void {
  if (form.client_assertion !== undefined) {
    if (form.client_assertion_type !== JWT_BEARER) {
      throw new OAuthError(400, "invalid_request", 50027, `client_assertion_type must be ${JWT_BEARER}.`);
    }
    if (!app.certificatePem)
      throw invalidClient(
        700027,
        "Client assertion failed signature validation: the application has no registered certificate.",
      );
    let jwt;
    try {
      jwt = decodeJwt(form.client_assertion);
    } catch (e) {
      throw invalidClient(50027, `Invalid JWT token: ${(e as Error).message}.`);
    }
    const claims = jwt.payload;
    if (jwt.header.alg !== "RS256" && jwt.header.alg !== "PS256")
      throw invalidClient(
        5002738,
        `The client assertion algorithm ${String(jwt.header.alg)} is not supported; sign it with RS256 or PS256.`,
      );
    if (!verifyWithCertificate(jwt, app.certificatePem))
      throw invalidClient(700027, "Client assertion failed signature validation against the registered certificate.");
    if (claims.iss !== app.clientId || claims.sub !== app.clientId)
      throw invalidClient(700021, "Client assertion iss and sub must both be the client id.");
    const now = Math.floor(nowMs / 1000);
    if (typeof claims.exp !== "number" || claims.exp + 300 < now)
      throw invalidClient(700024, "Client assertion is not within its valid time range (it has expired).");
    if (typeof claims.nbf === "number" && claims.nbf - 300 > now)
      throw invalidClient(700024, "Client assertion is not within its valid time range (not valid yet).");
    if (!audienceIsThisEndpoint(x, claims.aud))
      throw invalidClient(700212, "Client assertion audience claim does not match this token endpoint.");
    return;
  }
  if (form.client_secret !== undefined) {
    if (!app.clientSecret || !sameSecret(form.client_secret, app.clientSecret)) {
      throw invalidClient(
        7000215,
        "Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID.",
      );
    }
    return;
  }
  if (app.clientSecret || app.certificatePem) {
    throw invalidClient(
      7000218,
      "The request body must contain the following parameter: 'client_assertion' or 'client_secret'.",
    );
  }
}

function audienceIsThisEndpoint(x: Exchange, aud: unknown): boolean {
  if (typeof aud !== "string") return false;
  let url: URL;
  try {
    url = new URL(aud);
  } catch {
    return false;
  }
  const host = (x.req.headers.host ?? "").toLowerCase();
  const port = host.includes(":") ? host.slice(host.lastIndexOf(":") + 1) : "";
  const hostMatches =
    url.host.toLowerCase() === host ||
    (["localhost", "127.0.0.1", "[::1]"].includes(url.hostname.toLowerCase()) && url.port === port);
  return hostMatches && url.pathname.replace(/\/+$/, "").toLowerCase() === x.path.replace(/\/+$/, "").toLowerCase();
}

function tokenResponse(body: Record<string, unknown>): Reply {
  return { status: 200, headers: { "Cache-Control": "no-store, no-cache", Pragma: "no-cache" }, body };
}

/** One grant type's answer, once the client is authenticated. */
type Grant = (x: Exchange, form: TokenForm, partner: PartnerRecord, app: AppRegistration, nowMs: number) => Reply;

const clientCredentials: Grant = (x, form, partner, app, nowMs) => {
  const { scope, audience } = resolveScope(form, "client_credentials");
  const accessToken = issueAccessToken(
    { partnerId: partner.tenantId, clientId: app.clientId, audience, kind: "app", nowMs },
    x.runtime.store.data.tokenSigningKey,
  );
  return tokenResponse({
    token_type: "Bearer",
    expires_in: ACCESS_TOKEN_LIFETIME_SECONDS,
    ext_expires_in: ACCESS_TOKEN_LIFETIME_SECONDS,
    access_token: accessToken,
    scope,
  });
};

const refreshTokenGrant: Grant = (x, form, partner, app, nowMs) => {
  if (!form.refresh_token) throw missing("refresh_token");
  const presented = form.refresh_token;
  const record = partner.refreshTokens.find(
    (r) => !r.revoked && r.token.length === presented.length && sameSecret(r.token, presented),
  );
  if (!record)
    throw new OAuthError(
      400,
      "invalid_grant",
      9002313,
      "Invalid request. The refresh token is malformed, expired, revoked or was not issued by this tenant.",
    );
  if (record.clientId !== app.clientId)
    throw new OAuthError(400, "invalid_grant", 70000, "The refresh token was issued to a different client id.");
  const { scope, audience, oidc } = resolveScope(form, "refresh_token");
  const store = x.runtime.store.data;
  const accessToken = issueAccessToken(
    {
      partnerId: partner.tenantId,
      clientId: app.clientId,
      audience,
      kind: "user",
      userId: record.userId,
      userPrincipalName: record.userPrincipalName,
      nowMs,
    },
    store.tokenSigningKey,
  );
  const issuedAt = Math.floor(nowMs / 1000);
  const origin = `${x.runtime.scheme}://${x.req.headers.host}`;
  const idToken = signHs256(
    {
      aud: app.clientId,
      iss: `${origin}/${partner.tenantId}/v2.0`,
      iat: issuedAt,
      nbf: issuedAt,
      exp: issuedAt + ACCESS_TOKEN_LIFETIME_SECONDS,
      name: record.userPrincipalName.split("@")[0],
      oid: record.userId,
      preferred_username: record.userPrincipalName,
      sub: record.userId,
      tid: partner.tenantId,
      ver: "2.0",
    },
    store.tokenSigningKey,
  );
  const newRefreshToken = `0.issued.${secretFrom(`${record.token}/${randomUUID()}`, 64)}`;
  partner.refreshTokens.push({
    token: newRefreshToken,
    clientId: app.clientId,
    userId: record.userId,
    userPrincipalName: record.userPrincipalName,
    issuedAt: new Date(nowMs).toISOString(),
  });
  const issued = partner.refreshTokens.filter((r) => !r.seeded);
  if (issued.length > MAX_ISSUED_REFRESH_TOKENS) {
    const drop = new Set(issued.slice(0, issued.length - MAX_ISSUED_REFRESH_TOKENS));
    partner.refreshTokens = partner.refreshTokens.filter((r) => !drop.has(r));
  }
  x.changed = true;
  return tokenResponse({
    token_type: "Bearer",
    scope: [scope, ...oidc].join(" "),
    expires_in: ACCESS_TOKEN_LIFETIME_SECONDS,
    ext_expires_in: ACCESS_TOKEN_LIFETIME_SECONDS,
    access_token: accessToken,
    refresh_token: newRefreshToken,
    id_token: idToken,
    client_info: Buffer.from(JSON.stringify({ uid: record.userId, utid: partner.tenantId })).toString("base64url"),
  });
};

/** The token endpoint as a middleware (x.params.tenant is set by the server's system routes). */
export const tokenEndpoint: Middleware = async (x) => {
  const nowMs = x.runtime.clock.now();
  const correlationId = String(
    x.req.headers["client-request-id"] ?? x.query.get("client-request-id") ?? x.correlationId,
  );
  try {
    if (x.method !== "POST")
      throw new OAuthError(400, "invalid_request", 900561, "The endpoint only accepts POST requests.");
    const type = String(x.req.headers["content-type"] ?? "")
      .split(";")[0]
      .trim()
      .toLowerCase();
    if (type !== "application/x-www-form-urlencoded") {
      throw new OAuthError(
        400,
        "invalid_request",
        900144,
        "The request body must be application/x-www-form-urlencoded.",
      );
    }
    const form = TokenFormSchema.parse(Object.fromEntries(new URLSearchParams(x.rawBody.toString("utf8"))));
    const partner = x.runtime.store.partnerByAuthority(x.params.tenant);
    if (!partner)
      throw new OAuthError(
        400,
        "invalid_tenant",
        90002,
        `Tenant '${x.params.tenant}' not found. Use the partner's tenant id or one of its verified domain names in the token endpoint path.`,
      );
    x.partner = partner;
    if (!form.grant_type) throw missing("grant_type");
    if (form.grant_type !== "client_credentials" && form.grant_type !== "refresh_token") {
      throw new OAuthError(
        400,
        "unsupported_grant_type",
        70003,
        `The app requested an unsupported grant type '${form.grant_type}'; use client_credentials or refresh_token.`,
      );
    }
    const clientId = form.client_id ?? (form.client_assertion ? safeIssuer(form.client_assertion) : undefined);
    if (!clientId) throw missing("client_id");
    const app = partner.apps.find((a) => a.clientId.toLowerCase() === clientId.toLowerCase());
    if (!app)
      throw new OAuthError(
        400,
        "unauthorized_client",
        700016,
        `Application with identifier '${clientId}' was not found in the directory '${partner.tenantId}'.`,
      );
    authenticateClient(x, form, app, nowMs);
    x.reply =
      form.grant_type === "client_credentials"
        ? clientCredentials(x, form, partner, app, nowMs)
        : refreshTokenGrant(x, form, partner, app, nowMs);
  } catch (e) {
    if (!(e instanceof OAuthError)) throw e;
    x.reply = oauthErrorReply(e, correlationId, nowMs);
  }
};

function safeIssuer(assertion: string): string | undefined {
  try {
    const iss = decodeJwt(assertion).payload.iss;
    return typeof iss === "string" ? iss : undefined;
  } catch {
    return undefined;
  }
}
