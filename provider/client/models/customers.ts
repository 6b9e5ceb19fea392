// Customer, its profiles as returned inside a customer, and the reseller-relationship shapes.
// https://learn.microsoft.com/partner-center/developer/customer-resources
import { z } from "zod";
import { AttributesSchema, LinksSchema, nullableString } from "./common";

export const AddressSchema = z.looseObject({
  addressLine1: nullableString,
  addressLine2: nullableString,
  city: nullableString,
  state: nullableString,
  postalCode: nullableString,
  country: nullableString,
  region: nullableString,
  firstName: nullableString,
  middleName: nullableString,
  lastName: nullableString,
  phoneNumber: nullableString,
});
export type Address = z.infer<typeof AddressSchema>;

export const CompanyProfileSchema = z.looseObject({
  tenantId: nullableString,
  domain: z.string(),
  companyName: nullableString,
  address: AddressSchema.nullable().optional(),
  email: nullableString,
  organizationRegistrationNumber: nullableString,
  links: LinksSchema.optional(),
  attributes: AttributesSchema.optional(),
});
export type CompanyProfile = z.infer<typeof CompanyProfileSchema>;

export const BillingProfileSchema = z.looseObject({
  id: nullableString,
  firstName: nullableString,
  lastName: nullableString,
  email: nullableString,
  culture: nullableString,
  language: nullableString,
  companyName: nullableString,
  defaultAddress: AddressSchema.nullable().optional(),
  links: LinksSchema.optional(),
  attributes: AttributesSchema.optional(),
});
export type BillingProfile = z.infer<typeof BillingProfileSchema>;

export const CustomerSchema = z.looseObject({
  id: z.string(),
  commerceId: nullableString,
  companyProfile: CompanyProfileSchema.nullable().optional(),
  billingProfile: BillingProfileSchema.nullable().optional(),
  relationshipToPartner: nullableString,
  allowDelegatedAccess: z.boolean().nullable().optional(),
  userCredentials: z.looseObject({ userName: nullableString, password: nullableString }).nullable().optional(),
  customDomains: z.array(z.string()).nullable().optional(),
  associatedPartnerId: nullableString,
  enableGDAPByDefault: z.boolean().nullable().optional(),
  links: LinksSchema.optional(),
  attributes: AttributesSchema.optional(),
});
export type Customer = z.infer<typeof CustomerSchema>;

/** Body of create customer: company and billing profile (required fields per the create-customer page). */
export const CustomerCreateSchema = z.looseObject({
  enableGDAPByDefault: z.boolean().optional(),
  associatedPartnerId: z.string().optional(),
  companyProfile: z.looseObject({ domain: z.string().min(1), organizationRegistrationNumber: z.string().optional() }),
  billingProfile: z.looseObject({
    email: z.string().min(3),
    culture: z.string().min(2),
    language: z.string().min(2),
    companyName: z.string().min(1),
    defaultAddress: AddressSchema.extend({ addressLine1: z.string().min(1), country: z.string().length(2) }),
  }),
});
export type CustomerCreate = z.infer<typeof CustomerCreateSchema>;

/** The remove-relationship PATCH answers a mostly-null customer (documented in PascalCase; keys are camelised). */
export const RelationshipRemovalSchema = z.looseObject({ relationshipToPartner: z.string() });
export type RelationshipRemoval = z.infer<typeof RelationshipRemovalSchema>;

export const RelationshipRequestSchema = z.looseObject({ url: z.string(), attributes: AttributesSchema.optional() });
export type RelationshipRequest = z.infer<typeof RelationshipRequestSchema>;

export const CustomerSearchFieldSchema = z.enum([
  "CompanyName",
  "Domain",
  "IndirectReseller",
  "IndirectCloudSolutionProvider",
]);
export type CustomerSearchField = z.infer<typeof CustomerSearchFieldSchema>;
