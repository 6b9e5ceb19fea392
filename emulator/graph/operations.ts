// Graph delegatedAdminRelationshipOperation: read-only long-running operations of a relationship
// (https://learn.microsoft.com/graph/api/resources/delegatedadminrelationshipoperation).
// Emulator choice: the writes the SDKs generate for operations (POST/PATCH/DELETE) are not API operations: 405.
import { GraphError } from "./graphError";
import { operationJson } from "./relationshipJson";
import { childReadRoutes } from "./relationshipChildren";
import { RELATIONSHIPS, type GraphRoute } from "./route";

const OPERATIONS = `${RELATIONSHIPS}/:relationshipId/operations`;
const notAllowed = () => {
  throw new GraphError(405, "methodNotAllowed", "Operations are read-only; they are created by updates.");
};

export const operationRoutes: GraphRoute[] = [
  ...childReadRoutes({
    segment: "operations",
    idParam: "operationId",
    type: "delegatedAdminRelationshipOperation",
    items: (rel) => rel.operations,
    json: operationJson,
  }),
  { method: "POST", pattern: OPERATIONS, handle: notAllowed },
  { method: "PATCH", pattern: `${OPERATIONS}/:operationId`, handle: notAllowed },
  { method: "DELETE", pattern: `${OPERATIONS}/:operationId`, handle: notAllowed },
];
