// MS-RequestId idempotency: a non-GET request that repeats a client-sent MS-RequestId with the same method, path,
// query and body within 10 minutes gets the first response again and runs no handler (logged as `replayed`).
// Emulator choice (undocumented): only handler answers below 500 are remembered (business failures included); a
// reused id with a different request is processed as new; the window runs on the base clock.
import { createHash } from "crypto";
import { ApiError } from "../http/types";
import { errorReply, type Middleware } from "./exchange";

export const idempotency: Middleware = async (x, next) => {
  if (x.method === "GET" || x.method === "HEAD" || !x.clientRequestId) return next();
  const cache = x.runtime.idempotency;
  const key = `${x.partner!.tenantId}|${x.requestId.toLowerCase()}`;
  const fingerprint = `${x.method} ${x.path}?${x.query.toString()} ${createHash("sha256").update(x.rawBody).digest("hex")}`;
  const previous = cache.get(key, fingerprint, x.runtime.clock.now());
  if (previous) {
    x.reply = previous;
    x.replayed = true;
    return;
  }
  try {
    await next();
  } catch (e) {
    if (e instanceof ApiError && e.status < 500)
      cache.put(key, fingerprint, errorReply(e.status, e.code, e.description, e.data, e.extra), x.runtime.clock.now());
    throw e;
  }
  if (x.reply && x.reply.status < 500) cache.put(key, fingerprint, x.reply, x.runtime.clock.now());
};
