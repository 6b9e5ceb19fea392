// Graph delegatedAdminRelationship: list, create, get, update, delete
// (https://learn.microsoft.com/graph/api/resources/delegatedadminrelationship). PATCH and DELETE need If-Match.
// Emulator choice: relationship ids are two GUIDs joined by `-` (73 characters), as in the docs' examples.
// Emulator choice: while `active`, a PATCH may change autoExtendDuration, or accessDetails only to drop Global
// Administrator (a delegatedAdminRelationshipUpdate operation, 202 with Location and Retry-After: 5); anything else
// outside `created` is 400 `badRequest` naming the status.
import { randomUUID } from "crypto";
import { badRequest, GraphError, notFound } from "./graphError";
import { applyFilter, applySelect, checkIfMatch, newEtag, page, touch } from "./odata";
import type { GdapRelationshipRecord, PartnerGdapRecord } from "./records";
import { relationshipJson } from "./relationshipJson";
import {
  asObject,
  checkAutoExtend,
  checkCustomer,
  checkDisplayName,
  checkDuration,
  checkGlobalAdminRule,
  checkRoles,
  GLOBAL_ADMINISTRATOR,
  refuseUnknown,
  RELATIONSHIP_FIELDS,
} from "./relationshipInput";
import { METADATA, RELATIONSHIPS, type GraphContext, type GraphRoute } from "./route";
import { startUpdateOperation } from "./updateOperation";

export function findRelationship(gdap: PartnerGdapRecord, id: string): GdapRelationshipRecord {
  const rel = gdap.relationships.find((r) => r.id.toLowerCase() === id.toLowerCase());
  if (!rel) throw notFound("delegatedAdminRelationship", id);
  return rel;
}

function nameTaken(gdap: PartnerGdapRecord, name: string, except?: GdapRelationshipRecord): boolean {
  return gdap.relationships.some((r) => r !== except && r.displayName.toLowerCase() === name.toLowerCase());
}

const conflict = (name: string) =>
  new GraphError(
    409,
    "conflict",
    `The resource already exists: a relationship named '${name}' exists; names are unique per partner.`,
  );

const entity = (ctx: GraphContext, rel: GdapRelationshipRecord, context = "delegatedAdminRelationships/$entity") => ({
  "@odata.context": `${ctx.origin}${METADATA}#${context}`,
  ...applySelect(relationshipJson(rel), ctx.query.get("$select")),
});

function create(ctx: GraphContext) {
  const body = asObject(ctx.body, "a delegatedAdminRelationship");
  refuseUnknown(body, RELATIONSHIP_FIELDS, "a new delegatedAdminRelationship");
  const displayName = checkDisplayName(body.displayName);
  const duration = checkDuration(body.duration);
  const autoExtendDuration = body.autoExtendDuration === undefined ? "PT0S" : checkAutoExtend(body.autoExtendDuration);
  const roles = checkRoles(body.accessDetails);
  checkGlobalAdminRule(roles, autoExtendDuration);
  const customer = checkCustomer(body.customer, ctx.partner);
  if (nameTaken(ctx.gdap, displayName)) throw conflict(displayName);
  const at = ctx.now().toISOString();
  const rel: GdapRelationshipRecord = {
    id: `${randomUUID()}-${randomUUID()}`,
    displayName,
    duration,
    autoExtendDuration,
    customer,
    roles,
    status: "created",
    createdDateTime: at,
    lastModifiedDateTime: at,
    activatedDateTime: null,
    endDateTime: null,
    etag: newEtag(),
    requests: [],
    accessAssignments: [],
    operations: [],
  };
  ctx.gdap.relationships.push(rel);
  ctx.changed();
  return {
    status: 201,
    headers: { Location: `${ctx.origin}${RELATIONSHIPS}/${rel.id}` },
    body: { "@odata.context": `${ctx.origin}${METADATA}#delegatedAdminRelationships`, ...relationshipJson(rel) },
  };
}

