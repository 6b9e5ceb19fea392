// Graph delegatedAdminRelationshipOperation: read-only long-running operations of a relationship
// (https://learn.microsoft.com/graph/api/resources/delegatedadminrelationshipoperation).
// Emulator choice: the writes the SDKs generate for operations (POST/PATCH/DELETE) are not API operations: 405.
import { GraphError, notFound } from "./graphError";
import { page } from "./odata";
import { operationJson } from "./relationshipJson";
import { findRelationship } from "./relationships";
import { METADATA, RELATIONSHIPS, type GraphRoute } from "./route";

const OPERATIONS = `${RELATIONSHIPS}/:relationshipId/operations`;
const notAllowed = () => {
  throw new GraphError(405, "methodNotAllowed", "Operations are read-only; they are created by updates.");
};

export const operationRoutes: GraphRoute[] = [
  {
    method: "GET",
    pattern: OPERATIONS,
    handle: (ctx) => ({
      status: 200,
      body: page(
        findRelationship(ctx.gdap, ctx.params.relationshipId).operations.map(operationJson),
        ctx.query,
        `${ctx.origin}${METADATA}#operations`,
        ctx.url,
      ),
    }),
  },
  {
    method: "GET",
    pattern: `${OPERATIONS}/:operationId`,
    handle: (ctx) => {
      const rel = findRelationship(ctx.gdap, ctx.params.relationshipId);
      const op = rel.operations.find((o) => o.id === ctx.params.operationId.toLowerCase());
      if (!op) throw notFound("delegatedAdminRelationshipOperation", ctx.params.operationId);
      return {
        status: 200,
        body: { "@odata.context": `${ctx.origin}${METADATA}#operations/$entity`, ...operationJson(op) },
      };
    },
  },
  { method: "POST", pattern: OPERATIONS, handle: notAllowed },
  { method: "PATCH", pattern: `${OPERATIONS}/:operationId`, handle: notAllowed },
  { method: "DELETE", pattern: `${OPERATIONS}/:operationId`, handle: notAllowed },
];
