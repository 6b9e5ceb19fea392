// Limits concurrent attempts per partner (this client) and per customer tenant, the two scopes Partner
// Center throttles on. Every attempt holds a customer slot (if any) then a partner slot; 429 shrinks both.
// https://learn.microsoft.com/partner-center/developer/api-throttling-guidance
import { AdaptiveLimiter } from "./adaptiveLimiter";
import type { Policy } from "./types";

export class Throttle {
  readonly partner: AdaptiveLimiter;
  private readonly customers = new Map<string, AdaptiveLimiter>();

  constructor(
    readonly maxConcurrency: number,
    readonly maxConcurrencyPerCustomer: number,
  ) {
    this.partner = new AdaptiveLimiter(maxConcurrency);
  }

  customer(customerId: string): AdaptiveLimiter {
    const key = customerId.toLowerCase();
    let limiter = this.customers.get(key);
    if (!limiter) {
      limiter = new AdaptiveLimiter(this.maxConcurrencyPerCustomer);
      this.customers.set(key, limiter);
    }
    return limiter;
  }
}

export function throttlePolicy(throttle: Throttle): Policy {
  return async (request, next) => {
    const limiters = request.customerId
      ? [throttle.customer(request.customerId), throttle.partner]
      : [throttle.partner];
    const held: AdaptiveLimiter[] = [];
    try {
      for (const limiter of limiters) {
        await limiter.acquire();
        held.push(limiter);
      }
      const response = await next(request);
      for (const limiter of limiters) {
        if (response.status === 429) limiter.onThrottled();
        else limiter.onSuccess();
      }
      return response;
    } finally {
      for (const limiter of held.reverse()) limiter.release();
    }
  };
}
