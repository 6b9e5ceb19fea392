// OpenID discovery documents for /{tenant}/v2.0/.well-known/openid-configuration (and the v1 path without v2.0/),
// the instance-discovery answer at /common/discovery/instance, and an empty JWKS (the emulator signs with HS256).
// Emulator choice: unknown tenants get Entra's 400 invalid_tenant; msal-node needs none of this when configured with
// knownAuthorities + authorityMetadata, but other OIDC clients may discover.
import type { Middleware } from "../middleware/exchange";
import { OAuthError, oauthErrorReply } from "./oauthError";

function origin(x: Parameters<Middleware>[0]): string {
  return `${x.runtime.scheme}://${x.req.headers.host}`;
}

export function openIdConfiguration(base: string, tenantId: string, v2: boolean): Record<string, unknown> {
  const t = `${base}/${tenantId}`;
  return {
    token_endpoint: v2 ? `${t}/oauth2/v2.0/token` : `${t}/oauth2/token`,
    token_endpoint_auth_methods_supported: ["client_secret_post", "private_key_jwt"],
    jwks_uri: v2 ? `${t}/discovery/v2.0/keys` : `${t}/discovery/keys`,
    response_modes_supported: ["query", "fragment", "form_post"],
    subject_types_supported: ["pairwise"],
    id_token_signing_alg_values_supported: ["HS256"],
    response_types_supported: ["code", "id_token", "code id_token", "id_token token"],
    scopes_supported: ["openid", "profile", "email", "offline_access"],
    issuer: v2 ? `${t}/v2.0` : `https://sts.windows.net/${tenantId}/`,
    request_uri_parameter_supported: false,
    authorization_endpoint: v2 ? `${t}/oauth2/v2.0/authorize` : `${t}/oauth2/authorize`,
    end_session_endpoint: v2 ? `${t}/oauth2/v2.0/logout` : `${t}/oauth2/logout`,
    claims_supported: ["sub", "iss", "aud", "exp", "iat", "nbf", "tid", "oid", "preferred_username", "name"],
    tenant_region_scope: "NA",
    cloud_instance_name: "emulator",
    cloud_graph_host_name: "graph.windows.net",
    msgraph_host: "graph.microsoft.com",
  };
}

/** x.params.tenant and x.params.version ("v2.0" or "") are set by the server's system routes. */
export const openIdConfigurationEndpoint: Middleware = async (x) => {
  const partner = x.runtime.store.partnerByAuthority(x.params.tenant);
  if (!partner) {
    x.reply = oauthErrorReply(
      new OAuthError(400, "invalid_tenant", 90002, `Tenant '${x.params.tenant}' not found.`),
      x.correlationId,
      x.runtime.clock.now(),
    );
    return;
  }
  x.reply = { status: 200, body: openIdConfiguration(origin(x), partner.tenantId, x.params.version === "v2.0") };
};

export const instanceDiscoveryEndpoint: Middleware = async (x) => {
  const host = String(x.req.headers.host ?? "");
  const port = host.includes(":") ? host.slice(host.lastIndexOf(":")) : "";
  const authorize = x.query.get("authorization_endpoint") ?? "";
  const tenant = /\/\/[^/]+\/([^/]+)\//.exec(authorize)?.[1] ?? "common";
  x.reply = {
    status: 200,
    body: {
      tenant_discovery_endpoint: `${origin(x)}/${tenant}/v2.0/.well-known/openid-configuration`,
      "api-version": "1.1",
      metadata: [
        {
          preferred_network: host,
          preferred_cache: host,
          aliases: [...new Set([host, `localhost${port}`, `127.0.0.1${port}`])],
        },
      ],
    },
  };
};

export const jwksEndpoint: Middleware = async (x) => {
  x.reply = { status: 200, body: { keys: [] } };
};
