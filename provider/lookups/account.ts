// Customer account lookups: billing and company profiles, usage budget, agreements (metadata, confirmations,
// direct-sign status), the partner's GCC validation codes, qualifications, and domain availability.
// https://learn.microsoft.com/partner-center/developer/customer-resources
// Partner Center quirk: agreement metadata and confirmations default to MicrosoftCloudAgreement when no type is given;
// these lookups ask for MicrosoftCustomerAgreement unless told otherwise.
// Choice: getUsageBudget answers the amount (null = no budget), not the wire object.
// Choice: the company profile, customer agreements and direct-sign status need App+User credentials (refreshToken).

import type {
  Agreement,
  AgreementMetadata,
  AgreementType,
  BillingProfile,
  CompanyProfile,
  Qualification,
  ValidationCode,
} from "../client";
import { lookupClient, type LookupOptions } from "./client";

export interface AgreementTypeOptions extends LookupOptions {
  /** Default "MicrosoftCustomerAgreement"; "*" means every type. */
  agreementType?: AgreementType;
}

const MCA: AgreementType = "MicrosoftCustomerAgreement";

export async function getBillingProfile(customerId: string, options: LookupOptions = {}): Promise<BillingProfile> {
  return lookupClient(options).profiles.getBilling(customerId);
}

/** Needs App+User credentials. Address and email are absent when the partner has no delegated access. */
export async function getCompanyProfile(customerId: string, options: LookupOptions = {}): Promise<CompanyProfile> {
  return lookupClient(options).profiles.getCompany(customerId);
}

/** The monthly usage spending budget, or null when the customer has none. */
export async function getUsageBudget(customerId: string, options: LookupOptions = {}): Promise<number | null> {
  const budget = await lookupClient(options).budget.get(customerId);
  return budget.amount ?? null;
}

/** Current agreement templates; CustomerAgreement confirms the MicrosoftCustomerAgreement one. */
export async function getAgreementMetadata(options: AgreementTypeOptions = {}): Promise<AgreementMetadata[]> {
  return lookupClient(options)
    .agreements.listMetadata(options.agreementType ?? MCA)
    .toArray();
}

/** The agreement acceptances the partner confirmed for a customer (App+User). */
export async function listCustomerAgreements(
  customerId: string,
  options: AgreementTypeOptions = {},
): Promise<Agreement[]> {
  return lookupClient(options)
    .agreements.listForCustomer(customerId, options.agreementType ?? MCA)
    .toArray();
}

/** true when the customer accepted the Microsoft Customer Agreement directly in the admin center (App+User). */
export async function getDirectSignStatus(customerId: string, options: LookupOptions = {}): Promise<boolean> {
  return (await lookupClient(options).agreements.getDirectSignStatus(customerId)).isSigned;
}

/** The partner's Government Community Cloud validation codes (for CustomerQualification). */
export async function getValidationCodes(options: LookupOptions = {}): Promise<ValidationCode[]> {
  return lookupClient(options).validations.listCodes().toArray();
}

export async function getQualifications(customerId: string, options: LookupOptions = {}): Promise<Qualification[]> {
  return lookupClient(options).qualifications.list(customerId).toArray();
}

/** true when no tenant uses the domain yet (it can be given to a new Customer). */
export async function checkDomainAvailability(domain: string, options: LookupOptions = {}): Promise<boolean> {
  return lookupClient(options).customers.checkDomainAvailability(domain);
}
