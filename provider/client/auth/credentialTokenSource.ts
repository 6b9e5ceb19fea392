// Tokens for one API audience from the client's own credentials (secret or certificate, and the refresh token).
import type { ResolvedClientOptions } from "../options";
import { MsalTokenSource, type MsalTokenSourceOptions } from "./msalTokenSource";
import type { TokenSource } from "./tokenSource";

export function credentialTokenSource(
  options: ResolvedClientOptions,
  authorityHost: string,
  scopes: Pick<MsalTokenSourceOptions, "appOnlyScope" | "userScope">,
): TokenSource {
  return new MsalTokenSource({
    tenantId: options.tenantId,
    clientId: options.clientId,
    clientSecret: options.clientSecret,
    certificate: options.certificate,
    refreshToken: options.refreshToken,
    authorityHost,
    caCertificate: options.caCertificate,
    ...scopes,
  });
}
