// zod schema of a Partner Center Address in request bodies (reference §4 Address) and the phone/registration rules.
import { z } from "zod";
import { ApiError } from "../../http/types";
import { isCountryCode } from "./countryCode";
import { REGISTRATION_NUMBER_COUNTRIES } from "./lookup";

const optionalText = (max: number) =>
  z
    .string()
    .max(max, { message: `must be at most ${max} characters` })
    .nullish()
    .transform((v) => v ?? undefined);

export const addressSchema = z.object({
  country: z
    .string()
    .refine(isCountryCode, { message: "must be an ISO 3166-1 alpha-2 country code such as US" })
    .transform((s) => s.toUpperCase()),
  region: optionalText(100),
  city: z.string().min(1, { message: "must not be empty" }),
  state: optionalText(100),
  addressLine1: z
    .string()
    .min(1, { message: "must not be empty" })
    .max(200, { message: "must be at most 200 characters" }),
  addressLine2: optionalText(200),
  postalCode: optionalText(20),
  firstName: optionalText(50),
  middleName: optionalText(50),
  lastName: optionalText(50),
  phoneNumber: optionalText(40),
});

/** Billing phone is mandatory in the registration-number countries (400/600051). */
export function requirePhoneWhereMandatory(address: { country: string; phoneNumber?: string }): void {
  if (REGISTRATION_NUMBER_COUNTRIES.has(address.country) && !address.phoneNumber) {
    throw new ApiError(
      400,
      600051,
      `billingProfile.defaultAddress.phoneNumber is required for customers in ${address.country}.`,
    );
  }
}
