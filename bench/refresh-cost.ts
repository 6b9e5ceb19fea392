// Refresh cost: Partner Center calls and wall time to refresh 500 users with their license and role (1,500
// resources) across 10 customers, with the shared per-customer list snapshot (snapshotTtlSeconds 20, the
// default) versus one get per resource (snapshotTtlSeconds 0), measured side by side in one run.
// Run: node dist/bench/refresh-cost.js [customers] [usersPerCustomer]   (or through dist/bench/run.js)
// Choice: the reads go through the provider runtime exactly as the serialized shim calls them, all at once as the
// engine issues them with its default parallelism; the engine's own overhead is not part of this figure.
import { performance } from "perf_hooks";
import { startEmulator } from "../emulator";
import * as runtime from "../provider/runtime";
import { addBenchCustomers, type BenchCustomer } from "./lib/bench-customers";
import { lastSeq, machine, ratio, requestsSince, seconds, table } from "./lib/report";

type Read = () => Promise<{ id?: string }>;

function readsFor(customers: BenchCustomer[]): Read[] {
  const reads: Read[] = [];
  for (const c of customers) for (const u of c.users) {
    reads.push(() => runtime.read("CustomerUser", `${c.id}/${u.id}`, { customerId: c.id, userPrincipalName: u.upn, displayName: "x" }));
    reads.push(() => runtime.read("UserRoleAssignment", `${c.id}/${u.id}/${u.roleId}`, { customerId: c.id, userId: u.id, roleId: u.roleId }));
    reads.push(() => runtime.read("UserLicenseAssignment", `${c.id}/${u.id}/${u.skuId}`, { customerId: c.id, userId: u.id, skuId: u.skuId, excludedPlans: [] }));
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
      "partnercenter:tenantId": p.tenantId, "partnercenter:clientId": p.user.clientId, "partnercenter:clientSecret": p.user.clientSecret,
      "partnercenter:refreshToken": p.user.refreshToken, "partnercenter:endpoint": emu.url, "partnercenter:authorityHost": emu.authorityHost,
      "partnercenter:caCertificate": emu.ca, "partnercenter:snapshotTtlSeconds": ttl,
    });
    console.log(`refresh cost: ${customerCount * usersEach} users with a role and a license each (${reads.length} resources) in ${customerCount} customers`);
    console.log(`machine: ${machine()}`);
    const rows: Array<{ mode: string; calls: number; ms: number; gone: number }> = [];
    for (const [mode, ttl] of [["no sharing: every read loads its own list or get (snapshotTtlSeconds 0)", "0"], ["shared list snapshot (snapshotTtlSeconds 20)", "20"]] as const) {
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
      const calls = (await requestsSince(emu, before)).filter((r) => r.path.startsWith("/v1/")).length;
      rows.push({ mode, calls, ms, gone: results.filter((r) => !r.id).length });
    }
    const [perGet, snapshot] = rows;
    console.log(table(["mode", "API calls", "calls/resource", "wall s", "resources/s", "reported gone"], rows.map((r) => [
      r.mode, r.calls, (r.calls / reads.length).toFixed(2), seconds(r.ms), Math.round(reads.length / (r.ms / 1000)), r.gone,
    ])));
    console.log(`ratio (no sharing / snapshot): calls ${ratio(perGet.calls, snapshot.calls)}x, wall time ${ratio(perGet.ms, snapshot.ms)}x`);
    if (rows.some((r) => r.gone > 0)) throw new Error("some reads reported an existing object as gone");
  } finally {
    runtime.resetRuntime();
    await emu.close();
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
