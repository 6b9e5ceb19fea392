// A resource's own cross-field rules (its check(), e.g. "educationSegment is required for Education", "phoneNumber is
// required in BR") run on a spec entry while the spec is validated, so such a mistake is reported with file, line and
// fix before anything runs, instead of failing one resource in the middle of an `up`.
// Choice: the check runs with a placeholder customer id, and failures on customerId itself are ignored (the spec
// does not hold it; e.g. the agreements cloud rule is then left to the resource's own check at `up`).

import type { z } from "zod";
import type { CheckFailure } from "../../resources/kit/check";

const PLACEHOLDER_CUSTOMER = "00000000-0000-0000-0000-000000000000";

export interface CheckedResource {
  check(olds: Record<string, unknown>, news: Record<string, unknown>): { failures: CheckFailure[] };
}

/** A superRefine callback adding each of the resource's check failures at its property path. */
export function resourceRules<T extends object>(resource: CheckedResource) {
  return (value: T, ctx: z.RefinementCtx): void => {
    if (ctx.issues.length > 0) return; // the schema's own messages come first; the rules only see a parsed entry
    const { failures } = resource.check(
      {},
      { ...(value as Record<string, unknown>), customerId: PLACEHOLDER_CUSTOMER },
    );
    for (const f of failures) {
      if (f.property === "customerId" || f.property === "") continue;
      const path = f.property.split(".").map((seg) => (/^\d+$/.test(seg) ? Number(seg) : seg));
      ctx.addIssue({
        code: "custom",
        path,
        message: f.reason.includes("Fix:") ? f.reason : `${f.reason}. Fix: correct the value`,
      });
    }
  };
}
