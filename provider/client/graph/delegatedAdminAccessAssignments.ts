// GDAP access assignments on Microsoft Graph: a partner security group's roles through one relationship
// (https://learn.microsoft.com/graph/api/resources/delegatedadminaccessassignment). PATCH/DELETE send If-Match.
import type { Paged } from "../paging";
import { header } from "../pipeline/types";
import { RELATIONSHIPS_PATH } from "./delegatedAdminRelationships";
import type { GraphRunner } from "./graphRunner";
import { DelegatedAdminAccessAssignmentSchema, type DelegatedAdminAccessAssignment } from "./models";

const MODEL = "delegatedAdminAccessAssignment";
const base = (relationshipId: string) =>
  `${RELATIONSHIPS_PATH}/${encodeURIComponent(relationshipId)}/accessAssignments`;
const roles = (ids: string[]) => ({ unifiedRoles: ids.map((roleDefinitionId) => ({ roleDefinitionId })) });

export class DelegatedAdminAccessAssignmentsOperations {
  constructor(private readonly runner: GraphRunner) {}

  list(relationshipId: string): Paged<DelegatedAdminAccessAssignment> {
    return this.runner.paged(
      { operation: "gdap.accessAssignments.list", method: "GET", path: base(relationshipId) },
      DelegatedAdminAccessAssignmentSchema,
      MODEL,
    );
  }

  get(relationshipId: string, id: string): Promise<DelegatedAdminAccessAssignment> {
    return this.runner.json(
      {
        operation: "gdap.accessAssignments.get",
        method: "GET",
        path: `${base(relationshipId)}/${encodeURIComponent(id)}`,
      },
      DelegatedAdminAccessAssignmentSchema,
      MODEL,
    );
  }

  create(
    relationshipId: string,
    groupId: string,
    roleDefinitionIds: string[],
  ): Promise<DelegatedAdminAccessAssignment> {
    return this.runner.json(
      {
        operation: "gdap.accessAssignments.create",
        method: "POST",
        path: base(relationshipId),
        body: {
          accessContainer: { accessContainerId: groupId, accessContainerType: "securityGroup" },
          accessDetails: roles(roleDefinitionIds),
        },
      },
      DelegatedAdminAccessAssignmentSchema,
      MODEL,
    );
  }

  /** PATCH the roles with If-Match: 200 (unchanged) or 202 with the operation's URL to watch. */
  async update(
    relationshipId: string,
    id: string,
    etag: string,
    roleDefinitionIds: string[],
  ): Promise<{ operationUrl?: string }> {
    const response = await this.runner.send({
      operation: "gdap.accessAssignments.update",
      method: "PATCH",
      path: `${base(relationshipId)}/${encodeURIComponent(id)}`,
      body: { accessDetails: roles(roleDefinitionIds) },
      headers: { "If-Match": etag },
    });
    return { operationUrl: response.status === 202 ? header(response, "location") : undefined };
  }

  async delete(relationshipId: string, id: string, etag: string): Promise<void> {
    await this.runner.send({
      operation: "gdap.accessAssignments.delete",
      method: "DELETE",
      path: `${base(relationshipId)}/${encodeURIComponent(id)}`,
      headers: { "If-Match": etag },
    });
  }
}
