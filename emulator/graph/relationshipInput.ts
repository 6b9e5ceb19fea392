// Validation of delegatedAdminRelationship bodies (create and PATCH), with messages that name the field and the fix.
// Emulator choice: displayName allows letters, digits, spaces and `- _ : .` (the bulk tool allows alphanumerics, `-`
// and `_`; integrators use `:`), and its uniqueness among the partner's listed relationships ignores case.
// Emulator choice: any role template GUID is accepted (the accepted set is not published); duplicates are refused.
// Emulator choice: unknown body properties are 400 `badRequest`; `@odata.*` annotations are ignored.
// Emulator choice: `customer.displayName` is taken from the partner's customer record when the tenant is one, else
// from the body (or null).
import { isGuid } from "../store/ids";
import type { PartnerRecord } from "../store/types";
import { AUTO_EXTEND_VALUES, durationDays, MAX_DURATION_DAYS } from "./durations";
import { badRequest } from "./graphError";

export const GLOBAL_ADMINISTRATOR = "62e90394-69f5-4237-9190-012177145e10";
export const RELATIONSHIP_FIELDS = ["displayName", "duration", "customer", "accessDetails", "autoExtendDuration"];
const NAME = /^[A-Za-z0-9 _\-:.]+$/;

export function asObject(body: unknown, what: string): Record<string, unknown> {
  if (body === null || typeof body !== "object" || Array.isArray(body))
    throw badRequest(`The request body of ${what} must be a JSON object.`);
  return body as Record<string, unknown>;
}

export function refuseUnknown(body: Record<string, unknown>, allowed: string[], what: string): void {
  for (const key of Object.keys(body)) {
    if (key.startsWith("@odata.")) continue;
    if (!allowed.includes(key))
      throw badRequest(`The property '${key}' is not settable on ${what}; send only ${allowed.join(", ")}.`);
  }
}

export function checkDisplayName(value: unknown): string {
  if (typeof value !== "string" || value.trim() === "")
    throw badRequest("displayName is required: give the relationship a name of 1 to 50 characters.");
  if (value.length > 50)
    throw badRequest(`displayName '${value}' is ${value.length} characters long; the maximum is 50.`);
  if (!NAME.test(value))
    throw badRequest(`displayName '${value}' has characters outside letters, digits, spaces and - _ : .`);
  return value;
}

export function checkDuration(value: unknown): string {
  if (typeof value !== "string")
    throw badRequest("duration is required: an ISO 8601 duration from P1D to P2Y, e.g. P730D.");
  const days = durationDays(value);
  if (days === undefined)
    throw badRequest(`duration '${value}' is not a duration this API accepts; write days, e.g. P730D (P1D to P2Y).`);
  if (days < 1 || days > MAX_DURATION_DAYS)
    throw badRequest(`duration '${value}' is outside P1D..P2Y (1 to ${MAX_DURATION_DAYS} days).`);
  return value;
}

export function checkAutoExtend(value: unknown): string {
  if (typeof value !== "string" || !AUTO_EXTEND_VALUES.includes(value))
    throw badRequest(
      `autoExtendDuration '${String(value)}' is not allowed; use one of ${AUTO_EXTEND_VALUES.join(", ")}.`,
    );
  return value;
}

export function checkRoles(value: unknown, field = "accessDetails"): string[] {
  const roles = (value as { unifiedRoles?: unknown } | null | undefined)?.unifiedRoles;
  if (!Array.isArray(roles) || roles.length === 0)
    throw badRequest(`${field}.unifiedRoles must list at least one {roleDefinitionId} (an Entra role template id).`);
  const ids = roles.map((r, i) => {
    const id = (r as { roleDefinitionId?: unknown } | null)?.roleDefinitionId;
    if (typeof id !== "string" || !isGuid(id))
      throw badRequest(`${field}.unifiedRoles[${i}].roleDefinitionId must be a role template GUID.`);
    return id.toLowerCase();
  });
  const dup = ids.find((id, i) => ids.indexOf(id) !== i);
  if (dup) throw badRequest(`${field}.unifiedRoles lists the role ${dup} twice.`);
  return ids;
}

export function checkCustomer(
  value: unknown,
  partner: PartnerRecord,
): { tenantId: string; displayName: string | null } | null {
  if (value === null || value === undefined) return null;
  const tenantId = (value as { tenantId?: unknown }).tenantId;
  if (typeof value !== "object" || typeof tenantId !== "string" || !isGuid(tenantId))
    throw badRequest("customer.tenantId must be the customer's tenant id (a GUID), or omit customer.");
  const known = partner.customers.find((c) => c.id.toLowerCase() === tenantId.toLowerCase());
  const given = (value as { displayName?: unknown }).displayName;
  return {
    tenantId: tenantId.toLowerCase(),
    displayName: known?.companyProfile.companyName ?? (typeof given === "string" ? given : null),
  };
}

export function checkGlobalAdminRule(roles: string[], autoExtend: string): void {
  if (autoExtend === "P180D" && roles.includes(GLOBAL_ADMINISTRATOR))
    throw badRequest(
      "A relationship that includes Global Administrator cannot auto-extend: set autoExtendDuration to PT0S or remove the role.",
    );
}
