// A tenant-spec stack of a user project (bench/lib/user-project.ts) for one fresh bench customer, and one plain
// CLI command on it measured: wall time, memory, engine outcomes, and its API calls from the emulator's log.
import * as fs from "fs";
import * as path from "path";
import type { Emulator } from "../../emulator";
import { pulumiEnv, type PulumiEnv } from "../../scripts/pulumi-env";
import { addBenchCustomers, BENCH_ROLES, BENCH_SKU } from "./bench-customers";
import { initStack, pulumiCli, type CliRun } from "./plain-pulumi";
import { apiRequestsSince, lastSeq } from "./report";
import { checkpointFile, stateSize, type StateSize } from "./state-size";
import { usersSpec, type UserProject } from "./user-project";

export interface SpecStack {
  emu: Emulator;
  env: PulumiEnv;
  project: UserProject;
  stack: string;
  customerId: string;
  users: number;
}

/** A project with a tenant spec of `users` users for a fresh bench customer, and an initialised stack. */
/** `userResources`: the spec's mapping of a user to resources (perAssignment when not given). */
export async function specStack(
  emu: Emulator,
  project: UserProject,
  stack: string,
  users: number,
  userResources?: "perAssignment" | "perUser",
): Promise<SpecStack> {
  const [customer] = addBenchCustomers(emu, 1, { seats: users + 10, prefix: stack });
  fs.rmSync(path.join(project.dir, "tenants"), { recursive: true, force: true });
  fs.mkdirSync(path.join(project.dir, "tenants"));
  fs.writeFileSync(
    path.join(project.dir, "tenants", `${customer.domain}.yaml`),
    (userResources ? `userResources: ${userResources}\n` : "") +
      usersSpec(customer.domain, users, BENCH_ROLES, BENCH_SKU),
  );
  const backend = path.join(project.dir, `.backend-${stack}`);
  const env = await pulumiEnv({ backendDir: backend, pulumiHome: path.join(project.dir, ".pulumi-home") });
  fs.writeFileSync(path.join(project.dir, "emulator-ca.pem"), emu.ca);
  const p = emu.seed.partners.find((x) => x.tenantId === emu.seed.defaultPartnerId)!;
  await initStack(
    env,
    project.dir,
    stack,
    {
      "partnercenter:tenantId": p.tenantId,
      "partnercenter:clientId": p.user.clientId,
      "partnercenter:endpoint": emu.url,
      "partnercenter:authorityHost": emu.authorityHost,
      "partnercenter:caCertificate": path.join(project.dir, "emulator-ca.pem"),
      // absolute: a package before the program moved to the project root resolved it from its own folder
      tenantsPath: path.join(project.dir, "tenants"),
    },
    { "partnercenter:clientSecret": p.user.clientSecret, "partnercenter:refreshToken": p.user.refreshToken },
  );
  return { emu, env, project, stack, customerId: customer.id, users };
}

export interface Measured {
  run: CliRun;
  calls: number;
  throttled: number;
  /** "METHOD /path/{id}/..." -> calls (not 429), largest first */
  routes: Array<[string, number]>;
}

const GUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

/** One plain CLI command on the stack, with its API calls (not 429) and 429s from the emulator's request log. */
export async function measure(s: SpecStack, args: string[]): Promise<Measured> {
  const before = await lastSeq(s.emu);
  const run = await pulumiCli(s.env, s.project.dir, [...args, "--stack", s.stack, "--non-interactive"], {
    events: true,
    sampleMemory: true,
  });
  const api = await apiRequestsSince(s.emu, before);
  if (run.code !== 0)
    console.log(`pulumi ${args.join(" ")} exited ${run.code}:\n${run.tail}\n${run.errors.slice(0, 5).join("\n")}`);
  const ok = api.filter((x) => x.status !== 429);
  const routes = new Map<string, number>();
  for (const x of ok) {
    const route = `${x.method} ${x.path.split("?")[0].replace(GUID, "{id}")}`;
    routes.set(route, (routes.get(route) ?? 0) + 1);
  }
  return {
    run,
    calls: ok.length,
    throttled: api.length - ok.length,
    routes: [...routes.entries()].sort((a, b) => b[1] - a[1]),
  };
}

export function stateOf(s: SpecStack): StateSize {
  return stateSize(checkpointFile(s.env.backendDir, s.stack));
}
