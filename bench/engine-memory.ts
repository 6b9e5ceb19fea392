// Memory for large stacks: peak resident memory (VmHWM) of the Pulumi engine (the `pulumi` CLI) and of the
// dynamic-provider node process during `pulumi up` of 500 and 2,000 resources (users with a directory role and
// a license each, in 10 customers), side by side in one run, with the growth per 1,000 resources.
// Run: node dist/bench/engine-memory.js [sizes, default 500,2000] [checkpoints]
// Choice: PULUMI_SKIP_CHECKPOINTS=true unless `checkpoints` is given: the file backend otherwise rewrites the whole,
// growing checkpoint after every step (quadratic in the stack size); the final state is still written. The inline
// program and the emulator share this process; its peak is printed apart. Each peak is printed beside the issue's
// bound (300 MiB).
import { startEmulator } from "../emulator";
import { emulatorOk } from "../scripts/emulator-http";
import { addBenchCustomers } from "./lib/bench-customers";
import { directoryProgram, upOnce } from "./lib/engine-stack";
import { peaksByKind } from "./lib/process-memory";
import { machine, ratio, runBench, seconds, table } from "./lib/report";

const CUSTOMERS = 10;
const BOUND_MIB = 300;

async function main(): Promise<void> {
  const sizes = (process.argv[2] ?? "500,2000").split(",").map(Number);
  const checkpoints = process.argv[3] === "checkpoints";
  const emu = await startEmulator({ rateLimitPerMinute: 10_000_000, diagnostic: () => {} });
  try {
    console.log(
      `engine and provider memory: pulumi up of ${sizes.join(" and ")} resources in ${CUSTOMERS} customers (${checkpoints ? "checkpoints on" : "PULUMI_SKIP_CHECKPOINTS=true"})`,
    );
    console.log(`machine: ${machine()}`);
    const rows: Array<{
      resources: number;
      ms: number;
      engine: number;
      provider: number;
      program: number;
      created: number;
      failed: number;
      providers: number;
    }> = [];
    for (const size of sizes) {
      await emulatorOk(emu, "POST", "/_emulator/reset", { body: {} });
      const customers = addBenchCustomers(emu, CUSTOMERS, { seats: 10_000 });
      const perCustomer = Math.ceil(size / 3 / CUSTOMERS);
      const r = await upOnce(emu, directoryProgram(customers, perCustomer), {
        stack: `m${size}`,
        extraEnv: checkpoints ? {} : { PULUMI_SKIP_CHECKPOINTS: "true" },
      });
      const peaks = peaksByKind(r.peaks);
      rows.push({
        resources: perCustomer * CUSTOMERS * 3,
        ms: r.ms,
        engine: peaks.engine,
        provider: peaks.provider,
        program: r.programPeakMiB,
        created: r.ops.create ?? 0,
        failed: r.failedResources,
        providers: r.peaks.filter((p) => p.kind === "provider").length,
      });
      if (r.failure) console.log(`${size}: up failed: ${r.failure}\n  ${r.errors.slice(0, 5).join("\n  ")}`);
    }
    console.log(
      table(
        [
          "resources",
          "wall s",
          `engine peak MiB (bound ${BOUND_MIB})`,
          `provider peak MiB (bound ${BOUND_MIB})`,
          "provider processes",
          "bench process peak MiB",
          "created",
          "failed ops",
        ],
        rows.map((r) => [
          r.resources,
          seconds(r.ms),
          `${r.engine.toFixed(0)} (${ratio(r.engine, BOUND_MIB)})`,
          `${r.provider.toFixed(0)} (${ratio(r.provider, BOUND_MIB)})`,
          r.providers,
          r.program.toFixed(0),
          r.created,
          r.failed,
        ]),
      ),
    );
    if (rows.length >= 2) {
      const [a, b] = [rows[0], rows[rows.length - 1]];
      const per1000 = (x: number, y: number) => (((y - x) / (b.resources - a.resources)) * 1000).toFixed(1);
      console.log(
        `growth per 1,000 resources: engine ${per1000(a.engine, b.engine)} MiB, provider ${per1000(a.provider, b.provider)} MiB; ` +
          `ratio ${b.resources}/${a.resources}: engine ${ratio(b.engine, a.engine)}x, provider ${ratio(b.provider, a.provider)}x, wall time ${ratio(b.ms, a.ms)}x`,
      );
    }
    if (rows.some((r) => r.failed > 0 || r.created !== r.resources)) process.exitCode = 1;
  } finally {
    await emu.close();
  }
}

runBench(main);
