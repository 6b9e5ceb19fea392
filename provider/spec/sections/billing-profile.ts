// `billingProfile:` — the customer's billing profile (company name on invoices, billing contact, address, culture).
// Becomes one CustomerBillingProfile (provider/resources/customer-billing-profile.ts), whose input rules are reused
// here (its per-country rules too, through resource-rules.ts), so the spec accepts exactly what the resource does.
// Choice: export writes every field the profile has (address fields the resource knows, in its order), so the
// adopting `up` writes nothing; a field left out of the spec is simply not managed.

import { z } from "zod";
import { AddressInput } from "../../resources/kit/customer-address";
import {
  CustomerBillingProfile,
  CustomerBillingProfileInputs,
  customerBillingProfile,
} from "../../resources/customer-billing-profile";
import { resourceRules } from "./resource-rules";
import { defineSection } from "./section";

const inputs = CustomerBillingProfileInputs.shape;
const BillingProfileSpec = z
  .strictObject({
    companyName: inputs.companyName.meta({ description: "Company name shown on invoices." }),
    email: inputs.email.meta({ description: "Billing contact email address." }),
    firstName: inputs.firstName.meta({ description: "Billing contact's first name." }),
    lastName: inputs.lastName.meta({ description: "Billing contact's last name." }),
    culture: inputs.culture.meta({ description: "Culture for invoices, e.g. en-US." }),
    language: inputs.language.meta({ description: "Two-letter language code, e.g. en." }),
    defaultAddress: inputs.defaultAddress.meta({ description: "Billing address; only the fields given are managed." }),
  })
  .superRefine(resourceRules(customerBillingProfile))
  .meta({
    description:
      "The customer's billing profile; fields left out are not managed. Removing the section only stops managing it (a profile cannot be deleted).",
  });

const PROFILE_FIELDS = ["companyName", "email", "firstName", "lastName", "culture", "language"] as const;
const ADDRESS_FIELDS = Object.keys(AddressInput.shape) as Array<keyof typeof AddressInput.shape>;

const present = (v: unknown): v is string => typeof v === "string" && v.trim() !== "";

export const billingProfileSection = defineSection({
  key: "billingProfile",
  schema: BillingProfileSpec,
  declare(profile, ctx) {
    new CustomerBillingProfile(ctx.name("billingProfile"), { customerId: ctx.customerId, ...profile }, ctx.opts);
  },
  async export({ client, customerId }) {
    const profile = await client.profiles.getBilling(customerId);
    const out: Record<string, unknown> = {};
    for (const key of PROFILE_FIELDS) if (present(profile[key])) out[key] = profile[key];
    const address: Record<string, string> = {};
    for (const key of ADDRESS_FIELDS) {
      const value = profile.defaultAddress?.[key];
      if (present(value)) address[key] = value;
    }
    if (Object.keys(address).length > 0) out.defaultAddress = address;
    return Object.keys(out).length > 0 ? out : undefined;
  },
});
