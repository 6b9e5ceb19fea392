// Preview-time unknowns. During `pulumi preview`, an input that depends on another resource's output that
// is not known yet reaches check() and diff() as this fixed string (pulumi `rpc.unknownValue`), never as
// `undefined`. Validation must let it through, and diff must treat it as "will change".

export const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

/** True when the value is the preview sentinel. */
export function isUnknown(value: unknown): boolean {
  return value === UNKNOWN;
}

/** True when the value, or anything nested in it, is the preview sentinel. */
export function containsUnknown(value: unknown): boolean {
  if (isUnknown(value)) return true;
  if (Array.isArray(value)) return value.some(containsUnknown);
  if (value !== null && typeof value === "object") return Object.values(value).some(containsUnknown);
  return false;
}

/** The value at a property path, or undefined. */
export function valueAt(root: unknown, path: ReadonlyArray<PropertyKey>): unknown {
  let cur: unknown = root;
  for (const key of path) {
    if (cur === null || typeof cur !== "object") return undefined;
    cur = (cur as Record<PropertyKey, unknown>)[key];
  }
  return cur;
}

/** True when the path, or one of its ancestors, holds the preview sentinel (so the issue cannot be judged yet). */
export function pathIsUnknown(root: unknown, path: ReadonlyArray<PropertyKey>): boolean {
  for (let i = 0; i <= path.length; i++) if (isUnknown(valueAt(root, path.slice(0, i)))) return true;
  return false;
}
