// Test helper: replaces the kit's propagation waits by short ones that record every pause, so resource tests
// run fast and can assert how long a resource waited for replication (kit/propagation.ts; the runtime hands
// the waits to every resource context).
import type { PropagationWait, WaitKind } from "../../../../provider/resources/kit/propagation";
import { setPropagationWaits } from "../../../../provider/runtime";

export interface RecordedWait extends PropagationWait {
  delaysMs: number[];
  slept: number[];
}
export type ShortWaits = Record<WaitKind, RecordedWait> & { restore(): void; clear(): void };

function recorded(delaysMs: number[]): RecordedWait {
  const slept: number[] = [];
  return {
    delaysMs,
    slept,
    sleep: (ms) =>
      new Promise<void>((resolve) => {
        slept.push(ms);
        setTimeout(resolve, ms);
      }),
  };
}

/** Installs short waits (dependentWrite 5/10/20/40 ms, confirmGone 5/10/20 ms); `restore()` puts the defaults back. */
export function useShortWaits(): ShortWaits {
  const dependentWrite = recorded([5, 10, 20, 40]);
  const confirmGone = recorded([5, 10, 20]);
  const restore = setPropagationWaits({ dependentWrite, confirmGone });
  return {
    dependentWrite,
    confirmGone,
    restore,
    clear: () => {
      dependentWrite.slept.length = 0;
      confirmGone.slept.length = 0;
    },
  };
}
