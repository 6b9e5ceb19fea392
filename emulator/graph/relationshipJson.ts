// Wire shapes of the GDAP objects, built from the emulator's records.
import type { GdapAssignmentRecord, GdapOperationRecord, GdapRelationshipRecord, GdapRequestRecord } from "./records";

export const unifiedRoles = (roles: string[]) => ({
  unifiedRoles: roles.map((roleDefinitionId) => ({ roleDefinitionId })),
});

export function relationshipJson(rel: GdapRelationshipRecord): Record<string, unknown> {
  return {
    "@odata.type": "#microsoft.graph.delegatedAdminRelationship",
    "@odata.etag": rel.etag,
    id: rel.id,
    displayName: rel.displayName,
    duration: rel.duration,
    customer: rel.customer,
    accessDetails: unifiedRoles(rel.roles),
    status: rel.status,
    autoExtendDuration: rel.autoExtendDuration,
    createdDateTime: rel.createdDateTime,
    lastModifiedDateTime: rel.lastModifiedDateTime,
    activatedDateTime: rel.activatedDateTime,
    endDateTime: rel.endDateTime,
  };
}

export function requestJson(req: GdapRequestRecord): Record<string, unknown> {
  return {
    "@odata.type": "#microsoft.graph.delegatedAdminRelationshipRequest",
    "@odata.etag": req.etag,
    id: req.id,
    action: req.action,
    status: req.status,
    createdDateTime: req.createdDateTime,
    lastModifiedDateTime: req.lastModifiedDateTime,
  };
}

export function assignmentJson(a: GdapAssignmentRecord): Record<string, unknown> {
  return {
    "@odata.type": "#microsoft.graph.delegatedAdminAccessAssignment",
    "@odata.etag": a.etag,
    id: a.id,
    status: a.status,
    createdDateTime: a.createdDateTime,
    lastModifiedDateTime: a.lastModifiedDateTime,
    accessContainer: { accessContainerId: a.groupId, accessContainerType: "securityGroup" },
    accessDetails: unifiedRoles(a.roles),
  };
}

export function operationJson(op: GdapOperationRecord): Record<string, unknown> {
  return {
    "@odata.type": "#microsoft.graph.delegatedAdminRelationshipOperation",
    "@odata.etag": op.etag,
    id: op.id,
    operationType: op.operationType,
    data: op.data,
    status: op.status,
    createdDateTime: op.createdDateTime,
    lastModifiedDateTime: op.lastModifiedDateTime,
  };
}
