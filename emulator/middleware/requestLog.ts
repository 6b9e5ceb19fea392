// Writes one entry per API or token request to the request log (runtime/requestLog.ts), after everything else ran.
import { maskQuery } from "../runtime/requestLog";
import type { Middleware } from "./exchange";

export const requestLog: Middleware = async (x, next) => {
  try {
    await next();
  } finally {
    x.runtime.log.add({
      time: new Date(x.runtime.clock.emulatedNow()).toISOString(),
      method: x.method,
      path: x.path,
      query: maskQuery(x.query),
      status: x.reset ? 0 : (x.reply?.status ?? 0),
      requestId: x.requestId,
      correlationId: x.correlationId,
      partnerId: x.partner?.tenantId ?? null,
      customerId: x.customerId ?? null,
      replayed: x.replayed,
      ...(x.faultId ? { faultId: x.faultId } : {}),
      ...(x.latencyMs ? { latencyMs: x.latencyMs } : {}),
      ...(x.reset ? { reset: true } : {}),
    });
  }
};
