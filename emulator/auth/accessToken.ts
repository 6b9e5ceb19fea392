// Access tokens the emulator issues: HS256 JWTs signed with store.tokenSigningKey, v1-style claims like Entra's.
import type { Caller } from "../http/types";
import { signHs256, verifyHs256 } from "./jwt";

export const PARTNER_CENTER_AUDIENCE = "https://api.partnercenter.microsoft.com";
export const AAD_GRAPH_AUDIENCE = "https://graph.windows.net";
export const ACCEPTED_AUDIENCES = [PARTNER_CENTER_AUDIENCE, AAD_GRAPH_AUDIENCE];
/** Microsoft Graph (GDAP): its host, or its resource appId, as `aud`; the Partner Center API does not accept these. */
export const MICROSOFT_GRAPH_AUDIENCE = "https://graph.microsoft.com";
export const MICROSOFT_GRAPH_AUDIENCES = [MICROSOFT_GRAPH_AUDIENCE, "00000003-0000-0000-c000-000000000000"];
export const ACCESS_TOKEN_LIFETIME_SECONDS = 3600;

export interface AccessTokenRequest {
  partnerId: string;
  clientId: string;
  audience: string;
  kind: "app" | "user";
  userId?: string;
  userPrincipalName?: string;
  nowMs: number;
}

export function issueAccessToken(req: AccessTokenRequest, signingKey: string): string {
  const iat = Math.floor(req.nowMs / 1000);
  const claims: Record<string, unknown> = {
    aud: req.audience,
    iss: `https://sts.windows.net/${req.partnerId}/`,
    iat,
    nbf: iat,
    exp: iat + ACCESS_TOKEN_LIFETIME_SECONDS,
    tid: req.partnerId,
    appid: req.clientId,
    appidacr: "1",
    idtyp: req.kind,
    ver: "1.0",
  };
  if (req.kind === "user")
    Object.assign(claims, {
      oid: req.userId,
      upn: req.userPrincipalName,
      scp: "user_impersonation",
      amr: ["pwd", "mfa"],
    });
  else Object.assign(claims, { oid: req.clientId, roles: [] });
  return signHs256(claims, signingKey);
}

/** Verifies an access token; returns the caller or a reason (safe to show: never contains the token). */
export function verifyAccessToken(
  token: string,
  signingKey: string,
  nowMs: number,
  accepted: string[] = ACCEPTED_AUDIENCES,
): { caller: Caller } | { reason: string } {
  let claims: Record<string, unknown>;
  try {
    claims = verifyHs256(token, signingKey);
  } catch (e) {
    return { reason: `the bearer token is invalid: ${(e as Error).message}` };
  }
  const now = Math.floor(nowMs / 1000);
  if (typeof claims.exp !== "number" || claims.exp <= now)
    return { reason: "the bearer token has expired; acquire a new one" };
  if (typeof claims.nbf === "number" && claims.nbf > now + 300) return { reason: "the bearer token is not valid yet" };
  if (typeof claims.aud !== "string" || !accepted.includes(claims.aud)) {
    return {
      reason: `the bearer token audience ${String(claims.aud)} is not accepted; request a token for ${accepted[0]}`,
    };
  }
  if (
    typeof claims.tid !== "string" ||
    typeof claims.appid !== "string" ||
    (claims.idtyp !== "app" && claims.idtyp !== "user")
  ) {
    return { reason: "the bearer token lacks the tid, appid or idtyp claim" };
  }
  return {
    caller: {
      partnerId: claims.tid,
      clientId: claims.appid,
      kind: claims.idtyp,
      audience: claims.aud,
      userId: claims.idtyp === "user" ? String(claims.oid) : undefined,
      userPrincipalName: claims.idtyp === "user" ? String(claims.upn) : undefined,
    },
  };
}
