// Tokens from Entra ID (or the emulator) through msal-node, with no discovery call: the authority is listed
// in knownAuthorities (host:port) and its metadata is given inline. App-only = client credentials (secret or
// certificate); App+User = the secure-application-model refresh token, redeemed once with forceCache and
// then served and renewed by acquireTokenSilent from msal's cache. Each token is kept here too and served until
// 5 minutes before it expires (msal's own renewal offset): asking msal for a cached token costs milliseconds a call.
import {
  ConfidentialClientApplication,
  type AccountInfo,
  type AuthenticationResult,
  type Configuration,
} from "@azure/msal-node";
import type { CredentialKind } from "../pipeline/types";
import { redactText } from "../pipeline/redact";
import { PartnerCenterError } from "../errors";
import { msalNetworkClient } from "./msalNetworkClient";
import type { TokenSource } from "./tokenSource";

export interface MsalTokenSourceOptions {
  tenantId: string;
  clientId: string;
  clientSecret?: string;
  certificate?: { privateKeyPem: string; thumbprintSha256: string };
  refreshToken?: string;
  /** e.g. https://login.microsoftonline.com (no tenant) */
  authorityHost: string;
  caCertificate?: string;
  appOnlyScope: string;
  userScope: string;
}

export function authorityMetadata(authority: string): string {
  return JSON.stringify({
    token_endpoint: `${authority}/oauth2/v2.0/token`,
    authorization_endpoint: `${authority}/oauth2/v2.0/authorize`,
    end_session_endpoint: `${authority}/oauth2/v2.0/logout`,
    issuer: `${authority}/v2.0`,
    jwks_uri: `${authority}/discovery/v2.0/keys`,
  });
}

export function msalConfiguration(options: MsalTokenSourceOptions): Configuration {
  const host = new URL(options.authorityHost);
  const authority = `${host.origin}/${encodeURIComponent(options.tenantId)}`;
  return {
    auth: {
      clientId: options.clientId,
      authority,
      knownAuthorities: [host.host],
      authorityMetadata: authorityMetadata(authority),
      ...(options.certificate
        ? {
            clientCertificate: {
              thumbprintSha256: options.certificate.thumbprintSha256,
              privateKey: options.certificate.privateKeyPem,
            },
          }
        : { clientSecret: options.clientSecret }),
    },
    system: { networkClient: msalNetworkClient(options.caCertificate) },
  };
}

const RENEW_BEFORE_EXPIRY_MS = 5 * 60_000;

interface HeldToken {
  accessToken: string;
  expiresOnMs: number;
}

export class MsalTokenSource implements TokenSource {
  private readonly app: ConfidentialClientApplication;
  private account?: AccountInfo;
  private redeeming?: Promise<string>;
  private readonly held = new Map<CredentialKind, HeldToken>();

  constructor(private readonly options: MsalTokenSourceOptions) {
    this.app = new ConfidentialClientApplication(msalConfiguration(options));
  }

  async getToken(kind: CredentialKind): Promise<string> {
    const held = this.held.get(kind);
    if (held && held.expiresOnMs - Date.now() > RENEW_BEFORE_EXPIRY_MS) return held.accessToken;
    try {
      return kind === "user" ? await this.userToken() : await this.appToken();
    } catch (error) {
      throw this.authError(error, kind);
    }
  }

  private hold(kind: CredentialKind, result: AuthenticationResult | null): string {
    if (!result?.accessToken) throw new Error("no access token in the token response");
    if (result.expiresOn)
      this.held.set(kind, { accessToken: result.accessToken, expiresOnMs: result.expiresOn.getTime() });
    return result.accessToken;
  }

  private async appToken(): Promise<string> {
    return this.hold("app", await this.app.acquireTokenByClientCredential({ scopes: [this.options.appOnlyScope] }));
  }

  private async userToken(): Promise<string> {
    if (!this.options.refreshToken) throw new Error("no refresh token configured");
    if (this.account) {
      try {
        const silent = await this.app.acquireTokenSilent({ account: this.account, scopes: [this.options.userScope] });
        if (silent?.accessToken) return this.hold("user", silent);
      } catch {
        this.account = undefined; // cache lost or refresh token rotated out: redeem the configured one again
      }
    }
    // One redemption at a time: concurrent first calls share it.
    this.redeeming ??= this.redeem().finally(() => {
      this.redeeming = undefined;
    });
    return this.redeeming;
  }

  private async redeem(): Promise<string> {
    const result = await this.app.acquireTokenByRefreshToken({
      scopes: [this.options.userScope],
      refreshToken: this.options.refreshToken!,
      forceCache: true,
    });
    if (result?.account) this.account = result.account;
    return this.hold("user", result);
  }

  private authError(error: unknown, kind: CredentialKind): PartnerCenterError {
    if (error instanceof PartnerCenterError) return error;
    const e = error as { errorCode?: string; errorMessage?: string; message?: string };
    const detail = redactText(String(e.errorMessage || e.message || error))
      .split("\n")[0]
      .slice(0, 500);
    const mode = kind === "user" ? "App+User (refresh token)" : "App-only (client credentials)";
    return new PartnerCenterError({
      status: 0,
      code: "AuthenticationFailed",
      description: `could not get an ${mode} token for client ${this.options.clientId} in tenant ${this.options.tenantId} from ${this.options.authorityHost}: ${e.errorCode ? e.errorCode + ": " : ""}${detail}`,
      operation: "auth.token",
      retryable: false,
    });
  }
}