function update(ctx: GraphContext) {
  const rel = findRelationship(ctx.gdap, ctx.params.relationshipId);
  checkIfMatch(ctx.headers["if-match"], rel.etag, true);
  const body = asObject(ctx.body, "a delegatedAdminRelationship update");
  refuseUnknown(body, RELATIONSHIP_FIELDS, "a delegatedAdminRelationship");
  const at = ctx.now().toISOString();
  if (rel.status === "created") {
    const displayName = body.displayName === undefined ? rel.displayName : checkDisplayName(body.displayName);
    const duration = body.duration === undefined ? rel.duration : checkDuration(body.duration);
    const autoExtend =
      body.autoExtendDuration === undefined ? rel.autoExtendDuration : checkAutoExtend(body.autoExtendDuration);
    const roles = body.accessDetails === undefined ? rel.roles : checkRoles(body.accessDetails);
    checkGlobalAdminRule(roles, autoExtend);
    const customer = body.customer === undefined ? rel.customer : checkCustomer(body.customer, ctx.partner);
    if (nameTaken(ctx.gdap, displayName, rel)) throw conflict(displayName);
    Object.assign(rel, { displayName, duration, autoExtendDuration: autoExtend, roles, customer });
  } else if (rel.status === "active") {
    const others = Object.keys(body).filter(
      (k) => !k.startsWith("@odata.") && k !== "autoExtendDuration" && k !== "accessDetails",
    );
    if (others.length)
      throw badRequest(
        `The relationship is active: only autoExtendDuration (or removing Global Administrator) can change; ${others.join(", ")} can't. Create a new relationship instead.`,
      );
    const autoExtend =
      body.autoExtendDuration === undefined ? rel.autoExtendDuration : checkAutoExtend(body.autoExtendDuration);
    let roles = rel.roles;
    let gaRemoved = false;
    if (body.accessDetails !== undefined) {
      roles = checkRoles(body.accessDetails);
      const expected = rel.roles.filter((r) => r !== GLOBAL_ADMINISTRATOR);
      const same = (a: string[], b: string[]) => a.length === b.length && a.every((r) => b.includes(r));
      gaRemoved = rel.roles.includes(GLOBAL_ADMINISTRATOR) && same(roles, expected);
      if (!same(roles, rel.roles) && !gaRemoved)
        throw badRequest(
          "The relationship is active: its roles can't change, except removing Global Administrator. Create a new relationship for other roles.",
        );
    }
    checkGlobalAdminRule(roles, autoExtend);
    rel.autoExtendDuration = autoExtend;
    rel.roles = roles;
    if (gaRemoved) {
      touch(rel, at);
      return startUpdateOperation(
        ctx,
        rel,
        "delegatedAdminRelationshipUpdate",
        { id: rel.id, accessDetails: { unifiedRoles: roles.map((r) => ({ roleDefinitionId: r })) } },
        at,
      );
    }
  } else {
    throw badRequest(
      `The relationship is ${rel.status}: it can't be changed (only while created, or autoExtendDuration while active).`,
    );
  }
  touch(rel, at);
  ctx.changed();
  return { status: 200, body: entity(ctx, rel) };
}

function remove(ctx: GraphContext) {
  const rel = findRelationship(ctx.gdap, ctx.params.relationshipId);
  checkIfMatch(ctx.headers["if-match"], rel.etag, true);
  if (rel.status !== "created")
    throw badRequest(
      `The relationship is ${rel.status}: only a created relationship can be deleted; terminate an active one (POST requests {"action":"terminate"}).`,
    );
  ctx.gdap.relationships = ctx.gdap.relationships.filter((r) => r !== rel);
  ctx.changed();
  return { status: 204 };
}

function list(ctx: GraphContext) {
  const items = applyFilter(ctx.gdap.relationships, ctx.query.get("$filter"), {
    status: (r) => r.status,
    displayName: (r) => r.displayName,
    "customer/tenantId": (r) => r.customer?.tenantId,
    id: (r) => r.id,
  });
  return {
    status: 200,
    body: page(items.map(relationshipJson), ctx.query, `${ctx.origin}${METADATA}#delegatedAdminRelationships`, ctx.url),
  };
}

export const relationshipRoutes: GraphRoute[] = [
  { method: "GET", pattern: RELATIONSHIPS, handle: list },
  { method: "POST", pattern: RELATIONSHIPS, handle: create },
  {
    method: "GET",
    pattern: `${RELATIONSHIPS}/:relationshipId`,
    handle: (ctx) => ({ status: 200, body: entity(ctx, findRelationship(ctx.gdap, ctx.params.relationshipId)) }),
  },
  { method: "PATCH", pattern: `${RELATIONSHIPS}/:relationshipId`, handle: update },
  { method: "DELETE", pattern: `${RELATIONSHIPS}/:relationshipId`, handle: remove },
];
