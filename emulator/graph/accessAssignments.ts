// Graph delegatedAdminAccessAssignment: a partner security group's roles in the customer tenant through one relationship
// (https://learn.microsoft.com/graph/api/resources/delegatedadminaccessassignment). PATCH and DELETE need If-Match.
// Emulator choice: creating one needs the relationship `active` (else 400), a security group of the partner tenant
// (else 400), roles among the relationship's (else 400 naming the extra roles), and no other assignment of that group
// that is not `deleted` (else 409 "The resource already exists."). New assignments read `pending` for the
// assignment delay (default 0), then `active`; deleted ones read `deleting`, then `deleted`.
// Emulator choice: PATCH (assignment `active` only) with the same roles is 200 with the assignment; with other roles
// it is 202 with Location of a delegatedAdminAccessAssignmentUpdate operation and Retry-After: 5, the roles applied
// at once and the operation `running` for the operation delay (default 0).
import { randomUUID } from "crypto";
import { badRequest, GraphError, notFound } from "./graphError";
import { applyFilter, applySelect, checkIfMatch, newEtag, page, touch } from "./odata";
import type { GdapAssignmentRecord, GdapRelationshipRecord } from "./records";
import { assignmentJson } from "./relationshipJson";
import { asObject, checkRoles, refuseUnknown } from "./relationshipInput";
import { findRelationship } from "./relationships";
import { METADATA, RELATIONSHIPS, type GraphContext, type GraphRoute } from "./route";
import { startUpdateOperation } from "./updateOperation";

const ASSIGNMENTS = `${RELATIONSHIPS}/:relationshipId/accessAssignments`;

function findAssignment(rel: GdapRelationshipRecord, id: string): GdapAssignmentRecord {
  const a = rel.accessAssignments.find((x) => x.id === id.toLowerCase());
  if (!a) throw notFound("delegatedAdminAccessAssignment", id);
  return a;
}

const entity = (ctx: GraphContext, json: object) => ({
  "@odata.context": `${ctx.origin}${METADATA}#accessAssignments/$entity`,
  ...json,
});

function checkSubset(rel: GdapRelationshipRecord, roles: string[]): void {
  const extra = roles.filter((r) => !rel.roles.includes(r));
  if (extra.length)
    throw badRequest(
      `accessDetails has roles the relationship does not grant: ${extra.join(", ")}; an assignment's roles must be among the relationship's.`,
    );
}

function create(ctx: GraphContext) {
  const rel = findRelationship(ctx.gdap, ctx.params.relationshipId);
  const body = asObject(ctx.body, "a delegatedAdminAccessAssignment");
  refuseUnknown(body, ["accessContainer", "accessDetails"], "a new delegatedAdminAccessAssignment");
  const container = body.accessContainer as { accessContainerId?: unknown; accessContainerType?: unknown } | undefined;
  if (!container || typeof container.accessContainerId !== "string")
    throw badRequest(
      "accessContainer.accessContainerId is required: the id of a security group in the partner tenant.",
    );
  if (container.accessContainerType !== "securityGroup")
    throw badRequest(
      `accessContainer.accessContainerType must be securityGroup, not '${String(container.accessContainerType)}'.`,
    );
  const roles = checkRoles(body.accessDetails);
  if (rel.status !== "active")
    throw badRequest(`The relationship is ${rel.status}: access can be assigned only in an active relationship.`);
  const groupId = container.accessContainerId.toLowerCase();
  if (!ctx.gdap.securityGroups.some((g) => g.id === groupId))
    throw badRequest(`accessContainer.accessContainerId '${groupId}' is not a security group in the partner tenant.`);
  checkSubset(rel, roles);
  if (rel.accessAssignments.some((a) => a.groupId === groupId && a.status !== "deleted"))
    throw new GraphError(409, "conflict", "The resource already exists.");
  const at = ctx.now().toISOString();
  const a: GdapAssignmentRecord = {
    id: randomUUID(),
    groupId,
    roles,
    status: "pending",
    createdDateTime: at,
    lastModifiedDateTime: at,
    transitionAt: new Date(ctx.now().getTime() + ctx.gdap.settings.assignmentDelayMs).toISOString(),
    etag: newEtag(),
  };
  rel.accessAssignments.push(a);
  ctx.changed();
  return {
    status: 201,
    headers: { Location: `${ctx.origin}${RELATIONSHIPS}/${rel.id}/accessAssignments/${a.id}` },
    body: entity(ctx, assignmentJson(a)),
  };
}

