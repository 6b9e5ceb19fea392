// What every middleware sees: one request/response exchange, plus the emulator runtime it runs in.
// A middleware either answers (sets `x.reply`, or `x.reset`) or calls `next()`; the server writes the result.
import type { IncomingMessage, ServerResponse } from "http";
import type { FaultRegistry } from "../faults";
import type { Caller, Reply, Route } from "../http/types";
import type { Store } from "../store/store";
import type { CustomerRecord, PartnerRecord } from "../store/types";
import type { IdempotencyCache } from "../runtime/idempotencyCache";
import type { RateLimiter } from "../runtime/rateLimiter";
import type { RequestLog } from "../runtime/requestLog";

export interface Clock {
  /** base clock (ms): token expiry, rate-limit windows, idempotency window */
  now(): number;
  /** emulated clock (ms): base clock + POST /_emulator/clock offset; soft-delete purge and record timestamps */
  emulatedNow(): number;
}

export interface Runtime {
  store: Store;
  clock: Clock;
  faults: FaultRegistry;
  limiter: RateLimiter;
  idempotency: IdempotencyCache;
  log: RequestLog;
  routes: Route[];
  /** "https" unless started with http: true; used to build absolute URLs (token endpoint, issuer) */
  scheme: "https" | "http";
  sleep(ms: number): Promise<void>;
  /** server-side diagnostics (never secrets); default stderr */
  diagnostic(line: string): void;
}

export interface Exchange {
  req: IncomingMessage;
  res: ServerResponse;
  runtime: Runtime;
  method: string;
  /** path without query */
  path: string;
  query: URLSearchParams;
  requestId: string;
  correlationId: string;
  /** true when the client sent MS-RequestId itself (only then can a request be replayed) */
  clientRequestId: boolean;
  rawBody: Buffer;
  caller?: Caller;
  partner?: PartnerRecord;
  route?: Route;
  params: Record<string, string>;
  /** :customerId lower-cased, and the caller's customer it names (resolved once, by resolveRoute) */
  customerId?: string;
  customer?: CustomerRecord;
  reply?: Reply;
  /** destroy the socket instead of answering */
  reset?: boolean;
  replayed: boolean;
  faultId?: string;
  latencyMs?: number;
  /** the handler changed the store; it is saved before the response is written */
  changed: boolean;
}

export type Middleware = (x: Exchange, next: () => Promise<void>) => Promise<void>;

/** Runs middlewares as an onion: each wraps the ones after it (first = outermost). */
export function compose(middlewares: Middleware[]): (x: Exchange) => Promise<void> {
  return (x) => {
    const run = (i: number): Promise<void> =>
      i < middlewares.length ? middlewares[i](x, () => run(i + 1)) : Promise.resolve();
    return run(0);
  };
}

/** What every handler's context takes from the exchange, Partner Center's and Graph's alike (after authenticate). */
export function handlerContextBase(x: Exchange, body: unknown) {
  return {
    method: x.method,
    path: x.path,
    params: x.params,
    query: x.query,
    headers: x.req.headers,
    body,
    caller: x.caller!,
    now: () => new Date(x.runtime.clock.emulatedNow()),
    changed: () => {
      x.changed = true;
    },
  };
}

/** The documented Partner Center error body. */
export function errorReply(
  status: number,
  code: number | string,
  description: string,
  data: string[] = [],
  extra: Record<string, unknown> = {},
  headers?: Record<string, string>,
): Reply {
  return { status, body: { code, description, data, source: "PartnerFD", ...extra }, headers };
}

/** The documented throttling answer: 429, Retry-After and its own body shape (not the error body). */
export function throttledReply(retryAfterSeconds: number): Reply {
  return {
    status: 429,
    body: { statusCode: 429, message: `Rate limit is exceeded. Try again in ${retryAfterSeconds} seconds.` },
    headers: { "Retry-After": String(retryAfterSeconds) },
  };
}
