// The tenant spec: one YAML file per customer. `customer` names it (tenant id or domain), `adopt` is the
// default for taking over existing objects, and every other key is a section (sections/index.ts).

import { z } from "zod";
import { bool, customerRef, text } from "./fields";
import { SECTIONS } from "./sections";

export const SPEC_VERSION = "partnercenter.pulumi/v1";

const sectionShape = Object.fromEntries(SECTIONS.map((s) => [s.key, s.schema.optional()])) as Record<
  string,
  z.ZodOptional<z.ZodType>
>;

export const TenantSpecSchema = z
  .strictObject({
    apiVersion: z
      .literal(SPEC_VERSION, {
        error: `must be "${SPEC_VERSION}". Fix: write apiVersion: ${SPEC_VERSION} (or leave it out)`,
      })
      .meta({ description: "Version of this file's format." })
      .optional(),
    customer: customerRef(),
    description: text(
      "Free text about this customer (not sent anywhere).",
      "write a description or leave it out",
    ).optional(),
    adopt: bool(
      "Default for every object in this file: take over an existing object with the same natural key instead of failing. `partner-center export` writes true.",
      "write adopt: true or adopt: false",
    ).optional(),
    ...sectionShape,
  })
  .meta({
    title: "Partner Center tenant spec",
    description:
      "One customer tenant managed by pulumi-partner-center: users with roles and licenses, self-serve policy, subscription nicknames, verified domains, usage budget, billing profile, qualifications and Microsoft Customer Agreement acceptances.",
  });

export type TenantSpec = { apiVersion?: string; customer: string; description?: string; adopt?: boolean } & Record<
  string,
  unknown
>;

/** The keys a spec may have, for "did you mean" hints. */
export const TOP_LEVEL_KEYS: readonly string[] = [
  "apiVersion",
  "customer",
  "description",
  "adopt",
  ...SECTIONS.map((s) => s.key),
];
