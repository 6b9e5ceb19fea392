// Small helpers the benchmarks share: the emulator's request log as counts, aligned tables, and the machine line.
import * as fs from "fs";
import * as os from "os";
import { emulatorOk, type EmulatorEndpoint } from "../../scripts/emulator-http";

export interface LoggedRequest {
  seq: number;
  method: string;
  path: string;
  status: number;
  customerId: string | null;
}

/** Requests logged after `since` (by sequence number); the log keeps the last 50,000. */
export async function requestsSince(emu: EmulatorEndpoint, since: number): Promise<LoggedRequest[]> {
  return emulatorOk<LoggedRequest[]>(emu, "GET", `/_emulator/requests?since=${since}`);
}

/** The Partner Center API requests (/v1/...) the emulator logged after `since`. */
export async function apiRequestsSince(emu: EmulatorEndpoint, since: number): Promise<LoggedRequest[]> {
  return (await requestsSince(emu, since)).filter((r) => r.path.startsWith("/v1/"));
}

export async function lastSeq(emu: EmulatorEndpoint): Promise<number> {
  const all = await requestsSince(emu, 0);
  return all.length ? all[all.length - 1].seq : 0;
}

export function table(header: string[], rows: Array<Array<string | number>>): string {
  const cells = [header, ...rows.map((r) => r.map(String))];
  const widths = header.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? "").length)));
  return cells
    .map((r) =>
      r
        .map((c, i) => c.padEnd(widths[i]))
        .join("  ")
        .trimEnd(),
    )
    .join("\n");
}

export function machine(): string {
  return `${os.cpus().length} CPU (${os.cpus()[0]?.model ?? "?"}), ${Math.round(os.totalmem() / 2 ** 30)} GiB RAM, Node ${process.version}, ${os.platform()} ${os.release()}`;
}

export const seconds = (ms: number) => (ms / 1000).toFixed(1);
export const ratio = (a: number, b: number) => (b === 0 ? "n/a" : (a / b).toFixed(2));

/** The 1, 5 and 15 minute load averages (the machine is shared: every figure is printed with them). */
export function loadAverage(): string {
  return fs.readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ");
}

/** Runs a benchmark's main: a failure prints its message (not a stack) and exits 1. */
export function runBench(main: () => Promise<void>): void {
  main().catch((e) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
}
