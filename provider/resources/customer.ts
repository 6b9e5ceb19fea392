// Customer — a CSP customer tenant, created by the partner with its company and billing profile.
// REST: https://learn.microsoft.com/partner-center/developer/create-a-customer
// Lifecycle: create makes the tenant (or adopts the partner's customer with that domain, adopt: true) and returns the
// generated admin credentials once; billing fields update in place through the billing profile (ETag); a new domain or
// organization registration number replaces; delete keeps the customer (deletionPolicy "retain"), deletes it
// ("delete") or ends the partner's reseller relationship ("removeResellerRelationship"); read reports it gone only on 404.
// Partner Center quirk: customers can be deleted only in the integration sandbox (403/600006 elsewhere).
// Partner Center quirk: the registration number and billing phone are required in some countries and the number is
// refused elsewhere (600049/600051/600002); check() applies the documented country list.
// Choice: deletionPolicy defaults to "retain" (production tenants cannot be deleted; a sandbox one is gone for good).
// Choice: "removeResellerRelationship" is checked where preview can see it (the engine calls no provider method for a
//   delete at preview): check refuses it with App-only credentials, and a change to it warns of active Azure
//   reservations; the delete checks both again and, refused, leaves the customer in state (kit/reseller-relationship.ts).
// Choice: culture defaults to en-US and language to en; the company profile has no update API, so a new
//   organizationRegistrationNumber for the same domain is refused at check (a replace would adopt the old customer
//   with its old number), adopting a customer whose number differs is refused, and a new domain replaces (a new
//   tenant; the old one is kept or deleted per deletionPolicy, and delete says which).
// Choice: the admin credentials (adminUserName, adminPassword) are secret outputs, known only for a customer created
//   by this resource; an adopted customer has none. Do not also manage its billing profile with CustomerBillingProfile.

import { z } from "zod";
import type { Customer as RemoteCustomer } from "../client";
import { AddressInput, countryRules, culture, email, language } from "./kit/customer-address";
import { billingFieldsOf, writeBillingProfile } from "./customer-billing-profile";
import { adoptAfterLostAnswer } from "./kit/adopt-after-lost-answer";
import { defineResource, type ChangeRule, type ResourceContext } from "./kit/define-resource";
import { lowerCase } from "./kit/diff";
import { isNotFound, ResourceOperationError, ResourceUsageError } from "./kit/errors";
import { bool, domainName, GUID_RE, oneOf, text } from "./kit/fields";
import { parseId } from "./kit/ids";
import {
  appUserRule,
  REMOVE_POLICY,
  removeResellerRelationship,
  warnOfBlockedRemoval,
} from "./kit/reseller-relationship";
import { resourceClass } from "./kit/resource-class";

export const TYPE = "Customer";

// ---- input schema ----
export const CustomerInputs = z.strictObject({
  domain: domainName(),
  companyName: text("give the company name").pipe(
    z.string().max(200, { error: "must be at most 200 characters. Fix: shorten the company name" }),
  ),
  email: email(),
  culture: culture().default("en-US"),
  language: language().default("en"),
  firstName: text("give the billing contact's first name, or leave it out").optional(),
  lastName: text("give the billing contact's last name, or leave it out").optional(),
  defaultAddress: AddressInput,
  organizationRegistrationNumber: text(
    "give the company's registration number (only in the countries that need one), or leave it out",
  ).optional(),
  adopt: bool("set adopt: true to take over the partner's existing customer with this domain").default(false),
  deletionPolicy: oneOf(
    ["retain", "delete", REMOVE_POLICY] as const,
    `use "retain" (keep the customer when the resource is deleted), "delete" (integration sandbox only) or "${REMOVE_POLICY}" (end the partner's reseller relationship)`,
  ).default("retain"),
});
export type CustomerInputs = z.input<typeof CustomerInputs>;
type In = z.output<typeof CustomerInputs>;

// ---- state schema ----
export const CustomerOutputs = z.object({
  customerId: z.string(),
  commerceId: z.string().optional(),
  relationshipToPartner: z.string().optional(),
  adminUserName: z.string().optional(),
  adminPassword: z.string().optional(),
});
type Out = z.output<typeof CustomerOutputs>;
type Stored = In & Partial<Out>;

