// The emulator's own GDAP records (Microsoft Graph delegatedAdmin* objects), kept per partner in the one store.
// Independent of the client's models (reference: shared/reference/gdap-graph-api.md §3–§7).

export type RelationshipStatus =
  | "created"
  | "approvalPending"
  | "approved"
  | "activating"
  | "active"
  | "expiring"
  | "expired"
  | "terminationRequested"
  | "terminating"
  | "terminated";

export type AssignmentStatus = "pending" | "active" | "deleting" | "deleted" | "error";

export interface GdapRequestRecord {
  id: string;
  action: "lockForApproval" | "terminate";
  status: "created" | "pending" | "succeeded" | "failed";
  createdDateTime: string;
  lastModifiedDateTime: string;
  etag: string;
}

export interface GdapAssignmentRecord {
  id: string;
  groupId: string;
  roles: string[];
  status: AssignmentStatus;
  createdDateTime: string;
  lastModifiedDateTime: string;
  /** when a pending assignment becomes active, or a deleting one deleted */
  transitionAt?: string;
  etag: string;
}

export interface GdapOperationRecord {
  id: string;
  operationType: "delegatedAdminAccessAssignmentUpdate" | "delegatedAdminRelationshipUpdate";
  data: string;
  status: "notStarted" | "running" | "succeeded" | "failed";
  createdDateTime: string;
  lastModifiedDateTime: string;
  doneAt: string;
  etag: string;
}

export interface GdapRelationshipRecord {
  id: string;
  displayName: string;
  duration: string;
  autoExtendDuration: string;
  customer: { tenantId: string; displayName: string | null } | null;
  roles: string[];
  status: RelationshipStatus;
  createdDateTime: string;
  lastModifiedDateTime: string;
  activatedDateTime: string | null;
  endDateTime: string | null;
  /** when lockForApproval ran (90-day approval window) */
  lockedAt?: string;
  /** when an approved relationship becomes active */
  activateAt?: string;
  /** when a termination completes */
  terminateAt?: string;
  etag: string;
  requests: GdapRequestRecord[];
  accessAssignments: GdapAssignmentRecord[];
  operations: GdapOperationRecord[];
}

export interface SecurityGroupRecord {
  id: string;
  displayName: string;
  description: string;
}

export interface GdapSettings {
  /** ms from the customer's approval to `active` */
  activationDelayMs: number;
  /** ms an assignment stays `pending` (and `deleting`) */
  assignmentDelayMs: number;
  /** ms from a terminate request to `terminated` */
  terminationDelayMs: number;
  /** ms an assignment-update operation stays `running` */
  operationDelayMs: number;
}

export interface PartnerGdapRecord {
  /** whether the partner tenant holds the "Partner Customer Delegated Administration" service principal */
  servicePrincipal: boolean;
  securityGroups: SecurityGroupRecord[];
  relationships: GdapRelationshipRecord[];
  settings: GdapSettings;
}

export const DEFAULT_GDAP_SETTINGS: GdapSettings = {
  activationDelayMs: 0,
  assignmentDelayMs: 0,
  terminationDelayMs: 0,
  operationDelayMs: 0,
};
