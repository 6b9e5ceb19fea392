// Turns zod issues and YAML syntax errors into SpecProblems: file, line and column, the path inside the
// spec (users[1].roles[0]) and a message that says how to fix it. TenantSpecError carries them all.

import type { z } from "zod";
import { tenantSpecJsonSchema } from "./json-schema";

export interface SpecProblem {
  file: string;
  line?: number;
  column?: number;
  /** Path inside the spec, e.g. users[1].usageLocation; "" for the whole file. */
  path: string;
  message: string;
}

export class TenantSpecError extends Error {
  constructor(readonly problems: SpecProblem[]) {
    super(
      `Tenant spec is invalid (${problems.length} problem${problems.length === 1 ? "" : "s"}); nothing was run:\n${problems.map((p) => `  ${formatProblem(p)}`).join("\n")}`,
    );
    this.name = "TenantSpecError";
  }
}

export function formatProblem(p: SpecProblem): string {
  const where = p.line === undefined ? p.file : `${p.file}:${p.line}:${p.column ?? 1}`;
  return `${where}: ${p.path ? `${p.path}: ` : ""}${p.message}`;
}

export type PathSegment = string | number;

export function formatPath(path: readonly PathSegment[]): string {
  let out = "";
  for (const seg of path) out += typeof seg === "number" ? `[${seg}]` : `${out ? "." : ""}${seg}`;
  return out;
}

type JsonSchema = { properties?: Record<string, JsonSchema>; items?: JsonSchema; anyOf?: JsonSchema[] };

/** The field names the JSON Schema allows at `path` (objects only). */
export function knownKeysAt(path: readonly PathSegment[]): string[] {
  let node: JsonSchema | undefined = tenantSpecJsonSchema();
  const objectOf = (n: JsonSchema | undefined) => (n?.properties ? n : n?.anyOf?.find((b) => b.properties));
  for (const seg of path) {
    if (typeof seg === "number") node = node?.items ?? node?.anyOf?.find((b) => b.items)?.items;
    else node = objectOf(node)?.properties?.[seg];
  }
  return Object.keys(objectOf(node)?.properties ?? {});
}

function distance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++)
      d[i][j] = Math.min(
        d[i - 1][j] + 1,
        d[i][j - 1] + 1,
        d[i - 1][j - 1] + (a[i - 1].toLowerCase() === b[j - 1].toLowerCase() ? 0 : 1),
      );
  }
  return d[a.length][b.length];
}

export function unknownKeyMessage(key: string, known: string[]): string {
  const best = known.map((k) => [k, distance(key, k)] as const).sort((x, y) => x[1] - y[1])[0];
  const hint = best && best[1] <= Math.max(2, Math.floor(key.length / 3)) ? `did you mean "${best[0]}"? ` : "";
  return `unknown field "${key}". Fix: ${hint}remove it or use one of: ${known.join(", ")}`;
}

/** Keys that are refused on purpose, with how the thing they ask for works instead. */
const REFUSED_KEYS: Record<string, (path: readonly PathSegment[]) => string | undefined> = {
  password: (path) =>
    path[0] === "users"
      ? "a password is not written in a spec (the spec lives in git). Fix: remove it; a new user gets a generated password (the secret output initialPassword of its resource <customer id>/users/<upn>; read it with `pulumi stack export --show-secrets`), and changing passwordVersion (e.g. 1 -> 2) resets it to a new generated one"
      : undefined,
};

/** One message per issue; unknown keys become one issue per key (with its own path). */
export function issuesToProblems(
  issues: readonly z.core.$ZodIssue[],
): Array<{ path: PathSegment[]; message: string; key?: string }> {
  const out: Array<{ path: PathSegment[]; message: string; key?: string }> = [];
  for (const issue of issues) {
    const path = issue.path.filter((s): s is PathSegment => typeof s !== "symbol");
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys)
        out.push({
          path: [...path, key],
          key,
          message: REFUSED_KEYS[key]?.(path) ?? unknownKeyMessage(key, knownKeysAt(path)),
        });
    } else if (issue.code === "invalid_type" && issue.expected === "object" && path.length === 0) {
      out.push({
        path,
        message: "the file must be a YAML mapping. Fix: start with `customer: <tenant id or domain>` on the first line",
      });
    } else if (!issue.message.includes("Fix:")) {
      const what = issue.code === "invalid_type" ? `write ${article(issue.expected)} here` : "correct the value";
      out.push({
        path,
        message: `${issue.message.replace(/^Invalid input: /, "")}. Fix: ${what} (the format is in docs/gitops.md and schema/tenant-spec.schema.json)`,
      });
    } else {
      out.push({ path, message: issue.message });
    }
  }
  return out;
}

const article = (kind: string) =>
  kind === "array" ? "a list" : kind === "object" ? "a mapping (key: value lines)" : `a ${kind}`;
