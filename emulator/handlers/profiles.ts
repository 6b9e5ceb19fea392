// Customer profiles: billing profile GET/PUT (optimistic concurrency) and company profile GET.
// https://learn.microsoft.com/partner-center/developer/update-a-customer-s-billing-profile (and sibling pages)
// Emulator choice: the PUT etag is read from If-Match (wins when present) or the body's attributes.etag (what the .NET
//   SDK sends); neither -> 400/2000 naming both places; a different etag -> 400/2055. Every update issues a new etag.
// Emulator choice: PUT replaces the whole profile except id; the phone rule 600051 applies as on customer create.
import { z } from "zod";
import { ApiError, type Route } from "../http/types";
import { email, parseBody } from "./shared/body";
import { callerEtag, numericEtag, sameEtag } from "./shared/etag";
import { routeCustomer } from "./shared/lookup";
import { addressSchema, requirePhoneWhereMandatory } from "./shared/addressSchema";
import { billingProfileJson, companyProfileJson } from "./shared/profileJson";

const billingProfileSchema = z.object({
  firstName: z
    .string()
    .max(50)
    .nullish()
    .transform((v) => v ?? undefined),
  lastName: z
    .string()
    .max(50)
    .nullish()
    .transform((v) => v ?? undefined),
  email: email(),
  culture: z.string().regex(/^[A-Za-z]{2,3}-[A-Za-z]{2}$/, { message: "must be a culture such as en-US" }),
  language: z.string().regex(/^[A-Za-z]{2}$/, { message: "must be a 2-letter language code such as en" }),
  companyName: z.string().trim().min(1, { message: "must not be empty" }).max(200),
  defaultAddress: addressSchema,
});
const BILLING_FIX =
  "GET the billing profile, change it, and PUT the whole profile back with its attributes.etag (or If-Match).";

const getBillingProfile: Route = {
  method: "GET",
  pattern: "/v1/customers/:customerId/profiles/billing",
  auth: "app-or-user",
  handle(ctx) {
    return { status: 200, body: billingProfileJson(routeCustomer(ctx)) };
  },
};

const updateBillingProfile: Route = {
  method: "PUT",
  pattern: "/v1/customers/:customerId/profiles/billing",
  auth: "app-or-user",
  handle(ctx) {
    const customer = routeCustomer(ctx);
    const etag = callerEtag(ctx);
    if (etag === undefined)
      throw new ApiError(
        400,
        2000,
        `The billing profile update needs its etag: send If-Match: "<etag>" or attributes.etag from the last GET. ${BILLING_FIX}`,
      );
    if (!sameEtag(etag, customer.billingProfile.etag))
      throw new ApiError(
        400,
        2055,
        "Etag is no longer valid. GET the billing profile again and retry with its current etag.",
      );
    const body = parseBody(billingProfileSchema, ctx.body, "billing profile", BILLING_FIX);
    requirePhoneWhereMandatory(body.defaultAddress);
    const [lang, country] = body.culture.split("-");
    customer.billingProfile = {
      id: customer.billingProfile.id,
      firstName: body.firstName,
      lastName: body.lastName,
      email: body.email,
      culture: `${lang.toLowerCase()}-${country.toUpperCase()}`,
      language: body.language.toLowerCase(),
      companyName: body.companyName,
      defaultAddress: body.defaultAddress,
      etag: numericEtag(),
    };
    ctx.changed();
    return { status: 200, body: billingProfileJson(customer) };
  },
};

const getCompanyProfile: Route = {
  method: "GET",
  pattern: "/v1/customers/:customerId/profiles/company",
  auth: "user-only",
  handle(ctx) {
    const customer = routeCustomer(ctx);
    return { status: 200, body: companyProfileJson(customer, customer.allowDelegatedAccess) };
  },
};

export const profileRoutes: Route[] = [getBillingProfile, updateBillingProfile, getCompanyProfile];
