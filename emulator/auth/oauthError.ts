// Entra-style OAuth error answers: {error, error_description "AADSTSnnn: ...", error_codes, timestamp, trace_id, correlation_id}.
import { randomUUID } from "crypto";
import type { Reply } from "../http/types";

export type OAuthErrorName =
  | "invalid_request"
  | "invalid_client"
  | "invalid_grant"
  | "unauthorized_client"
  | "invalid_scope"
  | "unsupported_grant_type"
  | "invalid_tenant";

export class OAuthError extends Error {
  constructor(
    readonly status: 400 | 401,
    readonly error: OAuthErrorName,
    readonly aadsts: number,
    readonly text: string,
  ) {
    super(`AADSTS${aadsts}: ${text}`);
  }
}

export function oauthErrorReply(e: OAuthError, correlationId: string, nowMs: number): Reply {
  const traceId = randomUUID();
  const timestamp = new Date(nowMs)
    .toISOString()
    .replace(/\.\d+Z$/, "Z")
    .replace("T", " ");
  return {
    status: e.status,
    headers: { "Cache-Control": "no-store, no-cache", Pragma: "no-cache" },
    body: {
      error: e.error,
      error_description: `AADSTS${e.aadsts}: ${e.text} Trace ID: ${traceId} Correlation ID: ${correlationId} Timestamp: ${timestamp}`,
      error_codes: [e.aadsts],
      timestamp,
      trace_id: traceId,
      correlation_id: correlationId,
      error_uri: `https://login.microsoftonline.com/error?code=${e.aadsts}`,
    },
  };
}
