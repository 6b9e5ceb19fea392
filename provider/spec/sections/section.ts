// A section of the tenant spec: one top-level YAML key, its zod schema, how it becomes resources, and how
// `partner-center export` reads it back from a live customer. Adding a section: one file with these three
// parts and one line in sections/index.ts (docs/adding-a-resource.md); reuse the resource's input schema or run its
// check() on each entry (resource-rules.ts), so the spec accepts exactly what the resource accepts.

import type * as pulumi from "@pulumi/pulumi";
import type { z } from "zod";
import type { CloudName, PartnerCenterClient } from "../../client";

export interface DeclareContext {
  /** Resolved customer tenant id (lower case). */
  customerId: string;
  /** The file's `adopt` default (true in exported specs). */
  adopt: boolean;
  /** How a user maps to resources: perAssignment (default: one per user, role and license) or perUser (one). */
  userResources: "perAssignment" | "perUser";
  /** A stable resource name inside this customer: `<customerId>/<parts joined by />`. */
  name(...parts: string[]): string;
  opts: pulumi.CustomResourceOptions;
}

export interface ExportContext {
  client: PartnerCenterClient;
  customerId: string;
  partnerTenantId: string;
  /** The configured Partner Center cloud (a section the cloud does not offer exports nothing). */
  cloud: CloudName;
  /** Something the export had to leave out, said to the person running it. */
  warn: (message: string) => void;
}

export interface SpecSection<S extends z.ZodType = z.ZodType> {
  /** The YAML key. */
  key: string;
  /** Its schema; the section is optional in every spec. */
  schema: S;
  declare(value: z.output<S>, ctx: DeclareContext): void;
  /** The live customer's objects in spec form, or undefined when it has none. */
  export(ctx: ExportContext): Promise<z.input<S> | undefined>;
}

export function defineSection<S extends z.ZodType>(section: SpecSection<S>): SpecSection<S> {
  return section;
}
