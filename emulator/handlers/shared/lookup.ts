// Store look-ups shared by handlers: the route's customer, every customer of every partner, domain ownership.
import { ApiError, type RequestContext } from "../../http/types";
import type { CustomerRecord, StoreData } from "../../store/types";

/** The customer the router resolved for :customerId (it answers 404/403 itself; this guards misuse). */
export function routeCustomer(ctx: RequestContext): CustomerRecord {
  if (!ctx.customer) throw new ApiError(404, 60003, `Tenant ${ctx.params.customerId ?? ""} not found.`);
  return ctx.customer;
}

export function allCustomers(store: StoreData): CustomerRecord[] {
  return store.partners.flatMap((p) => p.customers);
}

/** Every domain name a customer owns: initial domain, custom domains and verified domains. */
export function domainsOf(customer: CustomerRecord): string[] {
  return [customer.companyProfile.domain, ...customer.customDomains, ...customer.domains.map((d) => d.name)].map((d) =>
    d.toLowerCase(),
  );
}

/** The customer (of any partner) that already uses `domain`, compared case-insensitively. */
export function domainOwner(store: StoreData, domain: string): CustomerRecord | undefined {
  const wanted = domain.toLowerCase();
  return allCustomers(store).find((c) => domainsOf(c).includes(wanted));
}

/** Countries whose customers must give organizationRegistrationNumber and a billing phone number (600049/600051). */
export const REGISTRATION_NUMBER_COUNTRIES = new Set([
  "AM",
  "AZ",
  "BY",
  "HU",
  "IN",
  "KZ",
  "KG",
  "MD",
  "RU",
  "TJ",
  "UZ",
  "UA",
  "BR",
  "ZA",
  "PL",
  "AE",
  "SA",
  "TR",
  "TH",
  "VN",
  "MM",
  "IQ",
  "SS",
  "VE",
]);
