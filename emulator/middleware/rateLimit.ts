// Sliding one-minute rate limits per partner and per partner+customer (default 500/min, the documented resource limit).
// Over the limit -> 429, Retry-After and the documented throttling body (a different shape from other errors).
// Emulator choice: refused requests do not count; the window runs on the base clock (not the admin clock offset).
import { settingsOf } from "../store/store";
import type { Middleware } from "./exchange";

const WINDOW_MS = 60_000;

export class RateLimiter {
  private hits = new Map<string, number[]>();

  /** Records a hit on every key when all are under the limit; otherwise returns the seconds until one frees up. */
  tryAcquire(keys: string[], nowMs: number, limit: number): { ok: true } | { ok: false; retryAfterSeconds: number } {
    let wait = 0;
    for (const key of keys) {
      const times = this.window(key, nowMs);
      if (times.length >= limit) wait = Math.max(wait, times[times.length - limit] + WINDOW_MS - nowMs);
    }
    if (wait > 0) return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(wait / 1000)) };
    for (const key of keys) this.window(key, nowMs).push(nowMs);
    return { ok: true };
  }

  clear(): void {
    this.hits.clear();
  }

  private window(key: string, nowMs: number): number[] {
    let times = this.hits.get(key);
    if (!times) this.hits.set(key, (times = []));
    let expired = 0;
    while (expired < times.length && times[expired] <= nowMs - WINDOW_MS) expired++;
    if (expired) times.splice(0, expired);
    return times;
  }
}

export const rateLimit: Middleware = async (x, next) => {
  const partnerId = x.partner!.tenantId;
  const keys = [`partner:${partnerId}`];
  if (x.customerId) keys.push(`customer:${partnerId}:${x.customerId}`);
  const limit = settingsOf(x.runtime.store.data).rateLimitPerMinute;
  const result = x.runtime.limiter.tryAcquire(keys, x.runtime.clock.now(), limit);
  if (!result.ok) {
    x.reply = {
      status: 429,
      body: { statusCode: 429, message: `Rate limit is exceeded. Try again in ${result.retryAfterSeconds} seconds.` },
      headers: { "Retry-After": String(result.retryAfterSeconds) },
    };
    return;
  }
  await next();
};
