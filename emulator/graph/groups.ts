// Graph groups, read-only and only the partner tenant's security groups: what an access assignment names by id, and
// what a client resolves a display name with (GET /v1.0/groups?$filter=displayName eq '...').
// (https://learn.microsoft.com/graph/api/group-list)
// Emulator choice: only security groups exist; $filter supports displayName, id and securityEnabled eq terms.
import { notFound } from "./graphError";
import { applyFilter, page } from "./odata";
import type { SecurityGroupRecord } from "./records";
import type { GraphRoute } from "./route";

const groupJson = (g: SecurityGroupRecord) => ({
  id: g.id,
  displayName: g.displayName,
  description: g.description,
  securityEnabled: true,
  mailEnabled: false,
  groupTypes: [],
});

export const groupRoutes: GraphRoute[] = [
  {
    method: "GET",
    pattern: "/v1.0/groups",
    handle: (ctx) => {
      const filter = (ctx.query.get("$filter") ?? "").replace(/\s+and\s+securityEnabled\s+eq\s+true\b/i, "") || null;
      const items = applyFilter(ctx.gdap.securityGroups, filter, {
        displayName: (g) => g.displayName,
        id: (g) => g.id,
      });
      return {
        status: 200,
        body: page(items.map(groupJson), ctx.query, `${ctx.origin}/v1.0/$metadata#groups`, ctx.url),
      };
    },
  },
  {
    method: "GET",
    pattern: "/v1.0/groups/:groupId",
    handle: (ctx) => {
      const g = ctx.gdap.securityGroups.find((x) => x.id === ctx.params.groupId.toLowerCase());
      if (!g) throw notFound("group", ctx.params.groupId);
      return {
        status: 200,
        body: { "@odata.context": `${ctx.origin}/v1.0/$metadata#groups/$entity`, ...groupJson(g) },
      };
    },
  },
];
