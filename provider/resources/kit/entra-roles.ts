// The Entra roles a GDAP resource names (DelegatedAdminRelationship, DelegatedAdminAccessAssignment): the input
// field, its check against the roles this package knows, and the template ids its diff compares.
import { z } from "zod";
import { roleIdOf } from "../../client/graph/entraRoles";
import type { CheckFailure } from "./check";
import { containsUnknown } from "./unknown";

/** The `roles` input: role names or template ids, at least one; `fix` says which roles to list. */
export function entraRoles(fix: string) {
  return z
    .array(z.string({ error: "must be a role name or template id" }), { error: `is required. Fix: ${fix}` })
    .min(1, { error: 'must list at least one role. Fix: e.g. ["Helpdesk Administrator"]' });
}

/** Template ids of the given role names/ids, sorted; unknown names are left as given (check reports them). */
export function roleIds(roles: unknown): string[] {
  if (!Array.isArray(roles)) return [];
  return [...new Set(roles.map((r) => roleIdOf(String(r)) ?? String(r)))].sort();
}

/** One failure per role name this package does not know (none while the list is unknown at preview). */
export function unknownRoles(roles: unknown): CheckFailure[] {
  if (!Array.isArray(roles) || containsUnknown(roles)) return [];
  return roles.flatMap((r, i) =>
    typeof r === "string" && roleIdOf(r) === undefined
      ? [
          {
            property: `roles[${i}]`,
            reason: `"${r}" is not an Entra role name this package knows. Fix: use the role's exact name (e.g. "Helpdesk Administrator") or its template id (a GUID).`,
          },
        ]
      : [],
  );
}
