// Apply under throttling: `pulumi up` of 300 resources (100 users, each with a directory role and a license, in 5
// customers) through the real engine while the emulator allows R requests a minute per partner and per customer.
// Prints the wall time against the lower bound (successful API calls / R), the 429s the provider absorbed, and
// the failed operations (must be 0), side by side with the same up unthrottled in the same run.
// Run: node dist/bench/throttled-apply.js [R=500] [usersPerCustomer=20] [customers=5]
// Choice: R applies to the partner and to each customer (the emulator's one knob), so with every call under one
// partner the bound is calls / R; a sliding window lets the first R calls through at once, so (calls - R) / R is
// printed as well.
import { startEmulator } from "../emulator";
import { emulatorOk } from "../scripts/emulator-http";
import { addBenchCustomers } from "./lib/bench-customers";
import { directoryProgram, upOnce, type UpResult } from "./lib/engine-stack";
import { apiRequestsSince, lastSeq, machine, ratio, runBench, seconds, table } from "./lib/report";

async function main(): Promise<void> {
  const perMinute = Number(process.argv[2] ?? 500);
  const perCustomer = Number(process.argv[3] ?? 20);
  const customerCount = Number(process.argv[4] ?? 5);
  const emu = await startEmulator({ rateLimitPerMinute: 10_000_000, diagnostic: () => {} });
  try {
    console.log(
      `apply under throttling: pulumi up of ${customerCount * perCustomer * 3} resources in ${customerCount} customers, emulator limit R = ${perMinute}/min`,
    );
    console.log(`machine: ${machine()}`);
    const rows: Array<{ mode: string; r: UpResult; calls: number; throttled: number; limit?: number }> = [];
    for (const limit of [undefined, perMinute]) {
      await emulatorOk(emu, "POST", "/_emulator/reset", { body: {} });
      const customers = addBenchCustomers(emu, customerCount, { seats: 1000 });
      if (limit) await emulatorOk(emu, "POST", "/_emulator/config", { body: { rateLimitPerMinute: limit } });
      const before = await lastSeq(emu);
      const r = await upOnce(emu, directoryProgram(customers, perCustomer), { stack: limit ? "throttled" : "free" });
      const api = await apiRequestsSince(emu, before);
      rows.push({
        mode: limit ? `R = ${limit}/min` : "unthrottled",
        r,
        calls: api.filter((x) => x.status !== 429).length,
        throttled: api.filter((x) => x.status === 429).length,
        limit,
      });
    }
    console.log(
      table(
        [
          "mode",
          "wall s",
          "API calls (ok)",
          "429s absorbed",
          "lower bound calls/R s",
          "(calls-R)/R s",
          "wall / bound",
          "created",
          "failed ops",
        ],
        rows.map(({ mode, r, calls, throttled, limit }) => {
          const bound = limit ? (calls / limit) * 60_000 : undefined;
          const burst = limit ? Math.max(0, ((calls - limit) / limit) * 60_000) : undefined;
          return [
            mode,
            seconds(r.ms),
            calls,
            throttled,
            bound ? seconds(bound) : "-",
            burst !== undefined ? seconds(burst) : "-",
            bound ? ratio(r.ms, bound) : "-",
            r.ops.create ?? 0,
            r.failedResources,
          ];
        }),
      ),
    );
    const [free, throttled] = rows;
    console.log(`ratio (throttled / unthrottled wall time): ${ratio(throttled.r.ms, free.r.ms)}x`);
    for (const { mode, r } of rows)
      if (r.failure || r.errors.length)
        console.log(`${mode}: up failed: ${r.failure ?? ""}\n  ${r.errors.slice(0, 5).join("\n  ")}`);
    if (rows.some(({ r }) => r.failure || r.errors.length)) process.exitCode = 1;
  } finally {
    await emu.close();
  }
}

runBench(main);
