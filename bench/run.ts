// `npm run bench`: every benchmark, one after the other, each in its own node process (so one's memory and
// warm caches never colour another's figures); `node dist/bench/run.js <name> [args...]` runs one.
// None of them is a test: they print figures and ratios measured side by side in one run.
import { spawnSync } from "child_process";
import * as path from "path";

export const BENCHMARKS: Array<{ name: string; file: string; what: string }> = [
  {
    name: "large-customer",
    file: "large-customer.js",
    what: "plain pulumi up / preview / refresh of 1,000 users (userResources: perUser) at 500 requests/min, checkpoints on",
  },
  {
    name: "checkpoint-scaling",
    file: "checkpoint-scaling.js",
    what: "plain pulumi up of 150 to 600 resources with checkpoints on: time and state bytes per resource",
  },
  {
    name: "provider-overhead",
    file: "provider-overhead.js",
    what: "provider time per check / diff / create outside HTTP, zero-latency emulator",
  },
  {
    name: "refresh-cost",
    file: "refresh-cost.js",
    what: "calls and wall time to refresh 1,500 resources, list snapshot vs none",
  },
  {
    name: "throttled-apply",
    file: "throttled-apply.js",
    what: "pulumi up of 300 resources under R requests/minute: wall time vs calls/R",
  },
  {
    name: "engine-memory",
    file: "engine-memory.js",
    what: "peak memory of the engine and the provider process, 500 and 2,000 resources (`3000 checkpoints`: checkpoints on)",
  },
  {
    name: "emulator-throughput",
    file: "emulator-throughput.js",
    what: "emulator requests/s and latency at 1 and 16 clients",
  },
  { name: "client-paging", file: "client-paging.js", what: "client paging of 10,000 users per page size" },
  {
    name: "chaos",
    file: "chaos.js",
    what: "200 seeded fault schedules on the 100-resource fleet: a table per fault kind",
  },
];

function main(): void {
  const [name, ...args] = process.argv.slice(2);
  const chosen = name ? BENCHMARKS.filter((b) => b.name === name) : BENCHMARKS;
  if (name && chosen.length === 0) {
    console.error(`unknown benchmark "${name}". Fix: use one of ${BENCHMARKS.map((b) => b.name).join(", ")}`);
    process.exit(2);
  }
  let failed = 0;
  for (const b of chosen) {
    console.log(`\n=== ${b.name}: ${b.what}`);
    const result = spawnSync(process.execPath, [path.join(__dirname, b.file), ...(name ? args : [])], {
      stdio: "inherit",
    });
    if (result.status !== 0) {
      failed++;
      console.log(`=== ${b.name} failed (exit ${result.status ?? result.signal})`);
    }
  }
  process.exit(failed ? 1 : 0);
}

main();
