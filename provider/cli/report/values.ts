// Property values as the engine reports them (preview JSON steps, engine events): secret masking, the preview
// "unknown" sentinel, comparison, and the short text a report shows for a value.
// Choice: a property is masked in a resource when the engine marked it secret anywhere in that resource (old or
// new, inputs or outputs: a secret output makes its plain input of the same name secret too), when it is listed
// in the resource's additionalSecretOutputs, or when its name says it is a credential (SECRET_NAME) and its
// value is not a boolean or number. Masked values are never compared by text in a report: only "changed" is said.

import { UNKNOWN } from "../../resources/kit/unknown";

/** The value an input has during preview when it depends on an output not known yet (the kit's sentinel). */
export { UNKNOWN };

/** Pulumi's signature key for a secret value in engine events: `{ <sig>: "1b47…", ciphertext | plaintext }`. */
export const SECRET_SIG = "4dabf18193072939515e22adb298388d";
/** How `pulumi preview --json` writes a secret. */
export const SECRET_TEXT = "[secret]";
/** Inputs that are credentials by name (checked on the last segment of a property path). */
export const SECRET_NAME = /(password|secret|token|privatekey|privatekeypem|apikey|credential|credentials)$/i;
/** Keys the engine or the dynamic-provider host adds, never shown. */
export const INTERNAL_KEY = /^__/;

export type Bag = Record<string, unknown>;

export function isSecretMarked(value: unknown): boolean {
  if (value === SECRET_TEXT) return true;
  return typeof value === "object" && value !== null && SECRET_SIG in value;
}

/** Top-level property names that must be masked in this resource, from every bag the engine gave. */
export function secretKeysOf(bags: Array<Bag | undefined>, declared: readonly string[] = []): Set<string> {
  const keys = new Set<string>(declared);
  for (const bag of bags) {
    for (const [k, v] of Object.entries(bag ?? {})) {
      if (isSecretMarked(v) || (SECRET_NAME.test(k) && isMaskableByName(v))) keys.add(k);
    }
  }
  return keys;
}

function isMaskableByName(v: unknown): boolean {
  return v !== undefined && v !== null && typeof v !== "boolean" && typeof v !== "number";
}

/** A copy of `value` with every secret replaced by SECRET_TEXT (engine-marked anywhere, or credential-named keys). */
export function maskDeep(value: unknown): unknown {
  if (isSecretMarked(value)) return SECRET_TEXT;
  if (Array.isArray(value)) return value.map(maskDeep);
  if (value && typeof value === "object") {
    const out: Bag = {};
    for (const [k, v] of Object.entries(value as Bag))
      out[k] = SECRET_NAME.test(k) && isMaskableByName(v) ? SECRET_TEXT : maskDeep(v);
    return out;
  }
  return value;
}

/** Order-independent structural equality for JSON-like values (object key order ignored, array order kept). */
export function sameValue(a: unknown, b: unknown): boolean {
  return canonical(a) === canonical(b);
}

function canonical(v: unknown): string {
  if (v === undefined) return "undefined";
  if (Array.isArray(v)) return `[${v.map(canonical).join(",")}]`;
  if (v && typeof v === "object") {
    return `{${Object.keys(v as Bag)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((v as Bag)[k])}`)
      .join(",")}}`;
  }
  return JSON.stringify(v);
}

/** The visible keys of a property bag: internal keys (`__provider`) left out. */
export function visibleKeys(...bags: Array<Bag | undefined>): string[] {
  const keys = new Set<string>();
  for (const bag of bags) for (const k of Object.keys(bag ?? {})) if (!INTERNAL_KEY.test(k)) keys.add(k);
  return [...keys].sort();
}

/** What a report shows for one (already masked) value; `undefined` means the property is absent. */
export type ShownValue =
  { kind: "absent" } | { kind: "secret" } | { kind: "unknown" } | { kind: "value"; text: string };

export const MAX_VALUE_CHARS = 300;

export function shownValue(masked: unknown, maxChars = MAX_VALUE_CHARS): ShownValue {
  if (masked === undefined) return { kind: "absent" };
  if (masked === SECRET_TEXT) return { kind: "secret" };
  if (masked === UNKNOWN) return { kind: "unknown" };
  const text =
    typeof masked === "string" && masked !== ""
      ? masked
      : JSON.stringify(masked, (_k, v: unknown) => (v === UNKNOWN ? "(known after apply)" : v));
  return { kind: "value", text: text.length > maxChars ? `${text.slice(0, maxChars - 1)}…` : text };
}

/** Removes token-looking and key-looking text from free text (engine diagnostics) before it goes into a report. */
export function scrubText(text: string): string {
  return (
    text
      .replace(/eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]*/g, "[redacted token]")
      .replace(
        /-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?(-----END [A-Z ]*PRIVATE KEY-----|$)/g,
        "[redacted private key]",
      )
      .replace(
        /((?:client_secret|refresh_token|password|clientSecret|refreshToken)["']?\s*[=:]\s*["']?)[^\s"'&,}]+/gi,
        "$1[secret]",
      )
      // the engine quotes the value in a check failure: "property password value {…} has a problem"
      .replace(/(property (\w+) value \{)([^}]*)(\})/g, (all, head: string, name: string, _v: string, tail: string) =>
        SECRET_NAME.test(name) ? `${head}[secret]${tail}` : all,
      )
  );
}
