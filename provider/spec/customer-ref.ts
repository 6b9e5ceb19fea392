// Resolves a spec's `customer` (tenant id or domain) to the customer tenant id.
// Partner Center quirk: the customer search filter only knows starts_with, so a domain search is narrowed to
// the exact initial or custom domain here. https://learn.microsoft.com/partner-center/developer/get-a-list-of-customers-filtered-by-a-search-field
// Choice: the search field Domain holds the initial (onmicrosoft.com) domain only, and the customer list has no custom
// domains, so a custom domain is not looked up customer by customer (one call per customer): the message asks for the
// initial domain or the tenant id instead.

import { collect, type PartnerCenterClient } from "../client";
import { isGuid } from "./fields";

export type CustomerLookup = Pick<PartnerCenterClient, "customers">;

export async function resolveCustomerId(client: CustomerLookup, ref: string): Promise<string> {
  if (isGuid(ref)) return ref.toLowerCase();
  const domain = ref.toLowerCase();
  const found = (await collect(client.customers.search({ field: "Domain", value: domain }))).filter((c) =>
    [c.companyProfile?.domain, ...(c.customDomains ?? [])].some((d) => d?.toLowerCase() === domain),
  );
  if (found.length === 0) {
    const initialOnly = /\.onmicrosoft\.(com|us|de)$|\.partner\.onmschina\.cn$/i.test(domain)
      ? ""
      : " as its initial domain (Partner Center searches customers by their initial domain only, e.g. contoso.onmicrosoft.com)";
    throw new Error(
      `no customer of this partner has the domain ${ref}${initialOnly}. Fix: check the spelling, or write the customer's initial domain or tenant id instead`,
    );
  }
  if (found.length > 1)
    throw new Error(
      `${found.length} customers have the domain ${ref} (${found.map((c) => c.id).join(", ")}). Fix: write the customer's tenant id instead`,
    );
  return found[0].id.toLowerCase();
}
