// The partner tenant's security groups on Microsoft Graph, as GDAP access assignments name them
// (https://learn.microsoft.com/graph/api/group-list): by id, or found by display name.
import type { GraphRunner } from "./graphRunner";
import { SecurityGroupSchema, type SecurityGroup } from "./models";

export class GroupsOperations {
  constructor(private readonly runner: GraphRunner) {}

  get(id: string): Promise<SecurityGroup> {
    return this.runner.json(
      { operation: "graph.groups.get", method: "GET", path: `/v1.0/groups/${encodeURIComponent(id)}` },
      SecurityGroupSchema,
      "group",
    );
  }

  /** Security groups whose display name is exactly `name` (Graph compares it case-insensitively). */
  findByDisplayName(name: string): Promise<SecurityGroup[]> {
    return Promise.resolve(
      this.runner.paged(
        {
          operation: "graph.groups.findByDisplayName",
          method: "GET",
          path: "/v1.0/groups",
          query: { $filter: `displayName eq '${name.replace(/'/g, "''")}' and securityEnabled eq true` },
        },
        SecurityGroupSchema,
        "group",
      ),
    );
  }
}
