// An update Graph applies as a long-running operation of the relationship: the operation record `running` for the
// operation delay, and the 202 that points at it with Location and Retry-After: 5.
import { randomUUID } from "crypto";
import { newEtag } from "./odata";
import type { GdapOperationRecord, GdapRelationshipRecord } from "./records";
import { RELATIONSHIPS, type GraphContext, type GraphReply } from "./route";

export function startUpdateOperation(
  ctx: GraphContext,
  rel: GdapRelationshipRecord,
  operationType: GdapOperationRecord["operationType"],
  data: object,
  at: string,
): GraphReply {
  const op: GdapOperationRecord = {
    id: randomUUID(),
    operationType,
    data: JSON.stringify(data),
    status: "running",
    createdDateTime: at,
    lastModifiedDateTime: at,
    doneAt: new Date(ctx.now().getTime() + ctx.gdap.settings.operationDelayMs).toISOString(),
    etag: newEtag(),
  };
  rel.operations.push(op);
  ctx.changed();
  return {
    status: 202,
    headers: { Location: `${ctx.origin}${RELATIONSHIPS}/${rel.id}/operations/${op.id}`, "Retry-After": "5" },
  };
}
