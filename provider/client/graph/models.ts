// Microsoft Graph GDAP wire models (zod): delegatedAdminRelationship, -AccessAssignment, -RelationshipRequest,
// -RelationshipOperation, and the group fields GDAP needs. Names follow the Graph resources
// (https://learn.microsoft.com/graph/api/resources/delegatedadminrelationship). Unknown properties pass through.
import { z } from "zod";

const UnifiedRoles = z.looseObject({
  unifiedRoles: z.array(z.looseObject({ roleDefinitionId: z.string() })),
});

export const RelationshipStatusSchema = z.enum([
  "created",
  "approvalPending",
  "approved",
  "activating",
  "active",
  "expiring",
  "expired",
  "terminationRequested",
  "terminating",
  "terminated",
  "unknownFutureValue",
]);
export type RelationshipStatus = z.infer<typeof RelationshipStatusSchema>;

export const DelegatedAdminRelationshipSchema = z.looseObject({
  "@odata.etag": z.string().optional(),
  id: z.string(),
  displayName: z.string(),
  duration: z.string(),
  autoExtendDuration: z.string().nullish(),
  customer: z.looseObject({ tenantId: z.string(), displayName: z.string().nullish() }).nullish(),
  accessDetails: UnifiedRoles,
  status: RelationshipStatusSchema.catch("unknownFutureValue"),
  createdDateTime: z.string().nullish(),
  lastModifiedDateTime: z.string().nullish(),
  activatedDateTime: z.string().nullish(),
  endDateTime: z.string().nullish(),
});
export type DelegatedAdminRelationship = z.infer<typeof DelegatedAdminRelationshipSchema>;

export const AccessAssignmentStatusSchema = z.enum([
  "pending",
  "active",
  "deleting",
  "deleted",
  "error",
  "unknownFutureValue",
]);
export type AccessAssignmentStatus = z.infer<typeof AccessAssignmentStatusSchema>;

export const DelegatedAdminAccessAssignmentSchema = z.looseObject({
  "@odata.etag": z.string().optional(),
  id: z.string(),
  status: AccessAssignmentStatusSchema.catch("unknownFutureValue"),
  accessContainer: z.looseObject({ accessContainerId: z.string(), accessContainerType: z.string() }),
  accessDetails: UnifiedRoles,
  createdDateTime: z.string().nullish(),
  lastModifiedDateTime: z.string().nullish(),
});
export type DelegatedAdminAccessAssignment = z.infer<typeof DelegatedAdminAccessAssignmentSchema>;

export const RelationshipRequestSchema = z.looseObject({
  id: z.string(),
  action: z.string(),
  status: z.string(),
});
export type RelationshipRequest = z.infer<typeof RelationshipRequestSchema>;

export const RelationshipOperationSchema = z.looseObject({
  id: z.string(),
  operationType: z.string(),
  status: z.enum(["notStarted", "running", "succeeded", "failed", "unknownFutureValue"]).catch("unknownFutureValue"),
  data: z.string().nullish(),
});
export type RelationshipOperation = z.infer<typeof RelationshipOperationSchema>;

export const SecurityGroupSchema = z.looseObject({
  id: z.string(),
  displayName: z.string(),
  securityEnabled: z.boolean().nullish(),
});
export type SecurityGroup = z.infer<typeof SecurityGroupSchema>;

export const collectionOf = <S extends z.ZodType>(item: S) =>
  z.looseObject({ value: z.array(item), "@odata.nextLink": z.string().nullish() });
