// Shared helpers for tests that talk to the emulator over real HTTPS (trusting its self-signed CA explicitly).
//
//   const emu = await startTestEmulator();                 // seeded, ephemeral port; `await emu.close()` in after()
//   const api = apiClient(emu);                            // axios: baseURL emu.url, CA trusted, never throws on status
//   const token = await userToken(emu);                    // App+User via msal-node refresh_token grant (default partner)
//   const res = await api.get(`/v1/customers/${id}/users`, { headers: bearer(token) });
//
// Tokens come from msal-node's ConfidentialClientApplication configured for zero network discovery
// (knownAuthorities + authorityMetadata + a custom system.networkClient on axios with the CA), exactly how a
// real client talks to the emulator.
import {
  ConfidentialClientApplication,
  type Configuration,
  type INetworkModule,
  type NetworkRequestOptions,
} from "@azure/msal-node";
import axios, { type AxiosInstance } from "axios";
import https from "https";
import { startEmulator, type Emulator, type EmulatorOptions } from "../../emulator";

export const PARTNER_CENTER_SCOPE = "https://api.partnercenter.microsoft.com/.default";
export const USER_IMPERSONATION_SCOPE = "https://api.partnercenter.microsoft.com/user_impersonation";
export const GRAPH_SCOPE = "https://graph.windows.net/.default";

/** Starts a seeded emulator on an ephemeral port; diagnostics are collected instead of printed. */
export async function startTestEmulator(options: EmulatorOptions = {}): Promise<Emulator & { diagnostics: string[] }> {
  const diagnostics: string[] = [];
  const emu = await startEmulator({ diagnostic: (line) => diagnostics.push(line), ...options });
  return Object.assign(emu, { diagnostics });
}

function httpsAgent(emu: Pick<Emulator, "ca">): https.Agent | undefined {
  return emu.ca ? new https.Agent({ ca: emu.ca }) : undefined;
}

/** axios bound to the emulator: trusts its CA, resolves on every status (assert on `res.status`). */
export function apiClient(emu: Pick<Emulator, "url" | "ca">): AxiosInstance {
  return axios.create({
    baseURL: emu.url,
    httpsAgent: httpsAgent(emu),
    validateStatus: () => true,
    maxRedirects: 0,
    maxBodyLength: Infinity,
    maxContentLength: Infinity,
  });
}

/** `Authorization: Bearer` header (plus any extra headers). */
export function bearer(token: string, extra: Record<string, string> = {}): Record<string, string> {
  return { Authorization: `Bearer ${token}`, ...extra };
}

/** msal-node INetworkModule on axios trusting the emulator CA; records every URL it calls in `calls`. */
export function msalNetworkClient(emu: Pick<Emulator, "ca">, calls: string[] = []): INetworkModule {
  const http = axios.create({ httpsAgent: httpsAgent(emu), validateStatus: () => true, transformResponse: (d) => d });
  const send = async <T>(method: "GET" | "POST", url: string, options?: NetworkRequestOptions) => {
    calls.push(`${method} ${url}`);
    const res = await http.request({ method, url, headers: options?.headers, data: options?.body });
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(res.headers)) headers[k.toLowerCase()] = String(v);
    let body: unknown = res.data;
    try {
      body = JSON.parse(String(res.data));
    } catch {
      // not JSON: hand msal the raw text
    }
    return { headers, body: body as T, status: res.status };
  };
  return {
    sendGetRequestAsync: (url, options) => send("GET", url, options),
    sendPostRequestAsync: (url, options) => send("POST", url, options),
  };
}

export type Credential = "secret" | "certificate" | "user";

/** msal's authority settings for `<emulator token service>/<tenant>`, with its metadata given so msal asks nothing. */
export function emulatorAuthority(
  emu: Emulator,
  tenant: string,
): { authority: string; knownAuthorities: string[]; authorityMetadata: string } {
  const authority = `${emu.authorityHost}/${tenant}`;
  return {
    authority,
    knownAuthorities: [new URL(emu.authorityHost).host],
    authorityMetadata: JSON.stringify({
      token_endpoint: `${authority}/oauth2/v2.0/token`,
      authorization_endpoint: `${authority}/oauth2/v2.0/authorize`,
      end_session_endpoint: `${authority}/oauth2/v2.0/logout`,
      issuer: `${authority}/v2.0`,
      jwks_uri: `${authority}/discovery/v2.0/keys`,
    }),
  };
}

/** A ConfidentialClientApplication for one of a seeded partner's apps, with no discovery requests. */
export function confidentialClient(
  emu: Emulator,
  credential: Credential,
  options: { partner?: number; clientSecret?: string; calls?: string[] } = {},
): ConfidentialClientApplication {
  const partner = emu.seed.partners[options.partner ?? 0];
  const auth: Configuration["auth"] = {
    clientId:
      credential === "secret"
        ? partner.app.clientId
        : credential === "certificate"
          ? partner.appCertificate.clientId
          : partner.user.clientId,
    ...emulatorAuthority(emu, partner.tenantId),
  };
  if (credential === "certificate") {
    auth.clientCertificate = {
      thumbprintSha256: partner.appCertificate.thumbprintSha256,
      privateKey: partner.appCertificate.privateKeyPem,
    };
  } else {
    auth.clientSecret =
      options.clientSecret ?? (credential === "secret" ? partner.app.clientSecret : partner.user.clientSecret);
  }
  return new ConfidentialClientApplication({ auth, system: { networkClient: msalNetworkClient(emu, options.calls) } });
}

/** App-only access token (client credentials with the app secret). */
export async function appToken(emu: Emulator, options: { partner?: number; scope?: string } = {}): Promise<string> {
  const result = await confidentialClient(emu, "secret", options).acquireTokenByClientCredential({
    scopes: [options.scope ?? PARTNER_CENTER_SCOPE],
  });
  if (!result?.accessToken) throw new Error("no app-only access token");
  return result.accessToken;
}

/** App-only access token obtained with the seeded app certificate (client_assertion). */
export async function certificateToken(
  emu: Emulator,
  options: { partner?: number; scope?: string } = {},
): Promise<string> {
  const result = await confidentialClient(emu, "certificate", options).acquireTokenByClientCredential({
    scopes: [options.scope ?? PARTNER_CENTER_SCOPE],
  });
  if (!result?.accessToken) throw new Error("no certificate access token");
  return result.accessToken;
}

/** App+User access token: redeems the partner's seeded refresh token. */
export async function userToken(emu: Emulator, options: { partner?: number; scope?: string } = {}): Promise<string> {
  const partner = emu.seed.partners[options.partner ?? 0];
  const result = await confidentialClient(emu, "user", options).acquireTokenByRefreshToken({
    scopes: [options.scope ?? USER_IMPERSONATION_SCOPE],
    refreshToken: partner.user.refreshToken,
    forceCache: true,
  });
  if (!result?.accessToken) throw new Error("no App+User access token");
  return result.accessToken;
}

/** Decodes a JWT payload without verifying it (for asserting claims). */
export function jwtClaims(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split(".")[1], "base64url").toString("utf8"));
}
