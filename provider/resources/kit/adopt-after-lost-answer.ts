// A create whose answer was lost (network error, timeout, or a 408/429/5xx still failing after the client's
// retries with the same MS-RequestId) may have been applied all the same. The object did not exist a moment
// before the create, so if it exists now it is this create's: track it rather than leave it untracked.

import { isAnswerLost } from "./errors";

export interface AdoptOptions {
  /** Other failures after which the object is looked for too (e.g. a 409 "already exists" right after none was seen). */
  alsoAfter?: (error: unknown) => boolean;
}

/**
 * After `error` from a create: when the answer may have been lost, `find` the object (undefined: not there)
 * and return it; otherwise, or when it is not there, throw `error` itself.
 */
export async function adoptAfterLostAnswer<T>(
  error: unknown,
  find: () => Promise<T | undefined>,
  options: AdoptOptions = {},
): Promise<T> {
  if (!isAnswerLost(error) && !options.alsoAfter?.(error)) throw error;
  const found = await find();
  if (found === undefined) throw error;
  return found;
}
