// Provider overhead per resource operation, outside HTTP: the runtime's check, diff and create (as the serialized
// shim calls them) for users with a role and a license, one operation at a time, against the emulator in a process
// of its own on this machine (no network latency). Each operation's wall time minus the time a request of this
// process was in flight (node:diagnostics_channel http.client.request.start .. response.finish / error) is the
// provider's own time: validation, zod, diff normalisation, the client pipeline outside the socket. Prints the
// distribution per operation and resource type beside the bound (median <= 10 ms), and the provider process's CPU
// time outside HTTP per operation (process.cpuUsage, less the CPU used while a request was in flight), which machine
// load does not inflate as it inflates wall time.
// Run: node dist/bench/provider-overhead.js [users=200]
import * as dc from "diagnostics_channel";
import { performance } from "perf_hooks";
import * as runtime from "../provider/runtime";
import { BENCH_ROLES, BENCH_SKU } from "./lib/bench-customers";
import { forkEmulator } from "./lib/emulator-child";
import { loadAverage, machine, runBench, table } from "./lib/report";

export const MEDIAN_BOUND_MS = 10;

const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

/** Total wall and CPU time (ms) with at least one HTTP request of this process in flight, as running clocks. */
class InFlightClock {
  private open = 0;
  private since = 0;
  private total = 0;
  private cpuSince = 0;
  private cpuTotal = 0;
  private readonly pending = new WeakSet<object>();

  constructor() {
    const start = ({ request }: { request: object }) => {
      this.pending.add(request);
      if (this.open++ === 0) {
        this.since = performance.now();
        this.cpuSince = cpuMs();
      }
    };
    const end = ({ request }: { request: object }) => {
      if (!this.pending.has(request)) return;
      this.pending.delete(request);
      if (--this.open === 0) {
        this.total += performance.now() - this.since;
        this.cpuTotal += cpuMs() - this.cpuSince;
      }
    };
    dc.subscribe("http.client.request.start", start as (m: unknown) => void);
    dc.subscribe("http.client.response.finish", end as (m: unknown) => void);
    dc.subscribe("http.client.request.error", end as (m: unknown) => void);
  }

  now(): number {
    return this.total + (this.open > 0 ? performance.now() - this.since : 0);
  }

  cpuNow(): number {
    return this.cpuTotal + (this.open > 0 ? cpuMs() - this.cpuSince : 0);
  }
}

type Bag = Record<string, unknown>;

async function main(): Promise<void> {
  const users = Number(process.argv[2] ?? 200);
  const emu = await forkEmulator(1, users + 50);
  const clock = new InFlightClock();
  const samples = new Map<string, { own: number[]; cpu: number[] }>();
  const timed = async <T>(key: string, f: () => Promise<T>, record: boolean): Promise<T> => {
    const http0 = clock.now();
    const httpCpu0 = clock.cpuNow();
    const cpu0 = cpuMs();
    const t0 = performance.now();
    const result = await f();
    const own = performance.now() - t0 - (clock.now() - http0);
    const cpu = cpuMs() - cpu0 - (clock.cpuNow() - httpCpu0);
    if (record) {
      const s = samples.get(key) ?? { own: [], cpu: [] };
      s.own.push(own);
      s.cpu.push(cpu);
      samples.set(key, s);
    }
    return result;
  };
  try {
    const [c] = emu.customers;
    const p = emu.partner;
    const config: Record<string, string> = {
      "partnercenter:tenantId": p.tenantId,
      "partnercenter:clientId": p.clientId,
      "partnercenter:clientSecret": p.clientSecret,
      "partnercenter:refreshToken": p.refreshToken,
      "partnercenter:endpoint": emu.url,
      "partnercenter:authorityHost": emu.authorityHost,
      "partnercenter:caCertificate": emu.ca,
    };
    await runtime.configure({ config: { get: (k: string) => config[k] } });
    console.log(
      `provider overhead outside HTTP: check, diff and create of ${users} users with a role and a license each, ` +
        `one operation at a time, emulator in its own process (first 10 users are warm-up, not counted)`,
    );
    console.log(`machine: ${machine()}; load average at start ${loadAverage()}`);
    const op = async (type: string, inputs: Bag, record: boolean): Promise<string> => {
      const checked = await timed(`check ${type}`, () => runtime.check(type, {}, inputs), record);
      if (checked.failures?.length) throw new Error(`${type} check failed: ${JSON.stringify(checked.failures)}`);
      const created = await timed(`create ${type}`, () => runtime.create(type, checked.inputs), record);
      await timed(
        `diff ${type}`,
        () => runtime.diff(type, created.id, { ...checked.inputs, ...created.outs }, checked.inputs),
        record,
      );
      return (created.outs?.userId as string) ?? created.id;
    };
    for (let i = 0; i < users + 10; i++) {
      const record = i >= 10;
      const userId = await op(
        "CustomerUser",
        {
          customerId: c.id,
          userPrincipalName: `ovh${i}@${c.domain}`,
          displayName: `Overhead ${i}`,
          usageLocation: "US",
        },
        record,
      );
      await op(
        "UserRoleAssignment",
        { customerId: c.id, userId, roleName: BENCH_ROLES[i % BENCH_ROLES.length] },
        record,
      );
      await op("UserLicenseAssignment", { customerId: c.id, userId, skuPartNumber: BENCH_SKU }, record);
    }
    const q = (xs: number[], f: number) => xs[Math.min(xs.length - 1, Math.floor(f * xs.length))];
    const rows = [...samples.entries()].map(([key, { own, cpu }]) => {
      const s = [...own].sort((a, b) => a - b);
      const c = [...cpu].sort((a, b) => a - b);
      return [
        key,
        s.length,
        q(s, 0.5).toFixed(2),
        q(s, 0.9).toFixed(2),
        q(s, 0.99).toFixed(2),
        s[s.length - 1].toFixed(2),
        `${q(s, 0.5) <= MEDIAN_BOUND_MS ? "within" : "OVER"} ${MEDIAN_BOUND_MS}`,
        `${q(c, 0.5).toFixed(2)} / ${q(c, 0.9).toFixed(2)}`,
      ];
    });
    console.log(
      table(
        [
          "operation",
          "n",
          "outside HTTP: median ms",
          "p90 ms",
          "p99 ms",
          "max ms",
          "median vs bound ms",
          "CPU outside HTTP ms median / p90",
        ],
        rows,
      ),
    );
    console.log(`load average at end ${loadAverage()}`);
    if (rows.length === 0 || rows.some((r) => String(r[6]).startsWith("OVER"))) process.exitCode = 1;
  } finally {
    emu.close();
  }
}

runBench(main);
