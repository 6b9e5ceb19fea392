// Fault schedules for the chaos suite, derived only from a seed: which faults (429 bursts, 5xx, connection
// resets, latency, "apply then fail", eventual consistency), their rates and their order. The emulator's
// rules get their own seeds from the same sequence, so a schedule is the same data on every run (which
// request a rule hits still depends on the engine's concurrent ordering).
// Choice: rates are kept where three client retries (the provider default) usually absorb them, so the first
// `up` mostly succeeds and the one allowed re-run is the safety net, not the rule.

import { mulberry32, type FaultRuleInput } from "../../emulator/faults";

export type Ingredient = "burst429" | "serverErrors" | "resets" | "latency" | "applyThenFail" | "eventualConsistency";
export const INGREDIENTS: Ingredient[] = [
  "burst429",
  "serverErrors",
  "resets",
  "latency",
  "applyThenFail",
  "eventualConsistency",
];

export type FaultRule = FaultRuleInput;

export interface Schedule {
  seed: number;
  ingredients: Ingredient[];
  rules: FaultRule[];
  /** POST /_emulator/config eventualConsistencyReads (0 = off) */
  eventualConsistencyReads: number;
}

const WRITES = "^/v1/customers/[^/]+/(users(/[^/]+(/licenseupdates)?)?|directoryroles/[^/]+/usermembers)$";

/** The schedule for `seed`; `force` adds ingredients on top of the drawn ones (the small run covers all six). */
export function scheduleFor(seed: number, force: Ingredient[] = []): Schedule {
  const rnd = mulberry32(seed); // the emulator's own seeded PRNG, so schedules do not depend on Math.random
  const pick = <T>(xs: T[]) => xs[Math.floor(rnd() * xs.length)];
  const ruleSeed = () => Math.floor(rnd() * 2 ** 31);
  const drawn = INGREDIENTS.filter(() => rnd() < 0.5);
  const ingredients = INGREDIENTS.filter((i) => drawn.includes(i) || force.includes(i));
  if (ingredients.length === 0) ingredients.push(pick(INGREDIENTS));
  const rules: FaultRule[] = [];
  let eventualConsistencyReads = 0;
  for (const ingredient of ingredients) {
    switch (ingredient) {
      case "burst429":
        rules.push({
          status: 429,
          code: "429",
          retryAfter: 1,
          probability: 0.05 + rnd() * 0.1,
          times: 10 + Math.floor(rnd() * 30),
          seed: ruleSeed(),
        });
        break;
      case "serverErrors":
        rules.push({
          status: pick([500, 502, 503]),
          probability: 0.02 + rnd() * 0.04,
          times: 10 + Math.floor(rnd() * 20),
          seed: ruleSeed(),
        });
        break;
      case "resets":
        rules.push({
          reset: true,
          probability: 0.01 + rnd() * 0.03,
          times: 5 + Math.floor(rnd() * 15),
          seed: ruleSeed(),
        });
        break;
      case "latency":
        rules.push({ latencyMs: 50 + Math.floor(rnd() * 400), probability: 0.1 + rnd() * 0.3, seed: ruleSeed() });
        break;
      case "applyThenFail":
        rules.push({
          path: WRITES,
          method: pick(["POST", "POST", "PATCH"]),
          applyThenFail: true,
          ...(rnd() < 0.5 ? { reset: true } : { status: 500 }),
          probability: 0.1 + rnd() * 0.2,
          times: 3 + Math.floor(rnd() * 10),
          seed: ruleSeed(),
        });
        break;
      case "eventualConsistency":
        eventualConsistencyReads = 1 + Math.floor(rnd() * 3);
        break;
    }
  }
  // The emulator fires at most one rule per request, first match first: shuffle so no ingredient always shadows another.
  for (let i = rules.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [rules[i], rules[j]] = [rules[j], rules[i]];
  }
  return { seed, ingredients, rules, eventualConsistencyReads };
}

/** One line per schedule for the report. */
export function describeSchedule(s: Schedule): string {
  const parts = s.rules.map((r) => {
    const what = r.applyThenFail
      ? `applyThenFail(${r.method} ${r.reset ? "reset" : r.status})`
      : r.reset
        ? "reset"
        : r.latencyMs
          ? `latency ${r.latencyMs}ms`
          : `status ${r.status}`;
    return `${what} p=${(r.probability ?? 1).toFixed(2)}${r.times ? ` x${r.times}` : ""}`;
  });
  if (s.eventualConsistencyReads) parts.push(`eventual consistency ${s.eventualConsistencyReads} reads`);
  return `seed ${s.seed}: ${parts.join(", ")}`;
}
