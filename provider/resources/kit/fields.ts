// Reusable zod field schemas for resource inputs. Every message says what is wrong AND how to fix it,
// because check() hands these messages to the user verbatim (prefixed with the property path).

import { z } from "zod";
import { countryProblem } from "./country";

export const GUID_RE = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
/** alias@domain: the alias is dot-separated atoms of the characters Entra ID allows (no `/ % ? # ..`, no leading or trailing dot). */
export const UPN_RE =
  /^[A-Za-z0-9!#$&'*+=^_`{|}~-]+(?:\.[A-Za-z0-9!#$&'*+=^_`{|}~-]+)*@([A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+)$/;
export const DOMAIN_RE =
  /^(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/;

function typed(kind: string, fix: string) {
  return {
    error: (issue: { input?: unknown }) =>
      issue.input === undefined ? `is required. Fix: ${fix}` : `must be ${kind}. Fix: ${fix}`,
  };
}

/** A non-empty string. */
export function text(fix: string) {
  return z
    .string(typed("a string", fix))
    .trim()
    .min(1, { error: `must not be empty. Fix: ${fix}` });
}

/** A GUID such as a tenant, user, role, SKU or subscription id. */
export function guid(what: string) {
  const fix = `give the ${what} as a GUID like 00000000-0000-0000-0000-000000000000`;
  return z.string(typed("a string", fix)).regex(GUID_RE, { error: `must be a GUID. Fix: ${fix}` });
}

/** A user principal name alias@domain; the domain must belong to the customer (checked by Partner Center). */
export function userPrincipalName() {
  const fix =
    "write it as alias@domain, where domain is one of the customer's domains (e.g. jane@contoso.onmicrosoft.com)";
  return z
    .string(typed("a string", fix))
    .trim()
    .regex(UPN_RE, { error: `must look like alias@domain. Fix: ${fix}` });
}

/** A DNS domain name. */
export function domainName() {
  const fix = "give a DNS name such as contoso.com (no scheme, no path, no trailing dot)";
  return z
    .string(typed("a string", fix))
    .trim()
    .regex(DOMAIN_RE, { error: `must be a domain name. Fix: ${fix}` });
}

/** An ISO 3166-1 alpha-2 country code (any letter case), as Partner Center's usageLocation and address country. */
export function countryCode(fix = "use a two-letter ISO country code such as US, GB or DE") {
  return z.string(typed("a string", fix)).superRefine((v, ctx) => {
    const problem = /^[A-Za-z]{2}$/.test(v) ? countryProblem(v, fix) : `must be a two-letter country code. Fix: ${fix}`;
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  });
}

/** ISO 3166-1 alpha-2 country code, as Partner Center's usageLocation. */
export function usageLocation() {
  return countryCode();
}

export function bool(fix: string) {
  return z.boolean(typed("true or false", fix));
}

export function oneOf<const T extends readonly [string, ...string[]]>(values: T, fix?: string) {
  const how = fix ?? `use one of ${values.map((v) => JSON.stringify(v)).join(", ")}`;
  return z.enum(values, {
    error: (issue: { input?: unknown }) =>
      issue.input === undefined ? `is required. Fix: ${how}` : `must be one of ${values.join(", ")}. Fix: ${how}`,
  });
}

export function domainOf(upn: string): string {
  return upn.slice(upn.lastIndexOf("@") + 1).toLowerCase();
}
