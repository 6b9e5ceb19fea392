// Billing profile (get, PUT with etag) and company profile (read only, App+User only).
// https://learn.microsoft.com/partner-center/developer/update-a-customer-s-billing-profile
// Choice: the etag is sent both in the body and as If-Match: "<etag>" (the page requires the header).
import { guid, v1 } from "../ids";
import { invalidInput } from "../errors";
import { validateInput } from "../inputs";
import {
  BillingProfileSchema,
  CompanyProfileSchema,
  type BillingProfile,
  type CompanyProfile,
} from "../models/profiles";
import type { RequestRunner } from "../requestRunner";

export function ifMatch(etag: string): string {
  return etag.startsWith('"') || etag.startsWith('W/"') ? etag : `"${etag}"`;
}

export class ProfilesOperations {
  constructor(private readonly runner: RequestRunner) {}

  async getBilling(customerId: string): Promise<BillingProfile> {
    const id = guid("profiles.getBilling", "customerId", customerId);
    return this.runner.json(
      { operation: "profiles.getBilling", method: "GET", path: v1`/customers/${id}/profiles/billing`, customerId: id },
      BillingProfileSchema,
      "BillingProfile",
    );
  }

  /** Send the profile as read (with attributes.etag) and the fields changed. */
  async updateBilling(customerId: string, profile: BillingProfile): Promise<BillingProfile> {
    const operation = "profiles.updateBilling";
    const id = guid(operation, "customerId", customerId);
    const body = validateInput(operation, "profile", BillingProfileSchema, profile);
    const etag = body.attributes?.etag;
    if (!etag)
      throw invalidInput(
        operation,
        "profile.attributes.etag",
        "is required: read the profile with profiles.getBilling() and send it back with its etag",
      );
    return this.runner.json(
      {
        operation,
        method: "PUT",
        path: v1`/customers/${id}/profiles/billing`,
        customerId: id,
        body,
        headers: { "If-Match": ifMatch(etag) },
      },
      BillingProfileSchema,
      "BillingProfile",
    );
  }

  async getCompany(customerId: string): Promise<CompanyProfile> {
    const id = guid("profiles.getCompany", "customerId", customerId);
    return this.runner.json(
      {
        operation: "profiles.getCompany",
        method: "GET",
        path: v1`/customers/${id}/profiles/company`,
        customerId: id,
        appUserOnly: true,
      },
      CompanyProfileSchema,
      "CompanyProfile",
    );
  }
}
