// `gdap:` — the customer's GDAP admin relationships (Microsoft Graph), each with its access assignments for partner
// security groups by name. Each relationship becomes a DelegatedAdminRelationship and each assignment a
// DelegatedAdminAccessAssignment (provider/resources).
// Choice: export lists the relationships that are not ended (expired or terminated ones can't be adopted), with
// role names where the role is a known Entra role (its template id otherwise) and groups by display name; with the
// file's `adopt: true` the first `pulumi up` takes them over and writes nothing.

import { z } from "zod";
import { roleNameOf } from "../../client/graph/entraRoles";
import { DelegatedAdminAccessAssignment } from "../../resources/delegated-admin-access-assignment";
import { DelegatedAdminRelationship } from "../../resources/delegated-admin-relationship";
import { adoptField, bool, list, text, uniqueBy } from "../fields";
import { defineSection } from "./section";

const ENDED = new Set(["expired", "terminated", "expiring", "terminating", "terminationRequested"]);

const roleList = list(
  text("An Entra role name or template id.", 'give a role name, e.g. "Helpdesk Administrator"'),
  "Entra roles by name (e.g. Helpdesk Administrator) or template id.",
  "[Helpdesk Administrator]",
);

const AssignmentSpec = z.strictObject({
  securityGroup: text(
    "Display name of a security group in the partner tenant.",
    'give the group\'s display name, e.g. "Helpdesk Agents"',
  ),
  roles: roleList,
  adopt: adoptField(),
});

const RelationshipSpec = z.strictObject({
  displayName: text(
    "Name of the relationship, unique among all the partner's relationships (at most 50 characters).",
    "name the relationship, e.g. contoso-helpdesk",
  ),
  duration: text("ISO 8601 duration from P1D to P2Y, e.g. P730D.", "give a duration such as P730D"),
  roles: roleList,
  autoExtend: bool("Extend by 180 days at the end (not with Global Administrator).", "write true or false").optional(),
  adopt: adoptField(),
  assignments: list(
    AssignmentSpec,
    "Partner security groups and their roles.",
    "[{ securityGroup: Helpdesk Agents, roles: [Helpdesk Administrator] }]",
  )
    .superRefine(
      uniqueBy("assignments", (a) => a.securityGroup.toLowerCase(), ["securityGroup"], "list each group once"),
    )
    .optional(),
});

const GdapSpec = z
  .strictObject({
    relationships: list(
      RelationshipSpec,
      "GDAP admin relationships with this customer.",
      "[{ displayName: ..., duration: P730D, roles: [...] }]",
    ).superRefine(
      uniqueBy(
        "relationships",
        (r) => r.displayName.toLowerCase(),
        ["displayName"],
        "give each relationship its own displayName",
      ),
    ),
  })
  .meta({ description: "GDAP (granular delegated admin privileges): admin relationships and access assignments." });

export const gdapSection = defineSection({
  key: "gdap",
  schema: GdapSpec,
  declare(gdap, ctx) {
    for (const r of gdap.relationships) {
      const key = r.displayName.toLowerCase();
      const relationship = new DelegatedAdminRelationship(
        ctx.name("gdap", key),
        {
          customerId: ctx.customerId,
          displayName: r.displayName,
          duration: r.duration,
          roles: r.roles,
          autoExtend: r.autoExtend ?? false,
          adopt: r.adopt ?? ctx.adopt,
        },
        ctx.opts,
      );
      for (const a of r.assignments ?? []) {
        new DelegatedAdminAccessAssignment(
          ctx.name("gdap", key, a.securityGroup.toLowerCase()),
          {
            relationshipId: relationship.id,
            securityGroupName: a.securityGroup,
            roles: a.roles,
            adopt: a.adopt ?? r.adopt ?? ctx.adopt,
          },
          ctx.opts,
        );
      }
    }
  },
  async export({ client, customerId }) {
    const graph = client.graph;
    const all = await graph.relationships.list({ customerTenantId: customerId });
    const live = all.filter((r) => !ENDED.has(r.status)).sort((a, b) => a.displayName.localeCompare(b.displayName));
    if (live.length === 0) return undefined;
    const groupNames = new Map<string, string>();
    const relationships = [];
    for (const r of live) {
      const assignments = [];
      for (const a of await graph.accessAssignments.list(r.id)) {
        if (a.status === "deleted" || a.status === "deleting") continue;
        const id = a.accessContainer.accessContainerId.toLowerCase();
        if (!groupNames.has(id)) groupNames.set(id, (await graph.groups.get(id)).displayName);
        assignments.push({
          securityGroup: groupNames.get(id)!,
          roles: a.accessDetails.unifiedRoles.map((u) => roleNameOf(u.roleDefinitionId)).sort(),
        });
      }
      relationships.push({
        displayName: r.displayName,
        duration: r.duration,
        roles: r.accessDetails.unifiedRoles.map((u) => roleNameOf(u.roleDefinitionId)).sort(),
        ...(r.autoExtendDuration === "P180D" ? { autoExtend: true } : {}),
        ...(assignments.length
          ? { assignments: assignments.sort((x, y) => x.securityGroup.localeCompare(y.securityGroup)) }
          : {}),
      });
    }
    return { relationships };
  },
});
