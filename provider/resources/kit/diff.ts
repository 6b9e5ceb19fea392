// diff(): the only place Pulumi learns what changed for a dynamic resource (there is no engine-side
// detailed diff). Two call shapes, one logic:
//   - preview/up:  olds = stored OUTPUTS (which carry the inputs too), news = new checked inputs;
//   - refresh:     olds = freshly READ outputs, news = stored inputs — so comparing the input-named output
//                  fields against the inputs is what makes drift visible.
// Rules per resource: `replaceOn` keys replace, `inPlace` keys update; `normalize` maps a value to its
// canonical form before comparing (UPN case, set order, ...). An optional input the user did not set is
// not managed and never shows a change (Choice: removing an optional input leaves the remote value as is).
// Defaults from the input schema apply on both sides, so `restoreDeleted: true` equals an unset value.
// `__provider` is never compared, so a provider upgrade alone never shows a change.
// `deleteBeforeReplace` is set when the replacement would collide with the old object on its natural key
// (same UPN, same role+user, ...), or when that key is not known yet.

import { containsUnknown } from "./unknown";

export type Normalizer = (value: unknown) => unknown;

export interface DiffRules<P = Record<string, unknown>> {
  /** Changing any of these needs a new object. */
  replaceOn: ReadonlyArray<string>;
  /** Changing any of these is an in-place update. */
  inPlace: ReadonlyArray<string>;
  normalize?: Readonly<Record<string, Normalizer>>;
  /** The key Partner Center identifies the object by; undefined when not known (preview unknowns). */
  naturalKey?: (props: P) => string | undefined;
}

export interface DiffOutcome {
  changes: boolean;
  replaces: string[];
  deleteBeforeReplace?: boolean;
  changed: string[];
}

/** JSON with sorted object keys, so that equal values compare equal whatever their key order. */
export function stableStringify(value: unknown): string {
  if (value === undefined) return "undefined";
  if (value === null || typeof value !== "object") return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(",")}]`;
  const obj = value as Record<string, unknown>;
  return `{${Object.keys(obj)
    .filter((k) => obj[k] !== undefined)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${stableStringify(obj[k])}`)
    .join(",")}}`;
}

export function computeDiff<P>(
  rules: DiffRules<P>,
  defaults: Readonly<Record<string, unknown>>,
  olds: Record<string, unknown>,
  news: Record<string, unknown>,
): DiffOutcome {
  const changed: string[] = [];
  const replaces: string[] = [];
  const withDefault = (props: Record<string, unknown>, key: string) =>
    props[key] === undefined || props[key] === null ? defaults[key] : props[key];
  const keys = [...rules.replaceOn.map((k) => [k, true] as const), ...rules.inPlace.map((k) => [k, false] as const)];
  for (const [key, replace] of keys) {
    const next = withDefault(news, key);
    if (next === undefined) continue;
    let differs: boolean;
    if (containsUnknown(next)) differs = true;
    else {
      const norm = rules.normalize?.[key] ?? ((v: unknown) => v);
      differs = stableStringify(norm(withDefault(olds, key))) !== stableStringify(norm(next));
    }
    if (!differs) continue;
    changed.push(key);
    if (replace) replaces.push(key);
  }
  const outcome: DiffOutcome = { changes: changed.length > 0, replaces, changed };
  if (replaces.length > 0 && rules.naturalKey) {
    const before = rules.naturalKey(olds as P);
    const after = containsUnknown(news) ? undefined : rules.naturalKey(news as P);
    outcome.deleteBeforeReplace = before === undefined || after === undefined || before === after;
  }
  return outcome;
}

// Normalizers.
export const lowerCase: Normalizer = (v) => (typeof v === "string" ? v.trim().toLowerCase() : v);
export const trimmed: Normalizer = (v) => (typeof v === "string" ? v.trim() : v);
export const upperCase: Normalizer = (v) => (typeof v === "string" ? v.trim().toUpperCase() : v);
/** An unordered set of strings compared case-insensitively. */
export const caseInsensitiveSet: Normalizer = (v) =>
  Array.isArray(v)
    ? [...new Set(v.map((x) => (typeof x === "string" ? x.trim().toLowerCase() : stableStringify(x))))].sort()
    : v;
/** An unordered set of objects; each object is compared by its stable JSON after lower-casing string values. */
export const objectSet: Normalizer = (v) =>
  Array.isArray(v)
    ? [
        ...new Set(
          v.map((x) =>
            stableStringify(
              x && typeof x === "object"
                ? Object.fromEntries(Object.entries(x as object).map(([k, y]) => [k, lowerCase(y)]))
                : x,
            ),
          ),
        ),
      ].sort()
    : v;
