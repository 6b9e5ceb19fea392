// check(): validate new inputs with the resource's zod schema and turn every problem into a Pulumi
// CheckFailure { property, reason } where `property` is the dotted path (e.g. "permissions[1].action") and
// `reason` names the field, the problem and the fix.
//
// Preview tolerance: an input that depends on an unknown output arrives as the UNKNOWN sentinel string.
// Any issue whose path (or an ancestor of it) holds the sentinel is dropped, since it cannot be judged yet.
// Unknown property names are reported (a typo such as `displayname` would otherwise be ignored silently).
// `__provider` (added by the host) is not an input and is never validated.

import { z } from "zod";
import { containsUnknown, pathIsUnknown } from "./unknown";

export interface CheckFailure {
  property: string;
  reason: string;
}

/** What check() knows of the provider's configuration (check gets no client): the configured cloud, if any. */
export interface CheckContext {
  cloud?: string;
  /** Whether App+User credentials (a refresh token) are configured; undefined before configure(). */
  userCredentials?: boolean;
}

/** Extra rules that involve several fields (exactly one of roleId/roleName, ...). They see the raw inputs. */
export type CrossFieldRule = (inputs: Record<string, unknown>, ctx?: CheckContext) => CheckFailure[];

export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  let out = "";
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out;
}

function issueToFailures(issue: z.core.$ZodIssue, known: string[]): CheckFailure[] {
  if (issue.code === "unrecognized_keys") {
    return issue.keys.map((key) => {
      const property = formatPath([...issue.path, key]);
      const hint = issue.path.length === 0 ? ` Known properties: ${known.join(", ")}.` : "";
      return {
        property,
        reason: `${property} is not a property of this resource. Fix: remove it or correct its spelling.${hint}`,
      };
    });
  }
  const property = formatPath(issue.path);
  return [{ property, reason: `${property || "inputs"} ${issue.message}` }];
}

export interface CheckOutcome<T> {
  inputs: Record<string, unknown>;
  failures: CheckFailure[];
  parsed?: T;
}

/**
 * Validates `news` (minus `__provider`). Returns the inputs to store: when every value is known, the parsed
 * values (trimmed, with defaults) merged over the raw ones; otherwise the raw inputs unchanged.
 */
export function checkInputs<S extends z.ZodObject>(
  schema: S,
  news: Record<string, unknown>,
  rules: CrossFieldRule[] = [],
  ctx: CheckContext = {},
): CheckOutcome<z.output<S>> {
  const { __provider, ...candidate } = news;
  const failures: CheckFailure[] = [];
  const result = schema.safeParse(candidate);
  if (!result.success) {
    const known = Object.keys(schema.shape);
    for (const issue of result.error.issues) {
      if (pathIsUnknown(candidate, issue.path)) continue;
      failures.push(...issueToFailures(issue, known));
    }
  }
  for (const rule of rules) failures.push(...rule(candidate, ctx));
  if (failures.length > 0 || !result.success || containsUnknown(candidate)) return { inputs: news, failures };
  const inputs: Record<string, unknown> = { ...news, ...(result.data as Record<string, unknown>) };
  return { inputs, failures, parsed: result.data };
}

/** Rule: exactly one of two alternative properties must be set (an unknown value counts as set). */
export function exactlyOneOf(a: string, b: string, fix: string): CrossFieldRule {
  return (inputs) => {
    const has = (k: string) => inputs[k] !== undefined && inputs[k] !== null && inputs[k] !== "";
    if (has(a) !== has(b)) return [];
    const reason = has(a)
      ? `${a} and ${b} are both set; set exactly one. Fix: ${fix}`
      : `${a} or ${b} is required; set exactly one. Fix: ${fix}`;
    return [
      { property: a, reason },
      { property: b, reason },
    ];
  };
}
