// Decides whether one attempt's outcome is retried and after how long; the loop lives in retryPolicy.ts.
// Choice: 429 waits exactly Retry-After (or backs off when absent); a Retry-After above maxRetryAfterMs is
// not waited for (the error surfaces, still marked retryable). 5xx except 501/505, 408 and network errors
// back off exponentially with jitter: d = min(cap, base * 2^retry), wait d/2 + random * d/2.
import { parseRetryAfter } from "./retryAfter";
import { header, type PipelineResponse } from "./types";

export interface BackoffOptions {
  baseDelayMs: number;
  maxDelayMs: number;
  maxRetryAfterMs: number;
  random: () => number;
}

export const defaultBackoff: Omit<BackoffOptions, "random"> = {
  baseDelayMs: 500,
  maxDelayMs: 30_000,
  maxRetryAfterMs: 120_000,
};

/** Never retried: the request itself is wrong, unauthorised, missing, conflicting or stale. */
export const NOT_RETRIED_STATUSES: ReadonlySet<number> = new Set([400, 401, 403, 404, 409, 412]);

export type RetryDecision = { retry: false } | { retry: true; delayMs: number };

export function isRetryableStatus(status: number): boolean {
  if (NOT_RETRIED_STATUSES.has(status)) return false;
  return status === 429 || status === 408 || (status >= 500 && status !== 501 && status !== 505);
}

/** retryIndex = 0 for the first retry. */
export function exponentialDelay(retryIndex: number, options: BackoffOptions): number {
  const ceiling = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** retryIndex);
  return Math.round(ceiling / 2 + options.random() * (ceiling / 2));
}

export function decideOnResponse(
  response: PipelineResponse,
  retryIndex: number,
  nowMs: number,
  options: BackoffOptions,
): RetryDecision {
  if (!isRetryableStatus(response.status)) return { retry: false };
  if (response.status === 429) {
    const wait = parseRetryAfter(header(response, "retry-after"), nowMs);
    if (wait === undefined) return { retry: true, delayMs: exponentialDelay(retryIndex, options) };
    if (wait > options.maxRetryAfterMs) return { retry: false };
    return { retry: true, delayMs: wait };
  }
  return { retry: true, delayMs: exponentialDelay(retryIndex, options) };
}

export function decideOnTransportError(retryIndex: number, options: BackoffOptions): RetryDecision {
  return { retry: true, delayMs: exponentialDelay(retryIndex, options) };
}
