// Removes secrets from anything that may be logged or put into an error message: authorization headers,
// passwords, client secrets, refresh/access tokens, assertions and anything shaped like a bearer token or JWT.

export const REDACTED = "[redacted]";

const SECRET_KEY = /pass(word)?|secret|token|assertion|authorization|credential|api[-_]?key|cookie/i;
/** keys that contain "token" but are not secrets */
const PUBLIC_KEYS = new Set([
  "ms-continuationtoken",
  "continuationtoken",
  "token_type",
  "tokentype",
  "forcechangepassword",
  "passwordchangedat",
]);

export function isSecretKey(key: string): boolean {
  return SECRET_KEY.test(key) && !PUBLIC_KEYS.has(key.toLowerCase());
}

const BEARER = /\b(Bearer|Basic)\s+[A-Za-z0-9\-._~+/=]+/gi;
const JWT = /\beyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*/g;
const SECRET_PAIR = /\b(client_secret|refresh_token|access_token|id_token|password|client_assertion|code)=([^&\s"]+)/gi;

export function redactText(text: string): string {
  return text.replace(BEARER, `$1 ${REDACTED}`).replace(JWT, REDACTED).replace(SECRET_PAIR, `$1=${REDACTED}`);
}

export function redactHeaders(headers: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers))
    out[name] = isSecretKey(name) ? REDACTED : redactText(String(value));
  return out;
}

/** Deep copy of a JSON value with secret-named properties replaced and token-shaped strings masked. */
export function redactValue(value: unknown, depth = 0): unknown {
  if (typeof value === "string") return redactText(value);
  if (value === null || typeof value !== "object" || depth > 20) return value;
  if (Array.isArray(value)) return value.map((item) => redactValue(item, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
    out[key] =
      isSecretKey(key) && item !== null && item !== undefined && typeof item !== "boolean"
        ? REDACTED
        : redactValue(item, depth + 1);
  }
  return out;
}
