// Bounded waits for Entra replication. Right after a user is created (or restored) Partner Center may answer
// 404 "User object ID … isn't found" (60002) for it, and lists may not show it yet; Microsoft's guidance is to
// retry such reads and dependent writes with backoff (Microsoft Identity blog "Designing for Eventual
// Consistency for Microsoft Entra", devblogs.microsoft.com/identity; summarised in
// ../shared/reference/auth-and-throttling.md §3.4).
//
// Only "not found" is retried here — a thrown HTTP 404, or `undefined` from a probe that looks an object up in
// a list. Any other error is thrown at once: the client pipeline has already retried 429, 5xx and transport
// errors, and a 403 or 400 will not get better by waiting.
//
// Choice: two waits. `dependentWrite` (~30 s: 0.5, 1, 2, 4, 8, 15 s) before giving up on a user that a create
// was told about (UserRoleAssignment/UserLicenseAssignment get a userId from CustomerUser.userId);
// `confirmGone` (~3.75 s: 0.25, 0.5, 1, 2 s) before a read reports an object of the state gone, or a failed
// create concludes that its POST was not applied.
// Choice: the read wait is always applied, bounded and short, rather than only within a window after create:
// the state records no creation time, and refresh/up run in a fresh provider process that remembers nothing.
// The waits travel in the ResourceContext (`ctx.waits`), so a resource passes the one it means; the runtime
// builds the context with DEFAULT_WAITS, and tests shorten them through the runtime's `setPropagationWaits`
// (and may count sleeps through `sleep`).

import { isNotFound, ResourceOperationError } from "./errors";

export interface PropagationWait {
  /** Pause before each retry: n delays mean at most n + 1 attempts. */
  delaysMs: readonly number[];
  sleep?: (ms: number) => Promise<void>;
}

export type WaitKind = "dependentWrite" | "confirmGone";
export type PropagationWaits = Readonly<Record<WaitKind, PropagationWait>>;

export const DEFAULT_WAITS: PropagationWaits = Object.freeze({
  dependentWrite: { delaysMs: [500, 1000, 2000, 4000, 8000, 15000] },
  confirmGone: { delaysMs: [250, 500, 1000, 2000] },
});

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** The longest a wait can pause in total, in whole seconds (for messages). */
export function waitSeconds(wait: PropagationWait): number {
  return Math.round(wait.delaysMs.reduce((a, b) => a + b, 0) / 1000);
}

/**
 * Runs `attempt` until it does not throw a 404, at most delaysMs.length + 1 times; the last 404 is thrown
 * when the wait is over. Any other error is thrown at once.
 */
export async function retryNotFound<T>(wait: PropagationWait, attempt: () => Promise<T>): Promise<T> {
  const sleep = wait.sleep ?? realSleep;
  for (let i = 0; ; i++) {
    try {
      return await attempt();
    } catch (e) {
      if (!isNotFound(e) || i >= wait.delaysMs.length) throw e;
    }
    await sleep(wait.delaysMs[i]);
  }
}

/**
 * Runs `probe` until it finds the object (a value other than undefined), at most delaysMs.length + 1 times; a
 * 404 counts as not found. Returns undefined only when the object is still not found after the whole wait.
 * Any other error is thrown at once.
 */
export async function findWithin<T>(
  wait: PropagationWait,
  probe: () => Promise<T | undefined>,
): Promise<T | undefined> {
  const sleep = wait.sleep ?? realSleep;
  for (let i = 0; ; i++) {
    try {
      const found = await probe();
      if (found !== undefined) return found;
    } catch (e) {
      if (!isNotFound(e)) throw e;
    }
    if (i >= wait.delaysMs.length) return undefined;
    await sleep(wait.delaysMs[i]);
  }
}

/**
 * Runs the create of a resource that names a customer's userId: a user still "not found" once the dependentWrite
 * wait inside `create` is over fails with the fix.
 */
export async function createForUser<T>(
  waits: PropagationWaits,
  resource: string,
  customerId: string,
  create: () => Promise<T>,
): Promise<T> {
  try {
    return await create();
  } catch (e) {
    if (!isNotFound(e)) throw e;
    throw new ResourceOperationError(
      resource,
      "create",
      e,
      `The user is still not found after waiting ${waitSeconds(waits.dependentWrite)} s for directory replication. Fix: give the userId of an active user of customer ${customerId} (e.g. CustomerUser.userId).`,
    );
  }
}
