// One `pulumi up` through the real engine (scripts/pulumi-env.ts: Automation API, file backend, the cached CLI)
// of users, each with a directory role and a license, spread over benchmark customers; with the per-kind peak
// memory of the processes it starts and the engine's per-resource outcomes.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { performance } from "perf_hooks";
import type { EngineEvent, Stack } from "@pulumi/pulumi/automation";
import type { Emulator } from "../../emulator";
import { CustomerUser, UserLicenseAssignment, UserRoleAssignment } from "../../provider";
import { engineErrorSummary, openProjectStack, pulumiEnv, repoRoot } from "../../scripts/pulumi-env";
import { BENCH_ROLES, BENCH_SKU, type BenchCustomer } from "./bench-customers";
import { DescendantMemory, type ProcessPeak } from "./process-memory";

export interface UpResult {
  ms: number;
  ops: Record<string, number>;
  errors: string[];
  failure?: string;
  peaks: ProcessPeak[];
  programPeakMiB: number;
  /** resources the engine reported an error for */
  failedResources: number;
}

/** `perCustomer` users in each customer, 3 resources per user. */
export function directoryProgram(customers: BenchCustomer[], perCustomer: number): () => Promise<void> {
  return async () => {
    customers.forEach((c, ci) => {
      for (let i = 0; i < perCustomer; i++) {
        const name = `c${ci}-u${i}`;
        const user = new CustomerUser(name, {
          customerId: c.id,
          userPrincipalName: `new${i}@${c.domain}`,
          displayName: `New User ${i}`,
          usageLocation: "US",
        });
        new UserRoleAssignment(`${name}-role`, {
          customerId: c.id,
          userId: user.userId,
          roleName: BENCH_ROLES[i % BENCH_ROLES.length],
        });
        new UserLicenseAssignment(`${name}-license`, {
          customerId: c.id,
          userId: user.userId,
          skuPartNumber: BENCH_SKU,
        });
      }
    });
  };
}

export interface BenchStack {
  stack: Stack;
  dispose(): void;
}

/** A stack of bench/project in a temporary backend, configured for the emulator's default partner. */
export async function benchStack(
  emu: Emulator,
  program: () => Promise<void>,
  opts: { stack: string; extraEnv?: Record<string, string>; extraConfig?: Record<string, string> },
): Promise<BenchStack> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pc-bench-"));
  const env = await pulumiEnv({ backendDir: path.join(dir, "backend"), pulumiHome: path.join(dir, "home") });
  Object.assign(env.envVars, opts.extraEnv ?? {});
  const p = emu.seed.partners.find((x) => x.tenantId === emu.seed.defaultPartnerId)!;
  const stack = await openProjectStack({
    env,
    projectDir: path.join(repoRoot, "bench", "project"),
    stackName: opts.stack,
    program: async () => {
      await program();
    },
    config: {
      "partnercenter:tenantId": p.tenantId,
      "partnercenter:clientId": p.user.clientId,
      "partnercenter:endpoint": emu.url,
      "partnercenter:authorityHost": emu.authorityHost,
      "partnercenter:caCertificate": emu.ca,
      ...opts.extraConfig,
    },
    secrets: { "partnercenter:clientSecret": p.user.clientSecret, "partnercenter:refreshToken": p.user.refreshToken },
  });
  return { stack, dispose: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/** Runs one engine command (`up` or `refresh`) with memory sampling and outcome counting. */
export async function measured(stack: Stack, command: "up" | "refresh"): Promise<UpResult> {
  const events: EngineEvent[] = [];
  const memory = new DescendantMemory().start();
  const started = performance.now();
  let failure: string | undefined;
  try {
    if (command === "up") await stack.up({ onEvent: (e) => events.push(e) });
    else await stack.refresh({ onEvent: (e) => events.push(e) });
  } catch (e) {
    failure = engineErrorSummary(e);
  }
  const ms = performance.now() - started;
  const peaks = memory.stop();
  const ops: Record<string, number> = {};
  for (const e of events) {
    const m = e.resOutputsEvent?.metadata;
    if (m && m.type.startsWith("pulumi-nodejs:dynamic/")) ops[m.op] = (ops[m.op] ?? 0) + 1;
  }
  const errorEvents = events.filter((e) => e.diagnosticEvent?.severity === "error");
  const errors = errorEvents.map((e) => e.diagnosticEvent!.message.trim());
  const failedResources = new Set(
    errorEvents.map((e) => e.diagnosticEvent!.urn).filter((u) => u && u.includes("pulumi-nodejs:dynamic/")),
  ).size;
  const hwm = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync("/proc/self/status", "utf8"));
  return { ms, ops, errors, failure, failedResources, peaks, programPeakMiB: hwm ? Number(hwm[1]) / 1024 : 0 };
}

/** `pulumi up` of a fresh stack, then its backend is removed. */
export async function upOnce(
  emu: Emulator,
  program: () => Promise<void>,
  opts: { stack: string; extraEnv?: Record<string, string>; extraConfig?: Record<string, string> },
): Promise<UpResult> {
  const bench = await benchStack(emu, program, opts);
  try {
    return await measured(bench.stack, "up");
  } finally {
    bench.dispose();
  }
}
