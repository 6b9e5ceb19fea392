// Customers: create, list/search (paged), get, delete (sandbox), reseller relationship request URL and removal.
// https://learn.microsoft.com/partner-center/developer/create-a-customer (and sibling pages)
// Emulator choice: create answers 201 with userCredentials {userName:"admin", password: generated}, creates that admin
//   user (Global Administrator) and the standard directory roles; the response shows relationshipToPartner "none"
//   as the documented example does, the stored customer is a "reseller" customer. A supplied password is ignored.
// Emulator choice: companyProfile.domain must be a full DNS name (e.g. contoso.onmicrosoft.com); a domain already used
//   by any customer of any partner -> 409/600014.
// Emulator choice: organizationRegistrationNumber for the documented countries must match
//   ^[A-Za-z0-9][A-Za-z0-9 ./-]{3,29}$ (600050); culture is normalised to ll-CC, language to lower case.
// Emulator choice: customers created through the API are integration-sandbox customers (deletable); deleting a
//   non-sandbox customer -> 403/600006 (seen on the live service for forbidden customer actions).
// Emulator choice: search fields CompanyName, Domain (initial domain), IndirectReseller and
//   IndirectCloudSolutionProvider (both match associatedPartnerId); starts_with and equals, case-insensitive.
// Emulator choice: get-by-id omits companyProfile.address/email and customDomains when allowDelegatedAccess is false.
// Emulator choice: removing the reseller relationship keeps the customer listed with relationshipToPartner "none"
//   and allowDelegatedAccess false; asking for any other relationship value -> 400/2000.
// Emulator choice: the removal is refused with 409/2000 while the customer has a reservedInstance entitlement whose
//   expiryDate is absent or not yet reached (the documented precondition; the docs name no error), the description
//   naming the orders and the fix (cancel the Reserved VM Instances through Azure support first).
import { randomBytes, randomUUID } from "crypto";
import { z } from "zod";
import { ApiError, type Route } from "../http/types";
import { link, parseFilter, sameEnum, seekPage } from "../http/collection";
import type { CustomerRecord, RoleRecord } from "../store/types";
import { email, guid, parseBody } from "./shared/body";
import { entitlementTypeOf } from "./entitlements";
import { numericEtag } from "./shared/etag";
import { domainOwner, REGISTRATION_NUMBER_COUNTRIES, routeCustomer } from "./shared/lookup";
import { addressSchema, requirePhoneWhereMandatory } from "./shared/addressSchema";
import { billingProfileJson, companyProfileJson } from "./shared/profileJson";

export const REGISTRATION_NUMBER_PATTERN = /^[A-Za-z0-9][A-Za-z0-9 ./-]{3,29}$/;

/** Entra built-in role template ids, used as directory role ids in tenants the emulator creates. */
const STANDARD_ROLES: Array<[string, string]> = [
  ["62e90394-69f5-4237-9190-012177145e10", "Global Administrator"],
  ["fe930be7-5e62-47db-91af-98c3a49a38b1", "User Administrator"],
  ["729827e3-9c14-49f7-bb1b-9608f156bbb8", "Helpdesk Administrator"],
  ["b0f54661-2d74-4c50-afa3-1ec803f12efe", "Billing Administrator"],
  ["4d6ac14f-3453-41d0-bef9-a3e0c569773a", "License Administrator"],
  ["88d8e3e3-8f55-4a1e-953a-9b9898b8876b", "Directory Readers"],
  ["9360feb5-f418-4baa-8175-e2a00bac4301", "Directory Writers"],
  ["f2ef992c-3afb-46b9-b7cf-a126ee74c451", "Global Reader"],
  ["e8611ab8-c189-46e8-94e1-60213ab1f814", "Privileged Role Administrator"],
];

const domainSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^(?=.{4,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/, {
    message: "must be a full domain name such as contoso.onmicrosoft.com",
  });

const createCustomerSchema = z.object({
  companyProfile: z.object({
    domain: domainSchema,
    organizationRegistrationNumber: z
      .string()
      .trim()
      .nullish()
      .transform((v) => v || undefined),
  }),
  billingProfile: z.object({
    email: email(),
    culture: z.string().regex(/^[A-Za-z]{2,3}-[A-Za-z]{2}$/, { message: "must be a culture such as en-US" }),
    language: z.string().regex(/^[A-Za-z]{2}$/, { message: "must be a 2-letter language code such as en" }),
    companyName: z.string().trim().min(1, { message: "must not be empty" }).max(200),
    firstName: z
      .string()
      .nullish()
      .transform((v) => v ?? undefined),
    lastName: z
      .string()
      .nullish()
      .transform((v) => v ?? undefined),
    defaultAddress: addressSchema,
  }),
  associatedPartnerId: guid()
    .nullish()
    .transform((v) => v ?? undefined),
  enableGDAPByDefault: z
    .boolean()
    .nullish()
    .transform((v) => v ?? undefined),
});
const CREATE_FIX =
  "Send {companyProfile:{domain}, billingProfile:{email, culture, language, companyName, defaultAddress:{country, city, addressLine1, postalCode}}}.";

function generatedPassword(): string {
  return `${randomBytes(12).toString("base64url")}Aa1!`;
}

export function customerJson(c: CustomerRecord) {
  const delegated = c.allowDelegatedAccess;
  return {
    id: c.id,
    commerceId: c.commerceId,
    companyProfile: companyProfileJson(c, delegated),
    billingProfile: billingProfileJson(c),
    relationshipToPartner: c.relationshipToPartner,
    allowDelegatedAccess: c.allowDelegatedAccess,
    ...(delegated ? { customDomains: [...c.customDomains] } : {}),
    ...(c.associatedPartnerId ? { associatedPartnerId: c.associatedPartnerId } : {}),
    ...(c.enableGDAPByDefault !== undefined ? { enableGDAPByDefault: c.enableGDAPByDefault } : {}),
    links: { self: link(`/customers/${c.id}`) },
    attributes: { objectType: "Customer" },
  };
}

function customerSummaryJson(c: CustomerRecord) {
  return {
    id: c.id,
    commerceId: c.commerceId,
    companyProfile: {
      tenantId: c.companyProfile.tenantId,
      domain: c.companyProfile.domain,
      companyName: c.companyProfile.companyName,
      links: { self: link(`/customers/${c.id}/profiles/company`) },
      attributes: { objectType: "CustomerCompanyProfile" },
    },
    relationshipToPartner: c.relationshipToPartner,
    ...(c.associatedPartnerId ? { associatedPartnerId: c.associatedPartnerId } : {}),
    links: { self: link(`/customers/${c.id}`) },
    attributes: { objectType: "Customer" },
  };
}

function customerFilter(raw: string | null): (c: CustomerRecord) => boolean {
  const filter = parseFilter(raw);
  if (!filter) return () => true;
  const fields: Record<string, (c: CustomerRecord) => string | undefined> = {
    companyname: (c) => c.companyProfile.companyName,
    domain: (c) => c.companyProfile.domain,
    indirectreseller: (c) => c.associatedPartnerId,
    indirectcloudsolutionprovider: (c) => c.associatedPartnerId,
  };
  const read = fields[filter.field.replace(/_/g, "").toLowerCase()];
  if (!read)
    throw new ApiError(
      400,
      2000,
      `Customer search field must be CompanyName, Domain, IndirectReseller or IndirectCloudSolutionProvider (got '${filter.field.slice(0, 40)}').`,
    );
  const startsWith = sameEnum(filter.operator, "starts_with");
  if (!startsWith && !sameEnum(filter.operator, "equals"))
    throw new ApiError(400, 2000, "Customer search only allows starts with and equals operation.");
  const wanted = filter.value.toLowerCase();
  return (c) => {
    const value = read(c)?.toLowerCase();
    return value !== undefined && (startsWith ? value.startsWith(wanted) : value === wanted);
  };
}

const createCustomer: Route = {
  method: "POST",
  pattern: "/v1/customers",
  auth: "app-or-user",
  handle(ctx) {
    const body = parseBody(createCustomerSchema, ctx.body, "customer", CREATE_FIX);
    const address = body.billingProfile.defaultAddress;
    const registration = body.companyProfile.organizationRegistrationNumber;
    if (REGISTRATION_NUMBER_COUNTRIES.has(address.country)) {
      if (!registration)
        throw new ApiError(
          400,
          600049,
          `companyProfile.organizationRegistrationNumber is required for customers in ${address.country}.`,
        );
      if (!REGISTRATION_NUMBER_PATTERN.test(registration)) {
        throw new ApiError(
          400,
          600050,
          `companyProfile.organizationRegistrationNumber is invalid; it must match ${REGISTRATION_NUMBER_PATTERN.source}.`,
        );
      }
      requirePhoneWhereMandatory(address);
    } else if (registration) {
      throw new ApiError(
        400,
        600002,
        `companyProfile.organizationRegistrationNumber is not used for customers in ${address.country}; leave it out.`,
      );
    }
    const domain = body.companyProfile.domain;
    if (domainOwner(ctx.store, domain))
      throw new ApiError(
        409,
        600014,
        `The domain ${domain} is already in use; check availability with HEAD /v1/domains/{domain} and pick another.`,
      );
    const [lang, country] = body.billingProfile.culture.split("-");
    const id = randomUUID();
    const now = ctx.now().toISOString();
    const adminPassword = generatedPassword();
    const adminId = randomUUID();
    const roles: RoleRecord[] = STANDARD_ROLES.map(([roleId, name]) => ({
      id: roleId,
      name,
      memberIds: name === "Global Administrator" ? [adminId] : [],
    }));
    const customer: CustomerRecord = {
      id,
      commerceId: randomUUID(),
      partnerId: ctx.partner.tenantId,
      companyProfile: {
        tenantId: id,
        domain,
        companyName: body.billingProfile.companyName,
        address: { ...address },
        email: body.billingProfile.email,
        ...(registration ? { organizationRegistrationNumber: registration } : {}),
      },
      billingProfile: {
        id: randomUUID(),
        firstName: body.billingProfile.firstName,
        lastName: body.billingProfile.lastName,
        email: body.billingProfile.email,
        culture: `${lang.toLowerCase()}-${country.toUpperCase()}`,
        language: body.billingProfile.language.toLowerCase(),
        companyName: body.billingProfile.companyName,
        defaultAddress: { ...address },
        etag: numericEtag(),
      },
      relationshipToPartner: "reseller",
      allowDelegatedAccess: true,
      customDomains: [],
      ...(body.associatedPartnerId ? { associatedPartnerId: body.associatedPartnerId } : {}),
      ...(body.enableGDAPByDefault !== undefined ? { enableGDAPByDefault: body.enableGDAPByDefault } : {}),
      isSandbox: true,
      users: [
        {
          id: adminId,
          userPrincipalName: `admin@${domain}`,
          displayName: "admin",
          password: adminPassword,
          forceChangePassword: true,
          passwordChangedAt: now,
          userDomainType: "managed",
          state: "active",
          softDeletionTime: null,
          lastDirectorySyncTime: null,
          createdAt: now,
        },
      ],
      roles,
      skus: [],
      licenses: [],
      subscriptions: [],
      orders: [],
      entitlements: [],
      domains: [],
      agreements: [],
      qualifications: [],
      legacyQualification: "none",
      usageBudget: null,
      directSignedMca: false,
    };
    ctx.partner.customers.push(customer);
    ctx.changed();
    return {
      status: 201,
      body: {
        ...customerJson(customer),
        relationshipToPartner: "none",
        userCredentials: { userName: "admin", password: adminPassword },
      },
    };
  },
};

const relationshipRequestUrl: Route = {
  method: "GET",
  pattern: "/v1/customers/relationshiprequests",
  auth: "user-only",
  handle(ctx) {
    const url = `https://admin.microsoft.com/Adminportal/Home?invType=ResellerRelationship&partnerId=${ctx.partner.tenantId}&msppId=0&DAP=false#/BillingAccounts/partner-invitation`;
    return { status: 200, body: { url, attributes: { objectType: "RelationshipRequest" } } };
  },
};

const listCustomers: Route = {
  method: "GET",
  pattern: "/v1/customers",
  auth: "app-or-user",
  handle(ctx) {
    const matches = ctx.partner.customers.filter(customerFilter(ctx.query.get("filter")));
    const page = seekPage(ctx, matches, {
      basePath: "/v1/customers",
      scope: `customers:${ctx.partner.tenantId}`,
      carried: { filter: ctx.query.get("filter") },
    });
    return { status: 200, body: { ...page, items: page.items.map(customerSummaryJson) } };
  },
};

const getCustomer: Route = {
  method: "GET",
  pattern: "/v1/customers/:customerId",
  auth: "app-or-user",
  handle(ctx) {
    return { status: 200, body: customerJson(routeCustomer(ctx)) };
  },
};

const removeRelationshipSchema = z.object({ relationshipToPartner: z.string() });

const removeRelationship: Route = {
  method: "PATCH",
  pattern: "/v1/customers/:customerId",
  auth: "user-only",
  handle(ctx) {
    const customer = routeCustomer(ctx);
    const body = parseBody(
      removeRelationshipSchema,
      ctx.body,
      "customer update",
      'Send {"relationshipToPartner":"none","attributes":{"objectType":"Customer"}}.',
    );
    if (!sameEnum(body.relationshipToPartner, "none")) {
      throw new ApiError(
        400,
        2000,
        `Only removing the reseller relationship is supported: relationshipToPartner must be "none" (got '${body.relationshipToPartner.slice(0, 40)}').`,
      );
    }
    const reserved = customer.entitlements.filter(
      (e) =>
        entitlementTypeOf(e.entitlementType) === "reservedinstance" &&
        !(e.expiryDate && Date.parse(e.expiryDate) <= ctx.now().getTime()),
    );
    if (reserved.length > 0)
      throw new ApiError(
        409,
        2000,
        `The reseller relationship cannot be removed while the customer has active Azure Reserved VM Instances (orders ${reserved.map((e) => e.referenceOrder.id).join(", ")}). Cancel them through Azure support first.`,
      );
    customer.relationshipToPartner = "none";
    customer.allowDelegatedAccess = false;
    ctx.changed();
    return {
      status: 200,
      body: {
        Id: null,
        CommerceId: null,
        CompanyProfile: null,
        BillingProfile: null,
        RelationshipToPartner: "none",
        AllowDelegatedAccess: null,
        UserCredentials: null,
        CustomDomains: null,
        AssociatedPartnerId: null,
        Attributes: { ObjectType: "Customer" },
      },
    };
  },
};

const deleteCustomer: Route = {
  method: "DELETE",
  pattern: "/v1/customers/:customerId",
  auth: "app-or-user",
  handle(ctx) {
    const customer = routeCustomer(ctx);
    if (!customer.isSandbox)
      throw new ApiError(
        403,
        600006,
        "The requested action is not allowed: only integration sandbox customers can be deleted.",
      );
    ctx.partner.customers = ctx.partner.customers.filter((c) => c.id !== customer.id);
    ctx.store.selfServePolicies = ctx.store.selfServePolicies.filter(
      (p) => p.entityTenantId.toLowerCase() !== customer.id.toLowerCase(),
    );
    ctx.changed();
    return { status: 204 };
  },
};

/** relationshiprequests must precede /v1/customers/:customerId in the route list. */
export const customerRoutes: Route[] = [
  relationshipRequestUrl,
  createCustomer,
  listCustomers,
  getCustomer,
  removeRelationship,
  deleteCustomer,
];
