// Validation of every id that becomes part of a URL, before any request: GUIDs, user principal names,
// domain names, self-serve policy ids. Anything with path tricks (slashes, dot segments, percent-encoded
// characters, control characters) or of absurd length is rejected with an error naming the field.
import { invalidInput } from "./errors";

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DOMAIN_LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/i;
const UPN_LOCAL = /^[A-Za-z0-9!#$%&'*+\-=?^_`{|}~.]{1,64}$/;
// eslint-disable-next-line no-control-regex -- control characters are unsafe in a path segment
const UNSAFE = /[/\\?#%\u0000-\u001f\u007f]|^\.{1,2}$|\.\./;
const MAX_SEGMENT = 256;

export function isGuid(value: string): boolean {
  return GUID.test(value);
}

export function isDomain(value: string): boolean {
  if (value.length > 253 || value.endsWith(".")) return false;
  const labels = value.split(".");
  return (
    labels.length >= 2 && labels.every((label) => DOMAIN_LABEL.test(label)) && /[a-z]/i.test(labels[labels.length - 1])
  );
}

export function isUpn(value: string): boolean {
  const at = value.lastIndexOf("@");
  if (at <= 0 || value.length > 113 + 256) return false;
  const local = value.slice(0, at);
  return (
    UPN_LOCAL.test(local) &&
    !local.startsWith(".") &&
    !local.endsWith(".") &&
    !local.includes("..") &&
    !local.includes("%") &&
    isDomain(value.slice(at + 1))
  );
}

function present(operation: string, field: string, value: unknown): string {
  if (typeof value !== "string" || value.length === 0)
    throw invalidInput(operation, field, "is required (a non-empty string)");
  if (value.length > MAX_SEGMENT)
    throw invalidInput(operation, field, `is ${value.length} characters long; at most ${MAX_SEGMENT} are allowed`);
  if (UNSAFE.test(value))
    throw invalidInput(
      operation,
      field,
      `contains '/', '\\', '..', '%', '?', '#' or control characters; pass the plain id`,
    );
  return value;
}

/** A validator: the value present and safe, and `valid`, else an error saying it `must be` … (with what it got). */
function shaped(valid: (text: string) => boolean, mustBe: string, shown = 60) {
  return (operation: string, field: string, value: unknown): string => {
    const text = present(operation, field, value);
    if (!valid(text))
      throw invalidInput(operation, field, `must be ${mustBe} (got ${JSON.stringify(text.slice(0, shown))})`);
    return text;
  };
}

export const guid = shaped(isGuid, "a GUID like 00000000-0000-0000-0000-000000000000");

export const domain = shaped(isDomain, "a domain name like contoso.onmicrosoft.com");

export const upn = shaped(isUpn, "a user principal name like alice@contoso.onmicrosoft.com");

/** A user object id, or (where Partner Center allows it) the user's UPN. */
export const guidOrUpn = shaped(
  (text) => isGuid(text) || isUpn(text),
  "a user object id (GUID) or a user principal name",
);

/** Self-serve policy id: "<grantor tenant id>_<customer tenant id>". */
export const policyId = shaped(
  (text) => {
    const parts = text.split("_");
    return parts.length === 2 && parts.every(isGuid);
  },
  '"<partner tenant GUID>_<customer tenant GUID>"',
  80,
);

/** Builds a /v1 path; every interpolated value is percent-encoded as one path segment. */
export function v1(strings: TemplateStringsArray, ...segments: string[]): string {
  let out = "/v1";
  strings.forEach((literal, i) => {
    out += literal;
    if (i < segments.length) out += encodeURIComponent(segments[i]);
  });
  return out;
}
