// Deterministic identifiers for seeded data: the same name always yields the same GUID, so tests can rely on them.
import { createHash, randomUUID } from "crypto";

/** A GUID derived from a name (SHA-256, version-4 / RFC 4122 variant bits set so it looks like any other GUID). */
export function guidFrom(name: string): string {
  const h = createHash("sha256").update(`pulumi-partner-center-emulator/${name}`).digest();
  h[6] = (h[6] & 0x0f) | 0x40;
  h[8] = (h[8] & 0x3f) | 0x80;
  const x = h.subarray(0, 16).toString("hex");
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20, 32)}`;
}

/** A secret-looking string derived from a name (base64url of a hash). */
export function secretFrom(name: string, length = 40): string {
  return createHash("sha256")
    .update(`pulumi-partner-center-emulator-secret/${name}`)
    .digest("base64url")
    .slice(0, length);
}

export function newGuid(): string {
  return randomUUID();
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export function isGuid(value: string): boolean {
  return GUID.test(value);
}
