// Refresh cost: Partner Center calls and wall time to refresh 500 users with their license and role (1,500
// resources) across 10 customers, with the shared per-customer list snapshot (snapshotTtlSeconds 20, the
// default) versus one get per resource (snapshotTtlSeconds 0), measured side by side in one run.
// Run: node dist/bench/refresh-cost.js [customers] [usersPerCustomer]   (or through dist/bench/run.js)
// Two measurements: (1) the reads through the provider runtime exactly as the serialized shim calls them, all at
// once, without the engine; (2) the same shape made by `pulumi up` and then `pulumi refresh` through the real
// engine once per setting (a new provider process each time, so each refresh starts with an empty snapshot; the
// setting is applied with an `up` first, because a refresh configures the provider from the state's stored inputs).
// Choice: PULUMI_SKIP_CHECKPOINTS=true for the engine part (see engine-memory.ts); it changes no read.
import { performance } from "perf_hooks";
import { startEmulator } from "../emulator";
import * as runtime from "../provider/runtime";
import { addBenchCustomers, type BenchCustomer } from "./lib/bench-customers";
import { benchStack, directoryProgram, measured } from "./lib/engine-stack";
import { apiRequestsSince, lastSeq, machine, ratio, runBench, seconds, table } from "./lib/report";

type Read = () => Promise<{ id?: string }>;

function readsFor(customers: BenchCustomer[]): Read[] {
  const reads: Read[] = [];
  for (const c of customers)
    for (const u of c.users) {
      reads.push(() =>
        runtime.read("CustomerUser", `${c.id}/${u.id}`, {
          customerId: c.id,
          userPrincipalName: u.upn,
          displayName: "x",
        }),
      );
      reads.push(() =>
        runtime.read("UserRoleAssignment", `${c.id}/${u.id}/${u.roleId}`, {
          customerId: c.id,
          userId: u.id,
          roleId: u.roleId,
        }),
      );
      reads.push(() =>
        runtime.read("UserLicenseAssignment", `${c.id}/${u.id}/${u.skuId}`, {
          customerId: c.id,
          userId: u.id,
          skuId: u.skuId,
          excludedPlans: [],
        }),
      );
    }
  return reads;
}

async function main(): Promise<void> {
  const customerCount = Number(process.argv[2] ?? 10);
  const usersEach = Number(process.argv[3] ?? 50);
  const emu = await startEmulator({ rateLimitPerMinute: 10_000_000, diagnostic: () => {} });
  try {
    const customers = addBenchCustomers(emu, customerCount, { usersEach });
    const reads = readsFor(customers);
    const p = emu.seed.partners.find((x) => x.tenantId === emu.seed.defaultPartnerId)!;
    const config = (ttl: string): Record<string, string> => ({
      "partnercenter:tenantId": p.tenantId,
      "partnercenter:clientId": p.user.clientId,
      "partnercenter:clientSecret": p.user.clientSecret,
      "partnercenter:refreshToken": p.user.refreshToken,
      "partnercenter:endpoint": emu.url,
      "partnercenter:authorityHost": emu.authorityHost,
      "partnercenter:caCertificate": emu.ca,
      "partnercenter:snapshotTtlSeconds": ttl,
    });
    console.log(
      `refresh cost: ${customerCount * usersEach} users with a role and a license each (${reads.length} resources) in ${customerCount} customers`,
    );
    console.log(`machine: ${machine()}`);
    const rows: Array<{ mode: string; calls: number; ms: number; gone: number }> = [];
    for (const [mode, ttl] of [
      ["no sharing: every read loads its own list or get (snapshotTtlSeconds 0)", "0"],
      ["shared list snapshot (snapshotTtlSeconds 20)", "20"],
    ] as const) {
      runtime.resetRuntime();
      const values = config(ttl);
      await runtime.configure({ config: { get: (k: string) => values[k] } });
      await reads[0](); // token + TLS warm-up, not measured
      runtime.resetRuntime();
      await runtime.configure({ config: { get: (k: string) => values[k] } });
      const before = await lastSeq(emu);
      const started = performance.now();
      const results = await Promise.all(reads.map((r) => r()));
      const ms = performance.now() - started;
      const calls = (await apiRequestsSince(emu, before)).length;
      rows.push({ mode, calls, ms, gone: results.filter((r) => !r.id).length });
    }
    const [perGet, snapshot] = rows;
    console.log(
      table(
        ["mode", "API calls", "calls/resource", "wall s", "resources/s", "reported gone"],
        rows.map((r) => [
          r.mode,
          r.calls,
          (r.calls / reads.length).toFixed(2),
          seconds(r.ms),
          Math.round(reads.length / (r.ms / 1000)),
          r.gone,
        ]),
      ),
    );
    console.log(
      `ratio (no sharing / snapshot): calls ${ratio(perGet.calls, snapshot.calls)}x, wall time ${ratio(perGet.ms, snapshot.ms)}x`,
    );
    if (rows.some((r) => r.gone > 0)) throw new Error("some reads reported an existing object as gone");

    console.log(
      `\nthrough the engine: pulumi up of the same shape in ${customerCount} new customers, then pulumi refresh per setting`,
    );
    const fresh = addBenchCustomers(emu, customerCount, { seats: 10_000, prefix: "eng" });
    const bench = await benchStack(emu, directoryProgram(fresh, usersEach), {
      stack: "refresh",
      extraEnv: { PULUMI_SKIP_CHECKPOINTS: "true" },
    });
    try {
      const up = await measured(bench.stack, "up");
      if (up.failure) throw new Error(`up failed: ${up.failure}`);
      const engineRows: Array<{
        mode: string;
        calls: number;
        ms: number;
        ops: Record<string, number>;
        failed: number;
      }> = [];
      for (const [mode, ttl] of [
        ["no sharing (snapshotTtlSeconds 0)", "0"],
        ["shared list snapshot (snapshotTtlSeconds 20)", "20"],
      ] as const) {
        // A refresh configures the provider from the inputs stored by the last `up`, so the setting needs an up first.
        await bench.stack.setConfig("partnercenter:snapshotTtlSeconds", { value: ttl });
        const settle = await measured(bench.stack, "up");
        if (settle.failure) throw new Error(`up failed: ${settle.failure}`);
        const before = await lastSeq(emu);
        const r = await measured(bench.stack, "refresh");
        const calls = (await apiRequestsSince(emu, before)).length;
        engineRows.push({ mode, calls, ms: r.ms, ops: r.ops, failed: r.failedResources + (r.failure ? 1 : 0) });
      }
      console.log(
        table(
          ["mode", "API calls", "calls/resource", "wall s", "outcomes", "failed"],
          engineRows.map((r) => [
            r.mode,
            r.calls,
            (r.calls / reads.length).toFixed(2),
            seconds(r.ms),
            Object.entries(r.ops)
              .map(([k, v]) => `${k} ${v}`)
              .join(", "),
            r.failed,
          ]),
        ),
      );
      const [a, b] = engineRows;
      console.log(
        `ratio (no sharing / snapshot) through the engine: calls ${ratio(a.calls, b.calls)}x, wall time ${ratio(a.ms, b.ms)}x`,
      );
      if (engineRows.some((r) => r.failed > 0 || (r.ops.same ?? 0) !== reads.length)) process.exitCode = 1;
    } finally {
      bench.dispose();
    }
  } finally {
    runtime.resetRuntime();
    await emu.close();
  }
}

runBench(main);
