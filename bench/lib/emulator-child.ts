// The emulator in a process of its own (so a benchmark's process runs only the provider): started by fork(), it
// adds `customers` bench customers and sends its endpoint, CA, the default partner's credentials and the
// customers to the parent, then serves until the parent disconnects.
import { fork } from "child_process";
import { startEmulator } from "../../emulator";
import { addBenchCustomers, type BenchCustomer } from "./bench-customers";

export interface ChildEmulator {
  url: string;
  authorityHost: string;
  ca: string;
  partner: { tenantId: string; clientId: string; clientSecret: string; refreshToken: string };
  customers: BenchCustomer[];
  close(): void;
}

/** Forks this file as the emulator process. */
export function forkEmulator(customers: number, seats: number): Promise<ChildEmulator> {
  const child = fork(__filename, [String(customers), String(seats)], {
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  return new Promise((resolve, reject) => {
    child.once("error", reject);
    child.once("exit", (code) => reject(new Error(`emulator process exited (${code}) before it was ready`)));
    child.once("message", (m) => resolve({ ...(m as Omit<ChildEmulator, "close">), close: () => child.kill() }));
  });
}

async function serve(): Promise<void> {
  const emu = await startEmulator({ rateLimitPerMinute: 10_000_000, diagnostic: () => {} });
  const customers = addBenchCustomers(emu, Number(process.argv[2] ?? 1), { seats: Number(process.argv[3] ?? 1000) });
  const p = emu.seed.partners.find((x) => x.tenantId === emu.seed.defaultPartnerId)!;
  process.send!({
    url: emu.url,
    authorityHost: emu.authorityHost,
    ca: emu.ca,
    partner: { tenantId: p.tenantId, ...p.user },
    customers,
  });
  process.once("disconnect", () => void emu.close().then(() => process.exit(0)));
}

if (require.main === module && process.send) void serve();
