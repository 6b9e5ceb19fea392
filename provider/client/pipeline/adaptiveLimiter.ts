// A concurrency limit that halves on throttling and grows back by one after a full window of successes
// (additive increase, multiplicative decrease). Waiters are served first in, first out.

export class AdaptiveLimiter {
  private active = 0;
  private current: number;
  private successesSinceChange = 0;
  private readonly waiters: Array<() => void> = [];

  constructor(private readonly max: number) {
    if (!Number.isInteger(max) || max < 1) throw new Error(`concurrency limit must be an integer >= 1, got ${max}`);
    this.current = max;
  }

  get limit(): number {
    return this.current;
  }
  get inFlight(): number {
    return this.active;
  }
  get queued(): number {
    return this.waiters.length;
  }

  async acquire(): Promise<void> {
    if (this.active < this.current && this.waiters.length === 0) {
      this.active++;
      return;
    }
    await new Promise<void>((resolve) => this.waiters.push(resolve));
  }

  release(): void {
    this.active--;
    this.dispatch();
  }

  /** A 429 came back: halve the limit (never below 1). */
  onThrottled(): void {
    this.current = Math.max(1, Math.floor(this.current / 2));
    this.successesSinceChange = 0;
  }

  /** A non-throttled response came back: after `limit` of them, allow one more concurrent call. */
  onSuccess(): void {
    if (this.current >= this.max) return;
    this.successesSinceChange++;
    if (this.successesSinceChange >= this.current) {
      this.current++;
      this.successesSinceChange = 0;
      this.dispatch();
    }
  }

  private dispatch(): void {
    while (this.active < this.current && this.waiters.length > 0) {
      this.active++;
      this.waiters.shift()!();
    }
  }
}
