// Chaos at volume: the chaos suite's schedules (test/chaos/schedules.ts, seeds 1000, 1001, ...: the first 12 are
// the ones `CHAOS=full` runs) on its 100-resource fleet (test/chaos/fleet.ts), each run by
// test/chaos/run-schedule.ts through the Automation API (inline program, the real engine and CLI, file backend):
// first `up` under the faults, and one re-run without them if it failed. Prints a table per fault kind (a schedule
// mixes several, so it counts under each of its kinds) against the goal: every schedule converged, 0 duplicates,
// 0 untracked objects, 0 secrets found.
// Run: node dist/bench/chaos.js [schedules=200] [budget minutes=0 (none)]
// Choice: with a budget, no schedule starts after it is spent; the table says how many of the asked ran.
import { startEmulator } from "../emulator";
import { tempPulumiEnv } from "../test/e2e/harness";
import { runSchedule, type ScheduleOutcome } from "../test/chaos/run-schedule";
import { INGREDIENTS, scheduleFor, type Ingredient } from "../test/chaos/schedules";
import { loadAverage, machine, runBench, table } from "./lib/report";

const converged = (o: ScheduleOutcome) =>
  (o.firstSucceeded || o.rerunSucceeded === true) && o.differences.length === 0 && o.afterLast.length === 0;
const untracked = (o: ScheduleOutcome) =>
  new Set([...o.afterFirst, ...o.afterLast].filter((p) => p.startsWith("unknown to state"))).size;
const duplicates = (o: ScheduleOutcome) =>
  new Set([...o.afterFirst, ...o.afterLast].filter((p) => !p.startsWith("unknown to state"))).size;

async function main(): Promise<void> {
  const asked = Number(process.argv[2] ?? 200);
  const budgetMs = Number(process.argv[3] ?? 0) * 60_000;
  const started = Date.now();
  const emu = await startEmulator({ rateLimitPerMinute: 1_000_000, diagnostic: () => {} });
  const env = await tempPulumiEnv();
  const outcomes: Array<{ kinds: Ingredient[]; o: ScheduleOutcome }> = [];
  try {
    console.log(`chaos at volume: ${asked} seeded schedules on the 100-resource fleet (Automation API, real engine)`);
    console.log(`machine: ${machine()}; load average at start ${loadAverage()}`);
    for (let i = 0; i < asked; i++) {
      if (budgetMs && Date.now() - started > budgetMs) break;
      const schedule = scheduleFor(1000 + i);
      const o = await runSchedule(emu, env, schedule);
      outcomes.push({ kinds: schedule.ingredients, o });
      const bad = !converged(o) || untracked(o) || duplicates(o) || o.leaks.length;
      console.log(
        `  ${i + 1}/${asked} seed ${schedule.seed} [${schedule.ingredients.join(", ")}]: first up ${o.firstSucceeded ? "ok" : "failed"}` +
          `${o.firstSucceeded ? "" : `, re-run ${o.rerunSucceeded ? "ok" : "failed"}`}, ${o.seconds}s${bad ? `  <- ${[...o.afterFirst, ...o.afterLast, ...o.differences, ...o.leaks].slice(0, 3).join("; ")}` : ""}`,
      );
    }
    const row = (label: string, list: ScheduleOutcome[]) => [
      label,
      list.length,
      list.filter((o) => o.firstSucceeded).length,
      `${list.filter(converged).length} / ${list.length}`,
      list.reduce((n, o) => n + duplicates(o), 0),
      list.reduce((n, o) => n + untracked(o), 0),
      list.reduce((n, o) => n + o.leaks.length, 0),
    ];
    const all = outcomes.map((x) => x.o);
    console.log(
      table(
        [
          "fault kind",
          "schedules run",
          "first-up successes",
          "converged (after at most one re-run) / goal",
          "duplicates (goal 0)",
          "untracked objects (goal 0)",
          "secrets found (goal 0)",
        ],
        [
          ...INGREDIENTS.map((k) =>
            row(
              k,
              outcomes.filter((x) => x.kinds.includes(k)).map((x) => x.o),
            ),
          ),
          row("all schedules", all),
        ],
      ),
    );
    const seconds = all.reduce((n, o) => n + o.seconds, 0);
    console.log(
      `ran ${all.length} of ${asked} schedules in ${Math.round((Date.now() - started) / 1000)} s (${(seconds / Math.max(all.length, 1)).toFixed(0)} s each); ` +
        `generated passwords in @pulumi/pulumi debug diagnostics (shown only with --debug): ${all.reduce((n, o) => n + o.sdkDebugLeaks, 0)}; ` +
        `load average at end ${loadAverage()}`,
    );
    if (all.length === 0 || all.some((o) => !converged(o) || untracked(o) || duplicates(o) || o.leaks.length))
      process.exitCode = 1;
  } finally {
    env.dispose();
    await emu.close();
  }
}

runBench(main);
