// Re-sends one logical call until it succeeds, a decision says stop, or maxRetries is used up.
// Returns the last response (the caller turns a non-2xx into a PartnerCenterError); rethrows the last
// TransportError. Sleep and clock are injected so tests never wait.
import { decideOnResponse, decideOnTransportError, type BackoffOptions } from "./retryDecision";
import { TransportError, type Policy } from "./types";

export interface RetryOptions extends BackoffOptions {
  maxRetries: number;
  sleep: (ms: number) => Promise<void>;
  now: () => number;
}

export function retryPolicy(options: RetryOptions): Policy {
  return async (request, next) => {
    for (let retryIndex = 0; ; retryIndex++) {
      let decision;
      try {
        const response = await next(request);
        if (retryIndex >= options.maxRetries) return response;
        decision = decideOnResponse(response, retryIndex, options.now(), options);
        if (!decision.retry) return response;
      } catch (error) {
        if (!(error instanceof TransportError) || retryIndex >= options.maxRetries) throw error;
        decision = decideOnTransportError(retryIndex, options);
      }
      if (decision.retry) await options.sleep(decision.delayMs);
    }
  };
}
