// Sliding one-minute windows of request times per key (partner, partner+customer); the rateLimit middleware asks it.
// Emulator choice: refused requests do not count.

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
