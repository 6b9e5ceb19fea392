// Graph delegatedAdminRelationshipRequest: the partner's lockForApproval and terminate actions on a relationship
// (https://learn.microsoft.com/graph/api/resources/delegatedadminrelationshiprequest).
// Emulator choice: the 201 shows the request `created`; it reads `succeeded` afterwards, the relationship having moved
// at once (lockForApproval -> approvalPending; terminate -> terminationRequested). If-Match is optional here and
// checked when sent. `approve`/`reject` are for indirect resellers, whom the emulator does not model: 400.
import { randomUUID } from "crypto";
import { badRequest } from "./graphError";
import { checkIfMatch, newEtag, touch } from "./odata";
import type { GdapRequestRecord } from "./records";
import { requestJson } from "./relationshipJson";
import { asObject } from "./relationshipInput";
import { findRelationship } from "./relationships";
import { childReadRoutes } from "./relationshipChildren";
import { METADATA, RELATIONSHIPS, type GraphContext, type GraphRoute } from "./route";

function create(ctx: GraphContext) {
  const rel = findRelationship(ctx.gdap, ctx.params.relationshipId);
  checkIfMatch(ctx.headers["if-match"], rel.etag, false);
  const body = asObject(ctx.body, "a delegatedAdminRelationshipRequest");
  const action = body.action;
  const at = ctx.now().toISOString();
  if (action === "lockForApproval") {
    if (rel.status !== "created")
      throw badRequest(`The relationship is ${rel.status}: lockForApproval is possible only while it is created.`);
    rel.status = "approvalPending";
    rel.lockedAt = at;
  } else if (action === "terminate") {
    if (rel.status !== "active")
      throw badRequest(
        `The relationship is ${rel.status}: only an active relationship can be terminated${rel.status === "created" ? " (delete a created one)" : ""}.`,
      );
    rel.status = "terminationRequested";
    rel.terminateAt = new Date(ctx.now().getTime() + ctx.gdap.settings.terminationDelayMs).toISOString();
  } else if (action === "approve" || action === "reject") {
    throw badRequest(`The action '${action}' is for an indirect reseller approving a provider's relationship.`);
  } else {
    throw badRequest(`action must be lockForApproval or terminate, not '${String(action)}'.`);
  }
  touch(rel, at);
  const request: GdapRequestRecord = {
    id: randomUUID(),
    action,
    status: "succeeded",
    createdDateTime: at,
    lastModifiedDateTime: at,
    etag: newEtag(),
  };
  rel.requests.push(request);
  ctx.changed();
  return {
    status: 201,
    headers: { Location: `${ctx.origin}${RELATIONSHIPS}/${rel.id}/requests/${request.id}` },
    body: {
      "@odata.context": `${ctx.origin}${METADATA}#requests/$entity`,
      ...requestJson({ ...request, status: "created" }),
    },
  };
}

const [listRequests, getRequest] = childReadRoutes({
  segment: "requests",
  idParam: "requestId",
  type: "delegatedAdminRelationshipRequest",
  items: (rel) => rel.requests,
  json: requestJson,
});

export const requestRoutes: GraphRoute[] = [
  listRequests,
  { method: "POST", pattern: `${RELATIONSHIPS}/:relationshipId/requests`, handle: create },
  getRequest,
];
