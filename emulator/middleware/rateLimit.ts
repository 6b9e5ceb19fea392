// Sliding one-minute rate limits per partner and per partner+customer (default 500/min, the documented resource limit).
// Over the limit -> 429, Retry-After and the documented throttling body (a different shape from other errors).
// Emulator choice: the window runs on the base clock (not the admin clock offset).
import { settingsOf } from "../store/store";
import { throttledReply, type Middleware } from "./exchange";

export const rateLimit: Middleware = async (x, next) => {
  const partnerId = x.partner!.tenantId;
  const keys = [`partner:${partnerId}`];
  if (x.customerId) keys.push(`customer:${partnerId}:${x.customerId}`);
  const limit = settingsOf(x.runtime.store.data).rateLimitPerMinute;
  const result = x.runtime.limiter.tryAcquire(keys, x.runtime.clock.now(), limit);
  if (!result.ok) {
    x.reply = throttledReply(result.retryAfterSeconds);
    return;
  }
  await next();
};
