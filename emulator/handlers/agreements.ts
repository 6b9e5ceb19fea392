// Agreements: agreement metadata, a customer's confirmed agreements, MCA direct-sign status, confirm MCA acceptance.
// https://learn.microsoft.com/partner-center/developer/confirm-customer-consent-customer-agreement (and sibling pages)
// Emulator choice: agreement metadata accepts App-only tokens (the page says "App+User" without "only").
// Emulator choice: agreementType matches case-insensitively; * = all; an unknown type -> 400/2000.
// Emulator choice: a confirmation needs templateId of a known template whose agreementType equals `type` (else
//   400/2000). A second confirmation of the same type with the same firstName, lastName, email (case-insensitive) and
//   phoneNumber -> 409/600061 in the richer error shape (the docs give no HTTP status).
// Emulator choice: the customer agreements list has the normal collection shape (the doc examples omit links/attributes).
import { z } from "zod";
import { ApiError, type RequestContext, type Route } from "../http/types";
import { collection } from "../http/collection";
import type { AgreementRecord } from "../store/types";
import { email, parseBody } from "./shared/body";
import { routeCustomer } from "./shared/lookup";

const DEFAULT_TYPE = "MicrosoftCloudAgreement";

function agreementTypeFilter(ctx: RequestContext): (type: string) => boolean {
  const raw = ctx.query.get("agreementType") ?? ctx.query.get("agreementtype") ?? DEFAULT_TYPE;
  if (raw === "*") return () => true;
  const known = new Set(
    [DEFAULT_TYPE, "MicrosoftCustomerAgreement", ...ctx.store.agreementMetadata.map((m) => m.agreementType)].map((t) =>
      t.toLowerCase(),
    ),
  );
  if (!known.has(raw.toLowerCase())) {
    throw new ApiError(
      400,
      2000,
      `agreementType must be MicrosoftCloudAgreement, MicrosoftCustomerAgreement or * (got '${raw.slice(0, 40)}').`,
    );
  }
  return (type) => type.toLowerCase() === raw.toLowerCase();
}

function agreementJson(a: AgreementRecord) {
  return {
    ...(a.userId ? { userId: a.userId } : {}),
    primaryContact: { ...a.primaryContact },
    templateId: a.templateId,
    dateAgreed: a.dateAgreed,
    type: a.type,
    agreementLink: a.agreementLink,
  };
}

const confirmSchema = z.object({
  primaryContact: z.object({
    firstName: z.string().trim().min(1, { message: "must not be empty" }),
    lastName: z.string().trim().min(1, { message: "must not be empty" }),
    email: email(),
    phoneNumber: z
      .string()
      .nullish()
      .transform((v) => v || undefined),
  }),
  templateId: z
    .string()
    .min(1, { message: "must be the templateId from GET /v1/agreements?agreementType=MicrosoftCustomerAgreement" }),
  dateAgreed: z
    .string()
    .refine((s) => !Number.isNaN(Date.parse(s)), { message: "must be an ISO-8601 date such as 2024-06-14T00:00:00Z" }),
  type: z.string().min(1),
});
const CONFIRM_FIX =
  'Send {primaryContact:{firstName, lastName, email, phoneNumber?}, templateId, dateAgreed, type:"MicrosoftCustomerAgreement"}.';

const listMetadata: Route = {
  method: "GET",
  pattern: "/v1/agreements",
  auth: "app-or-user",
  handle(ctx) {
    const matches = agreementTypeFilter(ctx);
    const items = ctx.store.agreementMetadata
      .filter((m) => matches(m.agreementType))
      .map((m) => ({
        templateId: m.templateId,
        agreementType: m.agreementType,
        agreementLink: m.agreementLink,
        versionRank: m.versionRank,
      }));
    return { status: 200, body: collection(items, `/v1/agreements`) };
  },
};

const listCustomerAgreements: Route = {
  method: "GET",
  pattern: "/v1/customers/:customerId/agreements",
  auth: "user-only",
  handle(ctx) {
    const customer = routeCustomer(ctx);
    const matches = agreementTypeFilter(ctx);
    return {
      status: 200,
      body: collection(
        customer.agreements.filter((a) => matches(a.type)).map(agreementJson),
        `/v1/customers/${customer.id}/agreements`,
      ),
    };
  },
};

const directSignStatus: Route = {
  method: "GET",
  pattern: "/v1/customers/:customerId/directSignedMicrosoftCustomerAgreementStatus",
  auth: "user-only",
  handle(ctx) {
    return { status: 200, body: { isSigned: routeCustomer(ctx).directSignedMca } };
  },
};

const confirmAgreement: Route = {
  method: "POST",
  pattern: "/v1/customers/:customerId/agreements",
  auth: "user-only",
  handle(ctx) {
    const customer = routeCustomer(ctx);
    const body = parseBody(confirmSchema, ctx.body, "agreement", CONFIRM_FIX);
    const template = ctx.store.agreementMetadata.find(
      (m) => m.templateId.toLowerCase() === body.templateId.toLowerCase(),
    );
    if (!template || template.agreementType.toLowerCase() !== body.type.toLowerCase()) {
      throw new ApiError(
        400,
        2000,
        `templateId ${body.templateId} is not a current ${body.type} template; get it from GET /v1/agreements?agreementType=${encodeURIComponent(body.type)}.`,
      );
    }
    const c = body.primaryContact;
    const duplicate = customer.agreements.some(
      (a) =>
        a.type.toLowerCase() === template.agreementType.toLowerCase() &&
        a.primaryContact.firstName === c.firstName &&
        a.primaryContact.lastName === c.lastName &&
        a.primaryContact.email.toLowerCase() === c.email.toLowerCase() &&
        (a.primaryContact.phoneNumber || undefined) === c.phoneNumber,
    );
    if (duplicate) {
      const message = "A partner confirmed agreement already exists for the customer.";
      throw new ApiError(409, 600061, message, [], {
        message,
        errorName: "PartnerConfirmedAgreementAlreadyExists",
        isRetryable: false,
        parameters: {},
        errorMessageExtended: "InternalErrorCode=600061",
      });
    }
    const record: AgreementRecord = {
      primaryContact: {
        firstName: c.firstName,
        lastName: c.lastName,
        email: c.email,
        ...(c.phoneNumber ? { phoneNumber: c.phoneNumber } : {}),
      },
      templateId: template.templateId,
      dateAgreed: new Date(body.dateAgreed).toISOString(),
      type: template.agreementType,
      agreementLink: template.agreementLink,
      ...(ctx.caller.userId ? { userId: ctx.caller.userId } : {}),
    };
    customer.agreements.push(record);
    ctx.changed();
    return { status: 201, body: agreementJson(record) };
  },
};

export const agreementRoutes: Route[] = [listMetadata, listCustomerAgreements, directSignStatus, confirmAgreement];
