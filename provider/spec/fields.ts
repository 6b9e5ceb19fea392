// zod field builders for the tenant spec. Every message says what is wrong and how to fix it; the loader
// prefixes it with the file, line and path. Plain zod types only (no transforms), so that the JSON Schema
// generated from them (schema/tenant-spec.schema.json) describes exactly what the YAML may hold.

import { z } from "zod";
import { countryProblem } from "../resources/kit/country";
import { DOMAIN_RE, GUID_RE, UPN_RE } from "../resources/kit/fields";

export { DOMAIN_RE, GUID_RE, UPN_RE };

const CUSTOMER_RE = new RegExp(`(${GUID_RE.source})|(${DOMAIN_RE.source})`);

function typed(kind: string, fix: string) {
  return {
    error: (issue: { input?: unknown }) =>
      issue.input === undefined ? `is required. Fix: ${fix}` : `must be ${kind}. Fix: ${fix}`,
  };
}

export function text(description: string, fix: string) {
  return z
    .string(typed("a string", fix))
    .min(1, { error: `must not be empty. Fix: ${fix}` })
    .meta({ description });
}

export function guid(description: string) {
  const fix = `give the ${description} as a GUID like 00000000-0000-0000-0000-000000000000`;
  return z
    .string(typed("a string", fix))
    .regex(GUID_RE, { error: `must be a GUID. Fix: ${fix}` })
    .meta({ description });
}

export function domain(description: string) {
  const fix = "give a DNS name such as contoso.com (no scheme, no path, no trailing dot)";
  return z
    .string(typed("a string", fix))
    .regex(DOMAIN_RE, { error: `must be a domain name. Fix: ${fix}` })
    .meta({ description });
}

export function customerRef() {
  const fix = "give the customer's tenant id (a GUID) or its initial domain, e.g. contoso.onmicrosoft.com";
  return z
    .string(typed("a string", fix))
    .regex(CUSTOMER_RE, { error: `must be a customer tenant id or domain. Fix: ${fix}` })
    .meta({ description: "The customer: its tenant id (GUID) or its initial domain (e.g. contoso.onmicrosoft.com)." });
}

export function userPrincipalName() {
  const fix =
    "write it as alias@domain, where domain is one of the customer's domains (e.g. jane@contoso.onmicrosoft.com)";
  return z
    .string(typed("a string", fix))
    .regex(UPN_RE, { error: `must look like alias@domain. Fix: ${fix}` })
    .meta({ description: "Sign-in name alias@domain; the domain must be one of the customer's domains." });
}

export function countryCode(description: string) {
  const fix = "use a two-letter ISO country code such as US, GB or DE";
  return z
    .string(typed("a string", fix))
    .regex(/^[A-Za-z]{2}$/, { error: `must be a two-letter country code. Fix: ${fix}` })
    .superRefine((v, ctx) => {
      const problem = /^[A-Za-z]{2}$/.test(v) ? countryProblem(v, fix) : undefined;
      if (problem) ctx.addIssue({ code: "custom", message: problem });
    })
    .meta({ description });
}

export function bool(description: string, fix: string) {
  return z.boolean(typed("true or false", fix)).meta({ description });
}

export function oneOf<const T extends readonly [string, ...string[]]>(values: T, description: string) {
  const how = `use one of ${values.map((v) => JSON.stringify(v)).join(", ")}`;
  return z
    .enum(values, {
      error: (issue: { input?: unknown }) =>
        issue.input === undefined ? `is required. Fix: ${how}` : `must be one of ${values.join(", ")}. Fix: ${how}`,
    })
    .meta({ description });
}

export function list<T extends z.ZodType>(item: T, description: string, example: string) {
  return z
    .array(item, { error: `must be a list. Fix: write it as a YAML list, e.g. ${example}` })
    .meta({ description });
}

export const adoptField = () =>
  bool(
    "Take over the existing object with the same natural key instead of failing (overrides the file's `adopt`).",
    "write adopt: true or adopt: false",
  ).optional();

export const isGuid = (value: string) => GUID_RE.test(value);

/** The [earlier, later] index pairs of items whose keys repeat. */
export function repeatedIndexes<T>(items: readonly T[], key: (t: T) => string): Array<[number, number]> {
  const first = new Map<string, number>();
  const out: Array<[number, number]> = [];
  items.forEach((item, j) => {
    const k = key(item);
    if (first.has(k)) out.push([first.get(k)!, j]);
    else first.set(k, j);
  });
  return out;
}

/** A list refinement: an entry whose key repeats an earlier one is a problem at `[index, ...field]` naming both. */
export function uniqueBy<T>(listName: string, key: (t: T) => string, field: Array<string | number>, fix: string) {
  return (items: T[], ctx: z.RefinementCtx): void => {
    for (const [earlier, i] of repeatedIndexes(items, key)) {
      ctx.addIssue({ code: "custom", path: [i, ...field], message: `repeats ${listName}[${earlier}]. Fix: ${fix}` });
    }
  };
}
