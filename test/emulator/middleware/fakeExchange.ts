// A hand-built Exchange and Runtime for unit tests of single middlewares (no server, no sockets).
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from "http";
import { FaultRegistry } from "../../../emulator/faults";
import type { Exchange, Runtime } from "../../../emulator/middleware/exchange";
import { IdempotencyCache } from "../../../emulator/runtime/idempotencyCache";
import { RateLimiter } from "../../../emulator/runtime/rateLimiter";
import { RequestLog } from "../../../emulator/runtime/requestLog";
import { Store } from "../../../emulator/store/store";
import type { StoreData } from "../../../emulator/store/types";

export const BASE_NOW = Date.parse("2026-03-01T10:00:00Z");

export function fakeRuntime(options: { offsetMs?: number; diagnostics?: string[] } = {}): Runtime {
  const data = {
    version: 1,
    partners: [],
    selfServePolicies: [],
    agreementMetadata: [],
    tokenSigningKey: "k".repeat(16),
    clockOffsetMs: options.offsetMs ?? 0,
  } as unknown as StoreData;
  const store = new Store(data);
  return {
    store,
    clock: { now: () => BASE_NOW, emulatedNow: () => BASE_NOW + store.data.clockOffsetMs },
    faults: new FaultRegistry(),
    limiter: new RateLimiter(),
    idempotency: new IdempotencyCache(),
    log: new RequestLog(),
    routes: [],
    scheme: "https",
    sleep: async () => undefined,
    diagnostic: (line) => options.diagnostics?.push(line),
  };
}

export function fakeExchange(
  runtime: Runtime,
  fields: Partial<Exchange> & { headers?: IncomingHttpHeaders; url?: string } = {},
): Exchange {
  const { headers = {}, url = "/v1/test", ...rest } = fields;
  const parsed = new URL(url, "https://emulator.invalid");
  return {
    req: { headers } as IncomingMessage,
    res: {} as ServerResponse,
    runtime,
    method: "GET",
    path: parsed.pathname,
    query: parsed.searchParams,
    requestId: "req-1",
    correlationId: "corr-1",
    clientRequestId: true,
    rawBody: Buffer.alloc(0),
    params: {},
    replayed: false,
    changed: false,
    ...rest,
  };
}
