// Sets MS-RequestId once per logical call (outside the retry loop, so every retry re-sends the same id:
// it is Partner Center's idempotency key) and MS-CorrelationId (kept when a client view set it, else new per call).
// https://learn.microsoft.com/partner-center/developer/headers
import { randomUUID } from "crypto";
import type { Policy } from "./types";

export function requestIdPolicy(correlationId?: string, newId: () => string = randomUUID): Policy {
  return (request, next) => {
    const headers = { ...request.headers };
    if (!headers["MS-RequestId"]) headers["MS-RequestId"] = newId();
    if (!headers["MS-CorrelationId"]) headers["MS-CorrelationId"] = correlationId ?? newId();
    return next({ ...request, headers });
  };
}
