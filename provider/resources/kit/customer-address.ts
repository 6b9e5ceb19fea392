// Input schemas shared by Customer and CustomerBillingProfile: the postal address, culture, language and email of a
// billing profile, and the per-country rules of create-a-customer (organization registration number and phone).
// REST: https://learn.microsoft.com/partner-center/developer/create-a-customer
// Choice: check() enforces presence/absence of the registration number and phone per country; the number's format
// (a per-country regex the docs do not list) is left to Partner Center (400/600050).

import { z } from "zod";
import type { CheckFailure, CrossFieldRule } from "./check";
import { countryCode, text } from "./fields";
import { containsUnknown } from "./unknown";

/** Countries where the registration number and the billing phone are mandatory (600049/600051); elsewhere the number is refused (600002). */
export const REGISTRATION_NUMBER_COUNTRIES: ReadonlySet<string> = new Set([
  "AM",
  "AZ",
  "BY",
  "HU",
  "IN",
  "KZ",
  "KG",
  "MD",
  "RU",
  "TJ",
  "UZ",
  "UA",
  "BR",
  "ZA",
  "PL",
  "AE",
  "SA",
  "TR",
  "TH",
  "VN",
  "MM",
  "IQ",
  "SS",
  "VE",
]);

const optional = (max: number, fix: string) =>
  z
    .string({ error: `must be a string. Fix: ${fix}` })
    .trim()
    .min(1, { error: `must not be empty. Fix: ${fix}` })
    .max(max, { error: `must be at most ${max} characters. Fix: ${fix}` })
    .optional();

export const AddressInput = z.strictObject(
  {
    country: countryCode("give the two-letter ISO country code, e.g. US, GB or DE").transform((v) => v.toUpperCase()),
    city: text("give the city"),
    addressLine1: text("give the street address").pipe(
      z.string().max(200, { error: "must be at most 200 characters. Fix: move the rest to addressLine2" }),
    ),
    addressLine2: optional(200, "give the second address line, or leave it out"),
    state: optional(100, "give the state or province code (e.g. WA), or leave it out"),
    postalCode: optional(20, "give the postal code, or leave it out"),
    region: optional(100, "give the region, or leave it out"),
    firstName: optional(50, "give the contact's first name, or leave it out"),
    lastName: optional(50, "give the contact's last name, or leave it out"),
    phoneNumber: optional(40, "give the phone number (mandatory in some countries), or leave it out"),
  },
  {
    error: (i: { input?: unknown }) =>
      `${i.input === undefined ? "is required" : "must be an object"}. Fix: give the postal address, e.g. defaultAddress: { country: US, city: Redmond, addressLine1: 1 Microsoft Way, postalCode: "98052" }`,
  },
);
export type AddressInput = z.input<typeof AddressInput>;
export type Address = z.output<typeof AddressInput>;

export const culture = () =>
  z
    .string({ error: "must be a string. Fix: give a culture such as en-US" })
    .regex(/^[A-Za-z]{2,3}-[A-Za-z]{2}$/, {
      error: "must be a culture such as en-US. Fix: write language-COUNTRY, e.g. en-US or de-DE",
    })
    .transform((v) => {
      const [l, c] = v.split("-");
      return `${l.toLowerCase()}-${c.toUpperCase()}`;
    });

export const language = () =>
  z
    .string({ error: "must be a string. Fix: give a two-letter language code such as en" })
    .regex(/^[A-Za-z]{2}$/, { error: "must be a two-letter language code. Fix: use e.g. en, de or fr" })
    .transform((v) => v.toLowerCase());

export const email = () =>
  z
    .string({ error: "must be a string. Fix: give an email address such as billing@contoso.com" })
    .trim()
    .regex(/^[^@\s]+@[^@\s]+\.[^@\s]+$/, {
      error: "must be an email address. Fix: give an address such as billing@contoso.com",
    });

/** The phone number (and, when `registrationProperty` is given, the registration number) rules per country. */
export function countryRules(addressProperty: string, registrationProperty?: string): CrossFieldRule {
  return (inputs) => {
    const address = inputs[addressProperty] as Record<string, unknown> | undefined;
    if (
      !address ||
      typeof address !== "object" ||
      containsUnknown(address.country) ||
      typeof address.country !== "string"
    )
      return [];
    const country = address.country.toUpperCase();
    const failures: CheckFailure[] = [];
    if (
      REGISTRATION_NUMBER_COUNTRIES.has(country) &&
      (address.phoneNumber === undefined || address.phoneNumber === "")
    ) {
      failures.push({
        property: `${addressProperty}.phoneNumber`,
        reason: `${addressProperty}.phoneNumber is required for customers in ${country} (Partner Center error 600051). Fix: add the phone number.`,
      });
    }
    if (registrationProperty && !containsUnknown(inputs[registrationProperty])) {
      const number = inputs[registrationProperty];
      const has = typeof number === "string" && number.trim() !== "";
      if (REGISTRATION_NUMBER_COUNTRIES.has(country) && !has) {
        failures.push({
          property: registrationProperty,
          reason: `${registrationProperty} is required for customers in ${country} (Partner Center error 600049). Fix: give the company's organization registration number.`,
        });
      } else if (!REGISTRATION_NUMBER_COUNTRIES.has(country) && has) {
        failures.push({
          property: registrationProperty,
          reason: `${registrationProperty} is not used for customers in ${country} (Partner Center error 600002). Fix: remove it; only ${[...REGISTRATION_NUMBER_COUNTRIES].join(", ")} need one.`,
        });
      }
    }
    return failures;
  };
}

/** The remote address reduced to the keys the user manages (so unmanaged remote fields never show as drift). */
export function managedAddress(
  remote: Record<string, unknown> | null | undefined,
  wanted: Record<string, unknown> | undefined,
): Record<string, unknown> | undefined {
  if (!wanted || !remote) return remote ?? undefined;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(wanted)) {
    const v = remote[key];
    if (v !== undefined && v !== null && v !== "")
      out[key] = key === "country" && typeof v === "string" ? v.toUpperCase() : v;
  }
  return out;
}
