// Re-sends one logical call until it succeeds or a decision says stop. 5xx, 408 and network errors are retried
// at most maxRetries times; 429s are retried for as long as their waits add up to at most maxThrottleWaitMs
// (Partner Center's guidance is to wait and retry until the window opens), and not at all when maxRetries is 0.
// Returns the last response (the caller turns a non-2xx into a PartnerCenterError); rethrows the last
// TransportError. Sleep and clock are injected so tests never wait.
// https://learn.microsoft.com/partner-center/developer/api-throttling-guidance
import { decideOnResponse, decideOnTransportError, type BackoffOptions } from "./retryDecision";
import { TransportError, type Policy } from "./types";

export interface RetryOptions extends BackoffOptions {
  maxRetries: number;
  /** total time one call may spend waiting out 429s before the throttled error surfaces */
  maxThrottleWaitMs: number;
  sleep: (ms: number) => Promise<void>;
  now: () => number;
}

export function retryPolicy(options: RetryOptions): Policy {
  return async (request, next) => {
    let failures = 0;
    let throttledWaitMs = 0;
    for (let retryIndex = 0; ; retryIndex++) {
      let decision;
      try {
        const response = await next(request);
        decision = decideOnResponse(response, retryIndex, options.now(), options);
        if (!decision.retry || options.maxRetries === 0) return response;
        if (response.status === 429) {
          if (throttledWaitMs + decision.delayMs > options.maxThrottleWaitMs) return response;
          throttledWaitMs += decision.delayMs;
        } else if (failures++ >= options.maxRetries) return response;
      } catch (error) {
        if (!(error instanceof TransportError) || failures++ >= options.maxRetries) throw error;
        decision = decideOnTransportError(retryIndex, options);
      }
      if (decision.retry) await options.sleep(decision.delayMs);
    }
  };
}
