// Spec -> resources: one customer's spec becomes the dynamic resources of every section. Resource names are
// `<customerId>/<section>/<natural key>` (lower case), so renaming a file or switching `customer` between id
// and domain changes nothing, and each object keeps its name across runs.

import type * as pulumi from "@pulumi/pulumi";
import type { TenantSpec } from "./schema";
import { SECTIONS } from "./sections";

export function declareTenant(spec: TenantSpec, customerId: string, opts: pulumi.CustomResourceOptions = {}): void {
  const id = customerId.toLowerCase();
  const ctx = {
    customerId: id,
    adopt: spec.adopt ?? false,
    userResources: spec.userResources ?? "perAssignment",
    name: (...parts: string[]) => [id, ...parts].join("/"),
    opts,
  };
  for (const section of SECTIONS) {
    const value = spec[section.key];
    if (value !== undefined) section.declare(value, ctx);
  }
}
