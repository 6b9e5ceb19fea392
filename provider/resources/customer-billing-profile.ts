// CustomerBillingProfile — the billing profile of an existing customer (one per customer; Partner Center creates it
// with the customer).
// REST: https://learn.microsoft.com/partner-center/developer/update-a-customer-s-billing-profile
// Lifecycle: create takes the profile over and writes the given fields; fields update in place; a new customerId
// replaces; delete leaves the profile as it is (it cannot be removed) and says so; read reports it gone only when the
// customer is gone (404).
// Partner Center quirk: the update is a PUT of the whole profile with its current ETag (If-Match and body); a stale
// ETag (400/2055) is answered by re-reading and retrying, at most 3 attempts.
// Choice: optional fields left out are not managed (the remote value is kept); the address is managed per field.
// Choice (state = service): create writes every given field before tracking (the profile always exists, so it is
//   taken over, never made); delete leaves the profile as it is and says so; read compares every managed field.

import { z } from "zod";
import type { BillingProfile } from "../client";
import { AddressInput, countryRules, culture, email, language, managedAddress } from "./kit/customer-address";
import { defineResource, type ResourceContext } from "./kit/define-resource";
import { lowerCase } from "./kit/diff";
import { isNotFound, isPreconditionFailed } from "./kit/errors";
import { guid, text } from "./kit/fields";
import { parseId } from "./kit/ids";
import { resourceClass } from "./kit/resource-class";

export const TYPE = "CustomerBillingProfile";
const ETAG_ATTEMPTS = 3;

// ---- input schema ----
export const CustomerBillingProfileInputs = z.strictObject({
  customerId: guid("customer tenant id"),
  email: email().optional(),
  culture: culture().optional(),
  language: language().optional(),
  companyName: text("give the company name shown on invoices")
    .pipe(z.string().max(200, { error: "must be at most 200 characters. Fix: shorten the company name" }))
    .optional(),
  firstName: text("give the billing contact's first name, or leave it out").optional(),
  lastName: text("give the billing contact's last name, or leave it out").optional(),
  defaultAddress: AddressInput.partial({ country: true, city: true, addressLine1: true }).optional(),
});
export type CustomerBillingProfileInputs = z.input<typeof CustomerBillingProfileInputs>;
type In = z.output<typeof CustomerBillingProfileInputs>;

// ---- state schema ----
export const CustomerBillingProfileOutputs = z.object({ billingProfileId: z.string().optional() });
type Out = z.output<typeof CustomerBillingProfileOutputs>;
type Stored = In & Partial<Out>;

// ---- diff rules ----
const MANAGED = ["email", "culture", "language", "companyName", "firstName", "lastName", "defaultAddress"] as const;
const diffRules = {
  replaceOn: ["customerId"],
  inPlace: [...MANAGED],
  normalize: { customerId: lowerCase, email: lowerCase, culture: lowerCase, language: lowerCase },
  naturalKey: (p: Partial<Stored>) => p.customerId?.toLowerCase(),
};

// ---- CRUD ----
const describe = (p: Partial<In>) => `${TYPE} of customer ${p.customerId ?? "(unknown)"}`;

/** The billing fields a resource may manage (Customer manages the same ones). */
export type BillingFields = Omit<In, "customerId">;

/** The profile as read, with every managed field set to the wanted value. */
function applied(current: BillingProfile, wanted: BillingFields): BillingProfile {
  const next: BillingProfile = { ...current };
  for (const key of ["email", "culture", "language", "companyName", "firstName", "lastName"] as const)
    if (wanted[key] !== undefined) next[key] = wanted[key];
  if (wanted.defaultAddress) next.defaultAddress = { ...(current.defaultAddress ?? {}), ...wanted.defaultAddress };
  return next;
}

function differs(current: BillingProfile, wanted: BillingFields): boolean {
  const next = applied(current, wanted);
  return JSON.stringify(next) !== JSON.stringify(current);
}

/** Reads, applies and PUTs with the current ETag; a stale ETag is re-read and retried. Shared with Customer. */
export async function writeBillingProfile(
  ctx: ResourceContext,
  customerId: string,
  wanted: BillingFields,
): Promise<BillingProfile> {
  let current = await ctx.client.profiles.getBilling(customerId);
  for (let attempt = 1; ; attempt++) {
    if (!differs(current, wanted)) return current;
    try {
      return await ctx.client.profiles.updateBilling(customerId, applied(current, wanted));
    } catch (e) {
      if (!isPreconditionFailed(e) || attempt >= ETAG_ATTEMPTS) throw e;
      current = await ctx.client.profiles.getBilling(customerId);
    }
  }
}

async function create(ctx: ResourceContext, inputs: In): Promise<{ id: string; outs: Out }> {
  const profile = await writeBillingProfile(ctx, inputs.customerId, inputs);
  return { id: inputs.customerId.toLowerCase(), outs: { billingProfileId: profile.id ?? undefined } };
}

async function read(ctx: ResourceContext, id: string, props: Stored) {
  const [customerId] = parseId(TYPE, id, 1);
  let profile: BillingProfile;
  try {
    profile = await ctx.client.profiles.getBilling(customerId);
  } catch (e) {
    if (isNotFound(e)) return undefined;
    throw e;
  }
  return { customerId, ...billingFieldsOf(profile, props), billingProfileId: profile.id ?? undefined };
}

/** Fresh values of the managed billing fields (a field the user does not manage stays undefined). Shared with Customer. */
export function billingFieldsOf(profile: BillingProfile, props: Partial<BillingFields>) {
  const remote = <T>(key: (typeof MANAGED)[number], value: T | null | undefined): T | null | undefined =>
    props[key] === undefined ? undefined : (value ?? null);
  return {
    email: remote("email", profile.email),
    culture: remote("culture", profile.culture),
    language: remote("language", profile.language),
    companyName: remote("companyName", profile.companyName),
    firstName: remote("firstName", profile.firstName),
    lastName: remote("lastName", profile.lastName),
    defaultAddress: remote(
      "defaultAddress",
      managedAddress(profile.defaultAddress, props.defaultAddress) as In["defaultAddress"],
    ),
  };
}

async function update(ctx: ResourceContext, id: string, _olds: Stored, news: In): Promise<Out> {
  const [customerId] = parseId(TYPE, id, 1);
  const profile = await writeBillingProfile(ctx, customerId, news);
  return { billingProfileId: profile.id ?? undefined };
}

async function remove(ctx: ResourceContext, _id: string, props: Stored): Promise<void> {
  ctx.warn(
    `${describe(props)}: a customer's billing profile cannot be removed, so it stays as it is now; Pulumi no longer manages it.`,
  );
}

// ---- export ----
export const customerBillingProfile = defineResource({
  type: TYPE,
  inputs: CustomerBillingProfileInputs,
  outputs: CustomerBillingProfileOutputs,
  rules: [countryRules("defaultAddress")],
  diff: diffRules,
  describe,
  create,
  read,
  update,
  delete: remove,
});

/** The billing profile of a customer (company name, billing contact and address); deleting it only stops managing it. */
export const CustomerBillingProfile = resourceClass(customerBillingProfile);
export type CustomerBillingProfile = InstanceType<typeof CustomerBillingProfile>;
