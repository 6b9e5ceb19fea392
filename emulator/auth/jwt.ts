// Minimal JWT support on node:crypto: HS256 for the emulator's own tokens, RS256/PS256 verification for client assertions.
import { constants, createHmac, timingSafeEqual, verify as verifySignature, X509Certificate } from "crypto";

export interface DecodedJwt {
  header: Record<string, unknown>;
  payload: Record<string, unknown>;
  signingInput: string;
  signature: Buffer;
}

const b64url = (data: Buffer | string) => Buffer.from(data).toString("base64url");

export function signHs256(payload: Record<string, unknown>, key: string): string {
  const signingInput = `${b64url(JSON.stringify({ alg: "HS256", typ: "JWT" }))}.${b64url(JSON.stringify(payload))}`;
  return `${signingInput}.${createHmac("sha256", key).update(signingInput).digest("base64url")}`;
}

/** Splits and parses a compact JWT; throws an Error with a reason when it is not one. */
export function decodeJwt(token: string): DecodedJwt {
  const parts = token.split(".");
  if (parts.length !== 3) throw new Error("not a JWT (expected three dot-separated parts)");
  try {
    const header: unknown = JSON.parse(Buffer.from(parts[0], "base64url").toString("utf8"));
    const payload: unknown = JSON.parse(Buffer.from(parts[1], "base64url").toString("utf8"));
    if (typeof header !== "object" || header === null || typeof payload !== "object" || payload === null)
      throw new Error();
    return {
      header: header as Record<string, unknown>,
      payload: payload as Record<string, unknown>,
      signingInput: `${parts[0]}.${parts[1]}`,
      signature: Buffer.from(parts[2], "base64url"),
    };
  } catch {
    throw new Error("not a JWT (header or payload is not base64url JSON)");
  }
}

/** Verifies an HS256 token and returns its payload; throws with a reason on a bad signature or algorithm. */
export function verifyHs256(token: string, key: string): Record<string, unknown> {
  const jwt = decodeJwt(token);
  if (jwt.header.alg !== "HS256") throw new Error(`unexpected signing algorithm ${String(jwt.header.alg)}`);
  const expected = createHmac("sha256", key).update(jwt.signingInput).digest();
  if (expected.length !== jwt.signature.length || !timingSafeEqual(expected, jwt.signature))
    throw new Error("signature is invalid");
  return jwt.payload;
}

/** Verifies an RS256 or PS256 signature against the public key of a PEM certificate. */
export function verifyWithCertificate(jwt: DecodedJwt, certificatePem: string): boolean {
  const publicKey = new X509Certificate(certificatePem).publicKey;
  const data = Buffer.from(jwt.signingInput);
  if (jwt.header.alg === "RS256")
    return verifySignature("sha256", data, { key: publicKey, padding: constants.RSA_PKCS1_PADDING }, jwt.signature);
  if (jwt.header.alg === "PS256") {
    return verifySignature(
      "sha256",
      data,
      { key: publicKey, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: 32 },
      jwt.signature,
    );
  }
  return false;
}

/** SHA-256 thumbprint of a PEM certificate as upper-case hex (what msal-node's thumbprintSha256 expects). */
export function thumbprintSha256(certificatePem: string): string {
  return new X509Certificate(certificatePem).fingerprint256.replace(/:/g, "").toUpperCase();
}
