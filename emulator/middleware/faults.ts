// Applies the fault rule that fires for this request (emulator/faults.ts): latency, then an error answer, a socket
// reset, or — with applyThenFail — the real handler first (its changes are committed) and then the failure.
import type { FaultRule } from "../faults";
import { errorReply, throttledReply, type Exchange, type Middleware } from "./exchange";

function failWith(x: Exchange, rule: FaultRule): void {
  if (rule.reset) {
    x.reset = true;
    return;
  }
  const status = rule.status ?? 500;
  const headers: Record<string, string> =
    rule.retryAfter !== undefined ? { "Retry-After": String(rule.retryAfter) } : {};
  if (status === 429 && rule.code === undefined) {
    x.reply = throttledReply(rule.retryAfter ?? 1);
    return;
  }
  x.reply = errorReply(
    status,
    rule.code ?? status,
    rule.description ?? `Injected fault (rule ${rule.id}).`,
    [],
    {},
    headers,
  );
}

export const faults: Middleware = async (x, next) => {
  const rule = x.runtime.faults.take(x.method, x.path, x.customerId);
  if (!rule) return next();
  x.faultId = rule.id;
  if (rule.latencyMs) {
    x.latencyMs = rule.latencyMs;
    await x.runtime.sleep(rule.latencyMs);
  }
  if (rule.applyThenFail) {
    try {
      await next();
    } catch {
      // the handler's own failure is replaced by the injected one, as a lost response would be
    }
    failWith(x, rule);
    return;
  }
  if (rule.reset || rule.status !== undefined) {
    failWith(x, rule);
    return;
  }
  await next();
};