// ---- diff rules ----
const diffRules = {
  replaceOn: ["domain", "organizationRegistrationNumber"],
  inPlace: [
    "companyName",
    "email",
    "culture",
    "language",
    "firstName",
    "lastName",
    "defaultAddress",
    "adopt",
    "deletionPolicy",
  ],
  normalize: { domain: lowerCase, email: lowerCase, culture: lowerCase, language: lowerCase },
};

/** The company profile cannot be updated: a new registration number for the same tenant would never be applied. */
const registrationRule: ChangeRule = (olds, news) => {
  const before = olds.organizationRegistrationNumber;
  const after = news.organizationRegistrationNumber;
  if (lowerCase(olds.domain) !== lowerCase(news.domain) || after === undefined) return [];
  const trimmed = (v: unknown) => (typeof v === "string" ? v.trim() : (v ?? ""));
  if (trimmed(before) === trimmed(after)) return [];
  return [
    {
      property: "organizationRegistrationNumber",
      reason: `organizationRegistrationNumber cannot change for an existing customer: Partner Center has no API to update the company profile, so the number would never be applied. Fix: put back ${before === undefined ? "no organizationRegistrationNumber" : `organizationRegistrationNumber: ${JSON.stringify(before)}`} (a new customer needs a new, unused domain).`,
    },
  ];
};

// ---- CRUD ----
const describe = (p: Partial<In>) => `${TYPE} ${p.domain ?? "(no domain)"}`;

function outputsOf(c: RemoteCustomer): Omit<Out, "adminUserName" | "adminPassword"> {
  return {
    customerId: c.id.toLowerCase(),
    commerceId: c.commerceId ?? undefined,
    relationshipToPartner: c.relationshipToPartner ?? undefined,
  };
}

async function partnerCustomerWithDomain(ctx: ResourceContext, domain: string): Promise<RemoteCustomer | undefined> {
  const found = await ctx.client.customers.search({ field: "Domain", value: domain }).toArray();
  return found.find((c) => c.companyProfile?.domain?.toLowerCase() === domain.toLowerCase());
}

async function adopt(ctx: ResourceContext, inputs: In, existing: RemoteCustomer): Promise<{ id: string; outs: Out }> {
  if (inputs.organizationRegistrationNumber !== undefined) {
    const held = (await ctx.client.customers.get(existing.id)).companyProfile?.organizationRegistrationNumber;
    if (held && held.trim() !== inputs.organizationRegistrationNumber)
      throw new ResourceUsageError(
        describe(inputs),
        "create (adopt)",
        `the customer's organizationRegistrationNumber is ${JSON.stringify(held)}, and Partner Center cannot change it. Fix: set organizationRegistrationNumber: ${JSON.stringify(held)} (or leave it out) to take the customer over.`,
      );
  }
  try {
    await writeBillingProfile(ctx, existing.id, inputs);
  } catch (e) {
    throw new ResourceOperationError(
      describe(inputs),
      "create (adopt, then update the billing profile)",
      e,
      "The customer was not taken over; run `pulumi up` again.",
    );
  }
  return { id: existing.id.toLowerCase(), outs: outputsOf(existing) };
}

async function create(ctx: ResourceContext, inputs: In): Promise<{ id: string; outs: Out }> {
  if (!(await ctx.client.customers.checkDomainAvailability(inputs.domain))) {
    const existing = await partnerCustomerWithDomain(ctx, inputs.domain);
    if (existing && inputs.adopt) return adopt(ctx, inputs, existing);
    const fix = existing
      ? `it is your customer ${existing.id}. Fix: set adopt: true to manage it, or choose another domain.`
      : "it belongs to a tenant that is not your customer. Fix: choose another domain (checkDomainAvailability tells which are free).";
    throw new ResourceUsageError(describe(inputs), "create", `the domain ${inputs.domain} is already in use; ${fix}`);
  }
  const address = inputs.defaultAddress;
  const body = {
    companyProfile: {
      domain: inputs.domain,
      ...(inputs.organizationRegistrationNumber
        ? { organizationRegistrationNumber: inputs.organizationRegistrationNumber }
        : {}),
    },
    billingProfile: {
      email: inputs.email,
      culture: inputs.culture,
      language: inputs.language,
      companyName: inputs.companyName,
      ...(inputs.firstName ? { firstName: inputs.firstName } : {}),
      ...(inputs.lastName ? { lastName: inputs.lastName } : {}),
      defaultAddress: {
        ...address,
        firstName: address.firstName ?? inputs.firstName,
        lastName: address.lastName ?? inputs.lastName,
      },
    },
  };
  let created: RemoteCustomer;
  try {
    created = await ctx.client.customers.create(body);
  } catch (e) {
    // The client retried with the same MS-RequestId and still failed: the domain was free a moment ago, so a
    // customer with it now is ours — track it (its admin password was lost with the failed answer) rather than leak it.
    const appeared = await adoptAfterLostAnswer(e, () => partnerCustomerWithDomain(ctx, inputs.domain));
    ctx.warn(
      `${describe(inputs)}: created, but Partner Center's answer was lost, so its admin password is unknown; reset the admin's password (CustomerUser with adopt and password) to sign in.`,
    );
    return { id: appeared.id.toLowerCase(), outs: outputsOf(appeared) };
  }
  const credentials = created.userCredentials;
  return {
    id: created.id.toLowerCase(),
    outs: {
      ...outputsOf(created),
      adminUserName: credentials?.userName ?? undefined,
      adminPassword: credentials?.password ?? undefined,
    },
  };
}

