// `partner-center gdap list [--customer C]`: the partner's GDAP admin relationships (Microsoft Graph), and with
// `--customer` each relationship's access assignments too.
// https://learn.microsoft.com/graph/api/tenantrelationship-list-delegatedadminrelationships
// Choice: the table shows roles and groups by name (a role Graph names only by id stays an id), the end date as a
// day, auto-extend as `no` or its duration; JSON is the relationships as Graph returns them, with --customer each
// carrying its `accessAssignments` as Graph returns them.
import { isNotFound } from "../client/errors";
import { roleNameOf } from "../client/graph/entraRoles";
import type { DelegatedAdminAccessAssignment, DelegatedAdminRelationship } from "../client/graph/models";
import { CUSTOMER_FLAG, customerIdOf, lookupCommand, verb, type VerbContext } from "./lookup/lookup-command";
import { renderTable, type Column } from "./lookup/table";

interface AssignmentRow {
  assignment: DelegatedAdminAccessAssignment;
  group: string;
}

interface RelationshipRow {
  relationship: DelegatedAdminRelationship;
  /** only with --customer */
  assignments?: AssignmentRow[];
}

const roleNames = (roles: Array<{ roleDefinitionId: string }>) =>
  roles.map((r) => roleNameOf(r.roleDefinitionId.toLowerCase())).join(", ");

const ASSIGNMENT_COLUMNS: Column<AssignmentRow & { relationship: string }>[] = [
  { header: "RELATIONSHIP", value: (a) => a.relationship },
  { header: "ASSIGNMENT ID", value: (a) => a.assignment.id },
  { header: "GROUP", value: (a) => a.group },
  { header: "STATUS", value: (a) => a.assignment.status },
  { header: "ROLES", value: (a) => roleNames(a.assignment.accessDetails.unifiedRoles) },
];

/** Every access assignment of the relationship, each with its partner security group's display name. */
async function assignmentsOf(
  ctx: VerbContext,
  relationshipId: string,
  groups: Map<string, Promise<string>>,
): Promise<AssignmentRow[]> {
  const rows: AssignmentRow[] = [];
  for (const assignment of await ctx.all(
    "access assignments",
    ctx.client.graph.accessAssignments.list(relationshipId),
  )) {
    const id = assignment.accessContainer.accessContainerId.toLowerCase();
    if (!groups.has(id))
      groups.set(
        id,
        ctx.client.graph.groups.get(id).then(
          (g) => g.displayName,
          (e: unknown) => {
            if (isNotFound(e)) return id; // a group deleted since: its id
            throw e;
          },
        ),
      );
    rows.push({ assignment, group: await groups.get(id)! });
  }
  return rows;
}

export const gdapCommand = lookupCommand("gdap", "list the partner's GDAP admin relationships (Microsoft Graph)", {
  list: verb<RelationshipRow>({
    synopsis: "list [--customer <tenant id | domain>]",
    help: [`${CUSTOMER_FLAG.help} (optional: then with its access assignments)`],
    options: CUSTOMER_FLAG.options,
    columns: [
      { header: "ID", value: (r) => r.relationship.id },
      { header: "CUSTOMER", value: (r) => r.relationship.customer?.displayName ?? r.relationship.customer?.tenantId },
      { header: "NAME", value: (r) => r.relationship.displayName },
      { header: "STATUS", value: (r) => r.relationship.status },
      { header: "ROLES", value: (r) => roleNames(r.relationship.accessDetails.unifiedRoles) },
      { header: "ENDS", value: (r) => r.relationship.endDateTime?.slice(0, 10) },
      {
        header: "AUTO-EXTEND",
        value: (r) =>
          !r.relationship.autoExtendDuration || r.relationship.autoExtendDuration === "PT0S"
            ? "no"
            : r.relationship.autoExtendDuration,
      },
    ],
    none: "no GDAP relationships",
    async fetch(ctx) {
      const customerTenantId = ctx.values.customer === undefined ? undefined : await customerIdOf(ctx);
      const relationships = await ctx.all("relationships", ctx.client.graph.relationships.list({ customerTenantId }));
      if (!customerTenantId) return relationships.map((relationship) => ({ relationship }));
      const groups = new Map<string, Promise<string>>();
      const rows: RelationshipRow[] = [];
      for (const relationship of relationships)
        rows.push({ relationship, assignments: await assignmentsOf(ctx, relationship.id, groups) });
      return rows;
    },
    after(rows) {
      const assignments = rows.flatMap((r) =>
        (r.assignments ?? []).map((a) => ({ ...a, relationship: r.relationship.displayName })),
      );
      if (!rows.some((r) => r.assignments)) return [];
      if (assignments.length === 0) return ["", "(no access assignments)"];
      return ["", ...renderTable(ASSIGNMENT_COLUMNS, assignments)];
    },
    toJson: (rows) =>
      rows.map((r) =>
        r.assignments
          ? { ...r.relationship, accessAssignments: r.assignments.map((a) => a.assignment) }
          : r.relationship,
      ),
  }),
});
