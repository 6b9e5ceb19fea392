// Why no HTTP response came, in words a user can act on: the socket or TLS cause (ECONNREFUSED, an untrusted
// certificate) and the setting that fixes it. Shared by the API transport and msal's network client, because msal
// replaces whatever its network module throws with a bare "network_error" unless it is an msal AuthError.
// Only the error's code and message are read: an axios error also carries the request (token, form body).
import { redactText } from "./redact";

/** Node/OpenSSL codes of a certificate the client does not trust. */
const UNTRUSTED_CERTIFICATE = new Set([
  "SELF_SIGNED_CERT_IN_CHAIN",
  "DEPTH_ZERO_SELF_SIGNED_CERT",
  "UNABLE_TO_VERIFY_LEAF_SIGNATURE",
  "UNABLE_TO_GET_ISSUER_CERT",
  "UNABLE_TO_GET_ISSUER_CERT_LOCALLY",
  "CERT_SIGNATURE_FAILURE",
  "CERT_UNTRUSTED",
  "CERT_REJECTED",
  "CERT_HAS_EXPIRED",
  "CERT_NOT_YET_VALID",
  "INVALID_CA",
]);

export interface NetworkFailureContext {
  /** the setting that holds the URL that was called */
  urlSetting: "endpoint" | "authorityHost";
  /** whether a CA certificate was configured (changes the fix for an untrusted certificate) */
  caConfigured: boolean;
}

const SETTING_NAMES = {
  endpoint: "partnercenter:endpoint / PARTNERCENTER_ENDPOINT",
  authorityHost: "partnercenter:authorityHost / PARTNERCENTER_AUTHORITY_HOST",
  caCertificate: "partnercenter:caCertificate / PARTNERCENTER_CA_CERTIFICATE",
} as const;

/** The error's code (ECONNREFUSED, SELF_SIGNED_CERT_IN_CHAIN, ...), ENETWORK when it has none. */
export function networkErrorCode(error: unknown): string {
  const e = error as { code?: unknown; cause?: { code?: unknown } } | undefined;
  const code = e?.code ?? e?.cause?.code;
  return typeof code === "string" && /^[A-Z0-9_]{2,64}$/.test(code) ? code : "ENETWORK";
}

function causeText(error: unknown): string {
  const e = error as { message?: unknown; cause?: { message?: unknown }; errors?: Array<{ message?: unknown }> };
  const candidates = [e?.message, e?.errors?.[0]?.message, e?.cause?.message];
  const text = candidates.find((m): m is string => typeof m === "string" && m.trim() !== "");
  return text ? redactText(text.split("\n")[0]).slice(0, 200) : "";
}

function fixFor(code: string, origin: string, context: NetworkFailureContext): string {
  const url = `${context.urlSetting} (${SETTING_NAMES[context.urlSetting]})`;
  if (UNTRUSTED_CERTIFICATE.has(code)) {
    return context.caConfigured
      ? `the server's TLS certificate is not signed by the configured CA certificate; set caCertificate (${SETTING_NAMES.caCertificate}) to the PEM (text or file) of the CA that signed it`
      : `the server's TLS certificate is not trusted by this machine; set caCertificate (${SETTING_NAMES.caCertificate}) to the PEM (text or file) of the CA that signed it (the emulator writes its CA file at start)`;
  }
  if (code === "ERR_TLS_CERT_ALTNAME_INVALID")
    return `the server's TLS certificate is for another host name; check ${url}`;
  if (code === "EPROTO" || code === "ERR_SSL_WRONG_VERSION_NUMBER")
    return `${origin} does not answer HTTPS (a plain-HTTP server?); check ${url}`;
  if (code === "ECONNREFUSED")
    return `nothing accepts connections at ${origin}; check ${url} and that the service (or the emulator) is running`;
  if (code === "ENOTFOUND" || code === "EAI_AGAIN") return `the host name does not resolve; check ${url} and DNS`;
  if (code === "ETIMEDOUT" || code === "ECONNABORTED")
    return `no answer in time; check ${url}, the network, a firewall or proxy`;
  return `check ${url} and the network; retry if the connection was cut`;
}

/** One line: "<cause> (<code>). Fix: <what to do>", never a header, body or secret. */
export function describeNetworkFailure(error: unknown, url: string, context: NetworkFailureContext): string {
  const code = networkErrorCode(error);
  const origin = new URL(url).origin;
  const cause = causeText(error);
  return `${cause && cause !== code ? `${cause} ` : ""}(${code}). Fix: ${fixFor(code, origin, context)}`;
}
