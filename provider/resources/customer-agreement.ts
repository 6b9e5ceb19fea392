// CustomerAgreement — the partner's confirmation that a customer accepted the Microsoft Customer Agreement (MCA).
// REST: https://learn.microsoft.com/partner-center/developer/confirm-customer-consent-customer-agreement
// Lifecycle: create looks up the current MCA template id and confirms acceptance with the primary contact, or adopts
// an existing confirmation with that contact and date; a new customer or contact replaces (a new confirmation);
// delete leaves the confirmation (it cannot be withdrawn) and says so; read reports it gone only when no confirmation
// with this contact exists (or the customer is gone, 404), and reads dateAgreed back.
// Partner Center quirk: a second confirmation with the same contact is refused (600061); it is adopted instead.
// Choice: a confirmation is never edited, so a new dateAgreed for the same customer and contact is refused at check,
//   and create refuses to adopt a confirmation whose date differs from the given one (state would claim a date
//   Partner Center does not hold); a new contact is a new confirmation, and the old one stays (delete says so).
// Choice: dateAgreed defaults to the time of create (the confirmed date is the output confirmedDate) and is compared
//   as an instant; the contact is matched case-insensitively on email and exactly on names and phone, as the
//   duplicate rule does.
// Public (global) cloud only: check() fails in usgov and china. Needs App+User credentials (partnercenter:refreshToken).

import { z } from "zod";
import type { Agreement } from "../client";
import { email } from "./kit/customer-address";
import { cloudRule } from "./kit/customer-cloud-availability";
import { adoptAfterLostAnswer } from "./kit/adopt-after-lost-answer";
import { defineResource, type ChangeRule, type ResourceContext } from "./kit/define-resource";
import { lowerCase, stableStringify } from "./kit/diff";
import { isConflict, isNotFound, ResourceUsageError } from "./kit/errors";
import { guid, text } from "./kit/fields";
import { formatId, parseId } from "./kit/ids";
import { resourceClass } from "./kit/resource-class";

export const TYPE = "CustomerAgreement";
const MCA = "MicrosoftCustomerAgreement" as const;

// ---- input schema ----
export const PrimaryContactInput = z.strictObject({
  firstName: text("give the first name of the customer's person who accepted the agreement"),
  lastName: text("give the last name of the customer's person who accepted the agreement"),
  email: email(),
  phoneNumber: text("give the contact's phone number, or leave it out").optional(),
});
export const CustomerAgreementInputs = z.strictObject({
  customerId: guid("customer tenant id"),
  primaryContact: PrimaryContactInput,
  dateAgreed: z
    .string({
      error: "must be a string. Fix: give the acceptance date as ISO-8601, e.g. 2026-01-31T00:00:00Z, or leave it out",
    })
    .refine((s) => /^\d{4}-\d{2}-\d{2}/.test(s) && !Number.isNaN(Date.parse(s)), {
      error: "must be an ISO-8601 date. Fix: write e.g. 2026-01-31 or 2026-01-31T00:00:00Z, or leave it out",
    })
    .optional(),
});
export type CustomerAgreementInputs = z.input<typeof CustomerAgreementInputs>;
type In = z.output<typeof CustomerAgreementInputs>;
type Contact = In["primaryContact"];

// ---- state schema ----
export const CustomerAgreementOutputs = z.object({
  templateId: z.string(),
  agreementLink: z.string().optional(),
  confirmedDate: z.string().optional(),
  userId: z.string().optional(),
});
type Out = z.output<typeof CustomerAgreementOutputs>;
type Stored = In & Partial<Out>;

// ---- diff rules ----
const contactKey = (v: unknown) =>
  v && typeof v === "object"
    ? { ...(v as Record<string, unknown>), email: lowerCase((v as Record<string, unknown>).email) }
    : v;
/** The instant an ISO-8601 date names (2026-01-31 = 2026-01-31T00:00:00Z), or the value as given. */
const instant = (v: unknown) => {
  if (typeof v !== "string") return v;
  const t = Date.parse(v);
  return Number.isNaN(t) ? v : new Date(t).toISOString();
};
const diffRules = {
  replaceOn: ["customerId", "primaryContact", "dateAgreed"],
  inPlace: [],
  normalize: { customerId: lowerCase, primaryContact: contactKey, dateAgreed: instant },
};

/** The same customer and contact with another date would adopt the existing confirmation and keep its date: refuse. */
const dateRule: ChangeRule = (olds, news) => {
  if (lowerCase(olds.customerId) !== lowerCase(news.customerId)) return [];
  if (stableStringify(contactKey(olds.primaryContact)) !== stableStringify(contactKey(news.primaryContact))) return [];
  if (olds.dateAgreed === undefined || news.dateAgreed === undefined) return [];
  if (instant(olds.dateAgreed) === instant(news.dateAgreed)) return [];
  return [
    {
      property: "dateAgreed",
      reason: `dateAgreed cannot change for a confirmation that exists: Partner Center cannot edit or withdraw a confirmation and refuses a second one with the same contact (600061). Fix: put back dateAgreed: ${JSON.stringify(olds.dateAgreed)}; to record a new acceptance, give the primaryContact of the person who accepted it.`,
    },
  ];
};

