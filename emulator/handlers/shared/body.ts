// Request-body validation for handlers: zod schemas, errors that name the field and the fix (400/2000).
import { z } from "zod";
import { ApiError } from "../../http/types";
import { sameEnum } from "../../http/collection";

/** Parses `body` with `schema`; on failure throws 400/2000 naming each bad field, followed by `fix`. */
export function parseBody<S extends z.ZodTypeAny>(schema: S, body: unknown, what: string, fix: string): z.output<S> {
  const result = schema.safeParse(body ?? {});
  if (result.success) return result.data;
  const problems = result.error.issues.slice(0, 5).map((issue) => {
    const path = issue.path.length ? issue.path.map(String).join(".") : "(body)";
    const message =
      issue.code === "invalid_type" && /received undefined/.test(issue.message) ? "is required" : issue.message;
    return `'${path}' ${message}`;
  });
  throw new ApiError(400, 2000, `Invalid ${what}: ${problems.join("; ")}. ${fix}`);
}

/** A string enum matched ignoring case and underscores (Managed, managed, DNS_RECORD...); yields the canonical value. */
export function looseEnum<T extends string>(values: readonly T[]) {
  return z.string().transform((s, ctx): T => {
    const match = values.find((v) => sameEnum(v, s));
    if (match === undefined) {
      ctx.addIssue({ code: "custom", message: `must be one of ${values.join(", ")} (got '${s.slice(0, 40)}')` });
      return z.NEVER;
    }
    return match;
  });
}

/** .NET enum name -> wire snake case: DnsRecord -> dns_record, PendingDeletion -> pending_deletion. */
export function snakeCase(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, "$1_$2").toLowerCase();
}

export const guid = () =>
  z.string().regex(/^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/, {
    message: "must be a GUID like 00000000-0000-0000-0000-000000000000",
  });
