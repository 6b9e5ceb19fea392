// GDAP admin relationships on Microsoft Graph: list/get/create/update/delete, and the lockForApproval and terminate
// requests (https://learn.microsoft.com/graph/api/resources/delegatedadminrelationship). PATCH/DELETE send If-Match.
import type { Paged } from "../paging";
import { header } from "../pipeline/types";
import type { GraphRunner } from "./graphRunner";
import {
  DelegatedAdminRelationshipSchema,
  RelationshipOperationSchema,
  RelationshipRequestSchema,
  type DelegatedAdminRelationship,
  type RelationshipOperation,
  type RelationshipRequest,
} from "./models";

export const RELATIONSHIPS_PATH = "/v1.0/tenantRelationships/delegatedAdminRelationships";
const MODEL = "delegatedAdminRelationship";

export interface RelationshipInput {
  displayName: string;
  duration: string;
  /** Entra role template ids */
  roleDefinitionIds: string[];
  customerTenantId?: string;
  autoExtendDuration?: string;
}

export type RelationshipPatch = Partial<RelationshipInput>;

const rel = (id: string) => `${RELATIONSHIPS_PATH}/${encodeURIComponent(id)}`;

export function relationshipBody(input: RelationshipPatch): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  if (input.displayName !== undefined) body.displayName = input.displayName;
  if (input.duration !== undefined) body.duration = input.duration;
  if (input.autoExtendDuration !== undefined) body.autoExtendDuration = input.autoExtendDuration;
  if (input.customerTenantId !== undefined) body.customer = { tenantId: input.customerTenantId };
  if (input.roleDefinitionIds !== undefined)
    body.accessDetails = { unifiedRoles: input.roleDefinitionIds.map((roleDefinitionId) => ({ roleDefinitionId })) };
  return body;
}

export class DelegatedAdminRelationshipsOperations {
  constructor(private readonly runner: GraphRunner) {}

  /** Every relationship of the partner; `customerTenantId` filters to one customer. */
  list(options: { customerTenantId?: string; status?: string } = {}): Paged<DelegatedAdminRelationship> {
    const terms = [
      options.customerTenantId && `customer/tenantId eq '${options.customerTenantId}'`,
      options.status && `status eq '${options.status}'`,
    ].filter(Boolean);
    return this.runner.paged(
      {
        operation: "gdap.relationships.list",
        method: "GET",
        path: RELATIONSHIPS_PATH,
        query: { $filter: terms.length ? terms.join(" and ") : undefined },
        customerId: options.customerTenantId,
      },
      DelegatedAdminRelationshipSchema,
      MODEL,
    );
  }

  get(id: string): Promise<DelegatedAdminRelationship> {
    return this.runner.json(
      { operation: "gdap.relationships.get", method: "GET", path: rel(id) },
      DelegatedAdminRelationshipSchema,
      MODEL,
    );
  }

  create(input: RelationshipInput): Promise<DelegatedAdminRelationship> {
    return this.runner.json(
      {
        operation: "gdap.relationships.create",
        method: "POST",
        path: RELATIONSHIPS_PATH,
        body: relationshipBody(input),
        customerId: input.customerTenantId,
      },
      DelegatedAdminRelationshipSchema,
      MODEL,
    );
  }

  /** PATCH with If-Match: the updated relationship, or (202, e.g. removing Global Administrator) the operation's URL. */
  async update(
    id: string,
    etag: string,
    patch: RelationshipPatch,
  ): Promise<{ relationship?: DelegatedAdminRelationship; operationUrl?: string }> {
    const response = await this.runner.send({
      operation: "gdap.relationships.update",
      method: "PATCH",
      path: rel(id),
      body: relationshipBody(patch),
      headers: { "If-Match": etag },
    });
    if (response.status === 202) return { operationUrl: header(response, "location") };
    return { relationship: DelegatedAdminRelationshipSchema.parse(response.body) };
  }

  async delete(id: string, etag: string): Promise<void> {
    await this.runner.send({
      operation: "gdap.relationships.delete",
      method: "DELETE",
      path: rel(id),
      headers: { "If-Match": etag },
    });
  }

  private request(id: string, action: "lockForApproval" | "terminate"): Promise<RelationshipRequest> {
    return this.runner.json(
      { operation: `gdap.relationships.${action}`, method: "POST", path: `${rel(id)}/requests`, body: { action } },
      RelationshipRequestSchema,
      "delegatedAdminRelationshipRequest",
    );
  }

  /** Locks a created relationship so the customer can approve it (status approvalPending). */
  lockForApproval(id: string): Promise<RelationshipRequest> {
    return this.request(id, "lockForApproval");
  }

  /** Ends an active relationship (terminationRequested -> terminated). */
  terminate(id: string): Promise<RelationshipRequest> {
    return this.request(id, "terminate");
  }

  operation(relationshipId: string, operationId: string): Promise<RelationshipOperation> {
    return this.runner.json(
      {
        operation: "gdap.operations.get",
        method: "GET",
        path: `${rel(relationshipId)}/operations/${encodeURIComponent(operationId)}`,
      },
      RelationshipOperationSchema,
      "delegatedAdminRelationshipOperation",
    );
  }
}

/** The link the customer's Global Administrator opens to approve (https://learn.microsoft.com/graph/api/resources/delegatedadminrelationships-api-overview). */
export const invitationUrl = (relationshipId: string) =>
  `https://admin.microsoft.com/AdminPortal/Home#/partners/invitation/granularAdminRelationships/${relationshipId}`;
