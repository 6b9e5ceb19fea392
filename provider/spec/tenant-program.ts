// The Pulumi program behind the root Pulumi.yaml: load and validate every tenant spec first (any problem
// stops the run before a single resource is registered), resolve customers named by domain, then declare
// each customer's resources.
// Choice: the tenants path comes from project config `tenantsPath`, else PARTNERCENTER_TENANTS_PATH, else
// "tenants", relative to the project directory (the program's working directory).

import * as pulumi from "@pulumi/pulumi";
import { clientOptionsOf, loadConfig, CONFIG_NAMESPACE } from "../config";
import { resolveCustomerId, type CustomerLookup } from "./customer-ref";
import { declareTenant } from "./declare";
import { isGuid } from "./fields";
import { loadTenantSpecs } from "./loader";
import { TenantSpecError } from "./problems";

export const DEFAULT_TENANTS_PATH = "tenants";

export interface TenantProgramOptions {
  tenantsPath?: string;
  cwd?: string;
  /** For customers named by domain; default: a client from the `partnercenter:*` config (env fallback). */
  lookup?: CustomerLookup;
}

export function tenantsPathFromConfig(): string {
  return new pulumi.Config().get("tenantsPath") ?? process.env.PARTNERCENTER_TENANTS_PATH ?? DEFAULT_TENANTS_PATH;
}

function clientFromStackConfig(): CustomerLookup {
  const cfg = new pulumi.Config(CONFIG_NAMESPACE);
  const config = loadConfig((key) => cfg.get(key));
  const { PartnerCenterClient } = require("../client") as typeof import("../client");
  return new PartnerCenterClient(clientOptionsOf(config));
}

/** Declares every customer's resources; returns customer id -> spec file (the stack output `customers`). */
export async function runTenantProgram(
  opts: TenantProgramOptions = {},
): Promise<{ customers: Record<string, string> }> {
  const specs = loadTenantSpecs(opts.tenantsPath ?? tenantsPathFromConfig(), { cwd: opts.cwd });
  let lookup = opts.lookup;
  const resolved: Array<{ file: string; id: string }> = [];
  const problems = [];
  for (const { file, spec } of specs) {
    try {
      if (!isGuid(spec.customer)) lookup ??= clientFromStackConfig();
      resolved.push({ file, id: await resolveCustomerId(lookup!, spec.customer) });
    } catch (e) {
      problems.push({ file, path: "customer", message: (e as Error).message });
    }
  }
  const seen = new Map<string, string>();
  for (const { file, id } of resolved) {
    const other = seen.get(id);
    if (other)
      problems.push({
        file,
        path: "customer",
        message: `is customer ${id}, already described by ${other}. Fix: describe each customer in one file`,
      });
    seen.set(id, file);
  }
  if (problems.length > 0) throw new TenantSpecError(problems);
  specs.forEach(({ spec }, i) => declareTenant(spec, resolved[i].id));
  return { customers: Object.fromEntries(resolved.map((r) => [r.id, r.file])) };
}
