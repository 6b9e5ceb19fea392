// ValidationCode (GCC). Note the top-level "eTag". https://learn.microsoft.com/partner-center/developer/get-a-partner-s-validation-codes
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
