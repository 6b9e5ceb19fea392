// A large customer with checkpoints on: plain `pulumi up` (the CLI as a subprocess, the Node language host, a file
// backend with its default per-step checkpoints) of a tenant spec with N users, each with one directory role and
// one license (3N resources), in a user project with the packed package installed, against the emulator at its
// documented per-customer rate limit (docs/contracts.md: 500 requests a minute per partner and per customer).
// Then a no-change `pulumi preview` and a `pulumi refresh` of the same stack. Each figure is printed beside its
// bound: wall time vs 1.2 x calls / R, calls vs the API-shape minimum, 0 failed operations, engine and provider
// peak memory vs 300 MiB; and the state bytes per resource of the checkpoint the backend wrote.
// Run: node dist/bench/large-customer.js [users=1000] [R=500] [perUser|perAssignment]  (default perUser: the spec's
// userResources: perUser makes each user one resource instead of three; perAssignment, 3N resources, is the layout
// that does not finish at 1,000 users here, docs/measured.md §0)
// Choice: the API-shape minimum of a refresh is one users page per 500 (the client's page size), one role list,
// one member list per role in use and one license list per user (Partner Center has none per customer); of a
// no-change preview, the one customer lookup by domain the program makes; of the apply, 3 writes per user plus
// the role and SKU lookups and the program's customer lookup in its preview and its update.
// Choice: the preview and the refresh each start after a minute's pause, with the rate window the emulator keeps
// per customer empty again, as a command run some minutes after the previous one would.
import { startEmulator } from "../emulator";
import { emulatorOk } from "../scripts/emulator-http";
import { BENCH_ROLES } from "./lib/bench-customers";
import { peaksByKind } from "./lib/process-memory";
import { loadAverage, machine, runBench, seconds, table } from "./lib/report";
import { measure, specStack, stateOf } from "./lib/spec-stack";
import { printStateSize } from "./lib/state-size";
import { tenantSpecProject } from "./lib/user-project";

const MEMORY_BOUND_MIB = 300;
const WALL_FACTOR = 1.2;

const mib = (n: number) => n.toFixed(0);

/** Waits out the emulator's sliding one-minute rate window, so a command's calls are not charged to the one before. */
const freshRateWindow = () => new Promise((resolve) => setTimeout(resolve, 61_000));

async function main(): Promise<void> {
  const users = Number(process.argv[2] ?? 1000);
  const perMinute = Number(process.argv[3] ?? 500);
  const layout = process.argv[4] === "perAssignment" ? "perAssignment" : "perUser";
  const resourcesPerUser = layout === "perUser" ? 1 : 3;
  const emu = await startEmulator({ rateLimitPerMinute: 10_000_000, diagnostic: () => {} });
  const project = tenantSpecProject("pc-bench-large-");
  try {
    console.log(
      `large customer, checkpoints on: plain pulumi up / preview / refresh of a tenant spec with ${users} users ` +
        `(role + license each, userResources: ${layout}: ${users * resourcesPerUser} resources), R = ${perMinute} requests/min per customer, file backend`,
    );
    console.log(`machine: ${machine()}; load average at start ${loadAverage()}`);
    await emulatorOk(emu, "POST", "/_emulator/reset", { body: {} });
    const s = await specStack(emu, project, "large", users, layout);
    await emulatorOk(emu, "POST", "/_emulator/config", { body: { rateLimitPerMinute: perMinute } });
    const up = await measure(s, ["up", "--yes"]);
    const size = stateOf(s);
    await freshRateWindow();
    const preview = await measure(s, ["preview", "--expect-no-changes"]);
    await freshRateWindow();
    const refresh = await measure(s, ["refresh", "--yes", "--expect-no-changes"]);
    const rolesUsed = Math.min(users, BENCH_ROLES.length);
    // the program resolves the customer's domain once per run (an up runs it twice: preview, then update)
    const minimum = { up: 3 * users + 4, preview: 1, refresh: Math.ceil(users / 500) + 1 + rolesUsed + users };
    const rows = (
      [
        ["up", up, minimum.up],
        ["preview (no change)", preview, minimum.preview],
        ["refresh", refresh, minimum.refresh],
      ] as const
    ).map(([what, m, min]) => {
      const bound = (m.calls / perMinute) * 60_000 * WALL_FACTOR;
      const peaks = peaksByKind(m.run.peaks);
      const done = Object.entries(Object.keys(m.run.ops).length ? m.run.ops : m.run.plannedOps)
        .map(([op, n]) => `${op} ${n}`)
        .join(", ");
      return [
        what,
        seconds(m.run.ms),
        m.calls ? `${seconds(bound)} (${(m.run.ms / bound).toFixed(2)})` : "- (0 calls)",
        `${m.calls} / ${min}`,
        m.throttled,
        done || "-",
        m.run.failedResources,
        `${mib(peaks.engine)} / ${MEMORY_BOUND_MIB}`,
        `${mib(peaks.provider)} / ${MEMORY_BOUND_MIB}`,
        m.run.code ?? "signal",
      ];
    });
    console.log(
      table(
        [
          "command",
          "wall s",
          "bound 1.2 x calls/R s (wall/bound)",
          "API calls / minimum",
          "429s",
          "engine ops",
          "failed ops",
          "engine MiB / bound",
          "provider MiB / bound",
          "exit",
        ],
        rows,
      ),
    );
    printStateSize(size);
    for (const [what, m] of [
      ["up", up],
      ["preview", preview],
      ["refresh", refresh],
    ] as const)
      console.log(
        `${what} calls by route: ${m.routes
          .slice(0, 8)
          .map(([r, n]) => `${r} ${n}`)
          .join(", ")}`,
      );
    console.log(`load average at end ${loadAverage()}`);
    const failed = [up, preview, refresh].some((m) => m.run.code !== 0 || m.run.failedResources > 0);
    if (failed || size.resources !== users * resourcesPerUser) process.exitCode = 1;
  } finally {
    project.dispose();
    await emu.close();
  }
}

runBench(main);