async function read(ctx: ResourceContext, id: string, props: Stored) {
  const [customerId] = parseId(TYPE, id, 1);
  let remote: RemoteCustomer;
  try {
    remote = await ctx.client.customers.get(customerId);
  } catch (e) {
    if (isNotFound(e)) return undefined;
    throw e;
  }
  const registration = remote.companyProfile?.organizationRegistrationNumber;
  return {
    domain: remote.companyProfile?.domain ?? undefined,
    organizationRegistrationNumber: registration === undefined ? undefined : (registration ?? null),
    ...(remote.billingProfile
      ? (billingFieldsOf(remote.billingProfile, props) as { [K in keyof In]?: In[K] | null })
      : {}),
    ...outputsOf(remote),
  };
}

async function update(ctx: ResourceContext, id: string, olds: Stored, news: In): Promise<Out> {
  const [customerId] = parseId(TYPE, id, 1);
  await writeBillingProfile(ctx, customerId, news);
  return {
    customerId,
    commerceId: olds.commerceId,
    relationshipToPartner: olds.relationshipToPartner,
    adminUserName: olds.adminUserName,
    adminPassword: olds.adminPassword,
  };
}

/** A change to deletionPolicy "removeResellerRelationship" warns at preview of what would refuse the delete. */
async function previewChecks(ctx: ResourceContext, id: string, olds: Stored, news: In): Promise<void> {
  if (news.deletionPolicy !== REMOVE_POLICY || olds.deletionPolicy === REMOVE_POLICY) return;
  const [customerId] = parseId(TYPE, id, 1);
  await warnOfBlockedRemoval(ctx, customerId, `${describe(news)} (${customerId})`);
}

async function remove(ctx: ResourceContext, id: string, props: Stored): Promise<void> {
  const [customerId] = parseId(TYPE, id, 1);
  if (props.deletionPolicy === REMOVE_POLICY)
    return removeResellerRelationship(ctx, customerId, `${describe(props)} (${customerId})`);
  if (props.deletionPolicy !== "delete") {
    ctx.warn(
      `${describe(props)} (${customerId}): the customer is kept because deletionPolicy is "retain" (Partner Center deletes customers only in the integration sandbox); Pulumi no longer manages it.`,
    );
    return;
  }
  try {
    await ctx.client.customers.delete(customerId);
  } catch (e) {
    if (isNotFound(e)) return;
    const status = (e as { status?: number }).status;
    throw new ResourceOperationError(
      describe(props),
      "delete",
      e,
      status === 403
        ? 'Partner Center deletes customers only in the integration sandbox. Fix: set deletionPolicy: "retain" and run `pulumi up`, then delete again to stop managing it.'
        : undefined,
    );
  }
}

// ---- export ----
export const customer = defineResource({
  type: TYPE,
  inputs: CustomerInputs,
  outputs: CustomerOutputs,
  rules: [countryRules("defaultAddress", "organizationRegistrationNumber"), appUserRule],
  changeRules: [registrationRule],
  diff: diffRules,
  describe,
  customerOf: () => undefined,
  create,
  read,
  update,
  delete: remove,
  previewChecks,
});

/** A customer tenant. `adminUserName`/`adminPassword` (secret) are the generated admin credentials of a created customer. */
export const Customer = resourceClass(customer, {
  secretOutputs: ["adminUserName", "adminPassword"],
  fromId: { customerId: (id) => (GUID_RE.test(id) ? id : undefined) },
});
export type Customer = InstanceType<typeof Customer>;