// ---- CRUD ----
const describe = (p: Partial<In>) =>
  `${TYPE} of customer ${p.customerId ?? "(unknown)"} (${p.primaryContact?.email ?? "no contact"})`;

const sameContact = (a: Agreement["primaryContact"], b: Contact) =>
  !!a &&
  a.firstName === b.firstName &&
  a.lastName === b.lastName &&
  a.email.toLowerCase() === b.email.toLowerCase() &&
  (a.phoneNumber || undefined) === (b.phoneNumber || undefined);

async function confirmation(
  ctx: ResourceContext,
  customerId: string,
  contact: Contact,
): Promise<Agreement | undefined> {
  return (await ctx.client.agreements.listForCustomer(customerId, MCA).toArray()).find((a) =>
    sameContact(a.primaryContact, contact),
  );
}

async function currentTemplate(ctx: ResourceContext, inputs: In) {
  const templates = await ctx.client.agreements.listMetadata(MCA).toArray();
  const latest = [...templates].sort((a, b) => (b.versionRank ?? 0) - (a.versionRank ?? 0))[0];
  if (!latest)
    throw new ResourceUsageError(
      describe(inputs),
      "create",
      "Partner Center lists no Microsoft Customer Agreement template. Fix: check that the partner account can sell under the MCA (getAgreementMetadata).",
    );
  return latest;
}

function outputsOf(a: Agreement): Out {
  return {
    templateId: a.templateId,
    agreementLink: a.agreementLink ?? undefined,
    confirmedDate: a.dateAgreed ?? undefined,
    userId: a.userId ?? undefined,
  };
}

const idOf = (customerId: string, contact: Contact) =>
  formatId(customerId.toLowerCase(), encodeURIComponent(contact.email.toLowerCase()));

/** Takes over an existing confirmation with this contact, unless its date is not the one asked for. */
function adopted(inputs: In, id: string, existing: Agreement): { id: string; outs: Out } {
  if (inputs.dateAgreed !== undefined && instant(existing.dateAgreed) !== instant(inputs.dateAgreed))
    throw new ResourceUsageError(
      describe(inputs),
      "create",
      `the customer already has a confirmation with this primaryContact, dated ${existing.dateAgreed ?? "(no date)"}; Partner Center refuses a second one with the same contact (600061) and cannot change its date, so dateAgreed ${inputs.dateAgreed} cannot be recorded. Fix: set dateAgreed: ${JSON.stringify(existing.dateAgreed)} (or leave it out) to manage that confirmation, or give the contact of the person who accepted on ${inputs.dateAgreed}.`,
    );
  return { id, outs: outputsOf(existing) };
}

async function create(ctx: ResourceContext, inputs: In): Promise<{ id: string; outs: Out }> {
  const id = idOf(inputs.customerId, inputs.primaryContact);
  const existing = await confirmation(ctx, inputs.customerId, inputs.primaryContact);
  if (existing) return adopted(inputs, id, existing);
  const template = await currentTemplate(ctx, inputs);
  const body = {
    primaryContact: inputs.primaryContact,
    templateId: template.templateId,
    dateAgreed: inputs.dateAgreed ?? new Date().toISOString(),
    type: MCA,
  };
  try {
    return { id, outs: outputsOf(await ctx.client.agreements.confirm(inputs.customerId, body)) };
  } catch (e) {
    // 600061 (an identical confirmation exists) or a retried request that did commit: take the confirmation over.
    const appeared = await adoptAfterLostAnswer(e, () => confirmation(ctx, inputs.customerId, inputs.primaryContact), {
      alsoAfter: isConflict,
    });
    return adopted(inputs, id, appeared);
  }
}

async function read(ctx: ResourceContext, id: string, props: Stored) {
  const [customerId] = parseId(TYPE, id, 2);
  let found: Agreement | undefined;
  try {
    found = await confirmation(ctx, customerId, props.primaryContact);
  } catch (e) {
    if (isNotFound(e)) return undefined;
    throw e;
  }
  if (!found) return undefined;
  return {
    customerId,
    ...(props.dateAgreed === undefined ? {} : { dateAgreed: found.dateAgreed ?? null }),
    ...outputsOf(found),
  };
}

async function update(): Promise<Out> {
  throw new Error(`${TYPE}: every input change replaces the confirmation; an in-place update is never planned`);
}

async function remove(ctx: ResourceContext, _id: string, props: Stored): Promise<void> {
  ctx.warn(
    `${describe(props)}: an agreement confirmation cannot be withdrawn in Partner Center, so it stays; Pulumi no longer manages it.`,
  );
}

// ---- export ----
export const customerAgreement = defineResource({
  type: TYPE,
  inputs: CustomerAgreementInputs,
  outputs: CustomerAgreementOutputs,
  rules: [cloudRule("agreements", TYPE, "customerId")],
  changeRules: [dateRule],
  diff: diffRules,
  describe,
  create,
  read,
  update,
  delete: remove,
});

/** Confirms that the customer accepted the Microsoft Customer Agreement; `templateId` is the MCA template confirmed. */
export const CustomerAgreement = resourceClass(customerAgreement);
export type CustomerAgreement = InstanceType<typeof CustomerAgreement>;
