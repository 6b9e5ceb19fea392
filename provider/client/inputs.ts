// Validates an operation's body argument with its zod schema before any request; the error names the field.
import { z } from "zod";
import { invalidInput } from "./errors";

export function validateInput<S extends z.ZodType>(
  operation: string,
  argument: string,
  schema: S,
  value: unknown,
): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = [argument, ...issue.path.map(String)].join(".");
  throw invalidInput(
    operation,
    field,
    `${issue.message}${result.error.issues.length > 1 ? ` (and ${result.error.issues.length - 1} more problem(s))` : ""}`,
  );
}
