// Chaos suite: the 100-resource fleet (test/chaos/fleet.ts) applied by the real Pulumi engine while the emulator
// runs a seeded fault schedule (429 bursts, 5xx, connection resets, latency, apply-then-fail, eventual
// consistency); test/chaos/run-schedule.ts runs one schedule and its re-run. After `up` — and at most one
// re-run — the emulator holds exactly the declared objects, nothing is duplicated, nothing exists that state does
// not know, and no secret appears in the engine output, the emulator's request log or the stored state.
// Small form (2 schedules covering all six fault kinds) in the normal test pass; CHAOS=full runs
// CHAOS_SCHEDULES (default 12) drawn schedules. A summary of schedules and outcomes is printed at the end.
// The volume form (200 schedules, a table per fault kind) is a benchmark: `npm run bench chaos`.
import { strict as assert } from "assert";
import { startEmulator } from "../../emulator";
import { tempPulumiEnv } from "../e2e/harness";
import { runSchedule, type ScheduleOutcome } from "./run-schedule";
import { describeSchedule, INGREDIENTS, scheduleFor, type Ingredient, type Schedule } from "./schedules";

const FULL = process.env.CHAOS === "full";

const SMALL: Array<{ seed: number; force: Ingredient[] }> = [
  { seed: 101, force: ["burst429", "serverErrors", "resets"] },
  { seed: 202, force: ["latency", "applyThenFail", "eventualConsistency"] },
];
const schedules: Schedule[] = FULL
  ? Array.from({ length: Number(process.env.CHAOS_SCHEDULES ?? 12) }, (_, i) => scheduleFor(1000 + i))
  : SMALL.map((s) => scheduleFor(s.seed, s.force));

describe(`chaos: 100-resource fleet under fault schedules (${FULL ? "full" : "small"} form, ${schedules.length} schedules)`, function () {
  this.timeout(FULL ? 900_000 : 240_000);
  let emu: Awaited<ReturnType<typeof startEmulator>>;
  let env: Awaited<ReturnType<typeof tempPulumiEnv>>;
  const outcomes: ScheduleOutcome[] = [];

  before(async () => {
    emu = await startEmulator({ rateLimitPerMinute: 1_000_000, diagnostic: () => {} });
    env = await tempPulumiEnv();
  });
  after(async () => {
    if (outcomes.length) {
      console.log(`\n    chaos summary: ${outcomes.length} schedules`);
      for (const o of outcomes)
        console.log(
          `      ${o.schedule}\n        first up: ${o.first}; re-run: ${o.rerun}; ${o.seconds}s, ${o.faultsFired} faults fired, ${o.requests} requests` +
            (o.sdkDebugLeaks
              ? `; ${o.sdkDebugLeaks} generated passwords appear in @pulumi/pulumi debug diagnostics`
              : ""),
        );
    }
    env?.dispose();
    await emu?.close();
  });

  it("every fault kind is covered by the schedules", () => {
    const covered = new Set(schedules.flatMap((s) => s.ingredients));
    assert.deepEqual(
      INGREDIENTS.filter((i) => !covered.has(i)),
      [],
    );
  });

  for (const schedule of schedules) {
    it(describeSchedule(schedule), async () => {
      const o = await runSchedule(emu, env, schedule);
      outcomes.push(o);
      assert.equal(o.declared, 99, "the stack declares 99 resources (100 with the stack itself)");
      assert.deepEqual(o.afterFirst, [], `after the first up (${o.first}): nothing untracked or duplicated`);
      assert.deepEqual(
        o.differences,
        [],
        `the emulator holds exactly the declared fleet (first up ${o.first}, re-run ${o.rerun})`,
      );
      assert.deepEqual(o.afterLast, []);
      assert.equal(o.tracked, o.declared);
      assert.equal(o.secretsChecked, o.users, "every user got a generated password");
      assert.deepEqual(o.leaks, [], "no secret or access token in engine output, request log or stored state");
    });
  }
});
