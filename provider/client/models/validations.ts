// ValidationCode (GCC). Note the top-level "eTag". https://learn.microsoft.com/partner-center/developer/get-a-partner-s-validation-codes
// Choice: validationId is a string in the example and an int in the resource table; both are read as a string.
import { z } from "zod";
import { nullableString } from "./common";

export const ValidationCodeSchema = z.looseObject({
  partnerId: nullableString,
  organizationName: nullableString,
  validationId: z.union([z.string(), z.number()]).transform(String),
  maxCreates: z.number().nullable().optional(),
  remainingCreates: z.number().nullable().optional(),
  eTag: nullableString,
});
export type ValidationCode = z.infer<typeof ValidationCodeSchema>;
