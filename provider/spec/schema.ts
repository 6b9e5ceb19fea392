// The tenant spec: one YAML file per customer. `customer` names it (tenant id or domain), `adopt` is the
// default for taking over existing objects, and every other key is a section (sections/index.ts).

import { z } from "zod";
import { bool, customerRef, oneOf, text } from "./fields";
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
    userResources: oneOf(
      ["perAssignment", "perUser"] as const,
      "How each user becomes resources: perAssignment (default) is a CustomerUser plus one UserRoleAssignment per role and one UserLicenseAssignment per license; perUser is one CustomerUser holding its roles and licenses (one resource per user: for large customers, since the backend's checkpoint work grows with the square of the resource count). Set it when the stack is created: switching an existing stack from perAssignment deletes the assignment resources, which removes those roles and licenses.",
    ).optional(),
    ...sectionShape,
  })
  .superRefine((spec, ctx) => {
    const users = (spec as { users?: unknown }).users;
    if (spec.userResources !== "perUser" || !Array.isArray(users)) return;
    (users as Array<{ licenses?: unknown[] }>).forEach((u, i) =>
      (u.licenses ?? []).forEach((l, j) => {
        if (l && typeof l === "object" && (l as { adopt?: unknown }).adopt !== undefined)
          ctx.addIssue({
            code: "custom",
            path: ["users", i, "licenses", j, "adopt"],
            message:
              "is not used with userResources: perUser (the user's adopt covers its licenses). Fix: remove it, or set adopt on the user",
          });
      }),
    );
  })
  .meta({
    title: "Partner Center tenant spec",
    description:
      "One customer tenant managed by pulumi-partner-center: users with roles and licenses, self-serve policy, subscription nicknames, verified domains, usage budget, billing profile, qualifications and Microsoft Customer Agreement acceptances.",
  });

export type TenantSpec = {
  apiVersion?: string;
  customer: string;
  description?: string;
  adopt?: boolean;
  userResources?: "perAssignment" | "perUser";
} & Record<string, unknown>;

/** The keys a spec may have, for "did you mean" hints. */
export const TOP_LEVEL_KEYS: readonly string[] = [
  "apiVersion",
  "customer",
  "description",
  "adopt",
  "userResources",
  ...SECTIONS.map((s) => s.key),
];