function update(ctx: GraphContext) {
  const rel = findRelationship(ctx.gdap, ctx.params.relationshipId);
  const a = findAssignment(rel, ctx.params.assignmentId);
  checkIfMatch(ctx.headers["if-match"], a.etag, true);
  const body = asObject(ctx.body, "a delegatedAdminAccessAssignment update");
  refuseUnknown(body, ["accessDetails"], "a delegatedAdminAccessAssignment (only accessDetails can change)");
  if (a.status !== "active")
    throw badRequest(`The access assignment is ${a.status}: only an active one can be updated.`);
  if (rel.status !== "active") throw badRequest(`The relationship is ${rel.status}: its assignments can't change.`);
  const roles = checkRoles(body.accessDetails);
  checkSubset(rel, roles);
  if (roles.length === a.roles.length && roles.every((r) => a.roles.includes(r)))
    return {
      status: 200,
      body: entity(ctx, assignmentJson(a)),
    };
  const at = ctx.now().toISOString();
  a.roles = roles;
  touch(a, at);
  return startUpdateOperation(
    ctx,
    rel,
    "delegatedAdminAccessAssignmentUpdate",
    {
      id: a.id,
      accessContainer: { accessContainerId: a.groupId, accessContainerType: "securityGroup" },
      accessDetails: { unifiedRoles: roles.map((r) => ({ roleDefinitionId: r })) },
      status: a.status,
    },
    at,
  );
}

function remove(ctx: GraphContext) {
  const rel = findRelationship(ctx.gdap, ctx.params.relationshipId);
  const a = findAssignment(rel, ctx.params.assignmentId);
  checkIfMatch(ctx.headers["if-match"], a.etag, true);
  if (a.status === "deleting" || a.status === "deleted")
    throw badRequest(`The access assignment is already ${a.status}.`);
  const at = ctx.now().toISOString();
  a.status = "deleting";
  a.transitionAt = new Date(ctx.now().getTime() + ctx.gdap.settings.assignmentDelayMs).toISOString();
  touch(a, at);
  ctx.changed();
  return { status: 204 };
}

export const accessAssignmentRoutes: GraphRoute[] = [
  {
    method: "GET",
    pattern: ASSIGNMENTS,
    handle: (ctx) => {
      const rel = findRelationship(ctx.gdap, ctx.params.relationshipId);
      const items = applyFilter(rel.accessAssignments, ctx.query.get("$filter"), {
        status: (a) => a.status,
        "accessContainer/accessContainerId": (a) => a.groupId,
      });
      return {
        status: 200,
        body: page(items.map(assignmentJson), ctx.query, `${ctx.origin}${METADATA}#accessAssignments`, ctx.url),
      };
    },
  },
  { method: "POST", pattern: ASSIGNMENTS, handle: create },
  {
    method: "GET",
    pattern: `${ASSIGNMENTS}/:assignmentId`,
    handle: (ctx) => {
      const a = findAssignment(findRelationship(ctx.gdap, ctx.params.relationshipId), ctx.params.assignmentId);
      return {
        status: 200,
        body: entity(ctx, applySelect(assignmentJson(a), ctx.query.get("$select"))),
      };
    },
  },
  { method: "PATCH", pattern: `${ASSIGNMENTS}/:assignmentId`, handle: update },
  { method: "DELETE", pattern: `${ASSIGNMENTS}/:assignmentId`, handle: remove },
];
