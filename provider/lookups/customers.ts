// Customer lookups: list, get, find by company name or domain prefix, and the reseller invitation URL.
// Partner Center quirk: customer search only supports "starts with" on CompanyName or Domain.
// https://learn.microsoft.com/partner-center/developer/get-a-list-of-customers-filtered-by-a-search-field

import type { Customer } from "../client";
import { lookupClient, type LookupOptions } from "./client";

export async function listCustomers(options: LookupOptions = {}): Promise<Customer[]> {
  return lookupClient(options).customers.list().toArray();
}

export async function getCustomer(customerId: string, options: LookupOptions = {}): Promise<Customer> {
  return lookupClient(options).customers.get(customerId);
}

export interface FindCustomersOptions extends LookupOptions {
  /** Which field to match; default both (results merged, each customer once). */
  by?: "companyName" | "domain" | "either";
}

/** Customers whose company name or default domain starts with `prefix` (case-insensitive). */
export async function findCustomers(prefix: string, options: FindCustomersOptions = {}): Promise<Customer[]> {
  const client = lookupClient(options);
  const by = options.by ?? "either";
  const searches: Array<Promise<Customer[]>> = [];
  if (by !== "domain") searches.push(client.customers.search({ field: "CompanyName", value: prefix }).toArray());
  if (by !== "companyName") searches.push(client.customers.search({ field: "Domain", value: prefix }).toArray());
  const seen = new Map<string, Customer>();
  for (const list of await Promise.all(searches))
    for (const c of list) if (!seen.has(c.id.toLowerCase())) seen.set(c.id.toLowerCase(), c);
  return [...seen.values()];
}

/** The URL a prospective customer opens to accept a reseller relationship with the partner (needs App+User). */
export async function getRelationshipRequestUrl(options: LookupOptions = {}): Promise<string> {
  return lookupClient(options).customers.getRelationshipRequestUrl();
}
