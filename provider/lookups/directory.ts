// Directory lookups of one customer: users (active and soft-deleted), directory roles, licenses, self-serve policies.
// These operations need App+User credentials (partnercenter:refreshToken).
// https://learn.microsoft.com/partner-center/developer/get-a-list-of-all-user-accounts-for-a-customer

import type { CustomerUser, DirectoryRole, License, SelfServePolicy, SubscribedSku } from "../client";
import { lookupClient, type LookupOptions } from "./client";

export async function listUsers(customerId: string, options: LookupOptions = {}): Promise<CustomerUser[]> {
  return lookupClient(options).users.list(customerId).toArray();
}

/** Users deleted in the last 30 days (restorable; CustomerUser restores them by UPN). */
export async function listDeletedUsers(customerId: string, options: LookupOptions = {}): Promise<CustomerUser[]> {
  return lookupClient(options).users.listDeleted(customerId).toArray();
}

export async function listDirectoryRoles(customerId: string, options: LookupOptions = {}): Promise<DirectoryRole[]> {
  return lookupClient(options).roles.list(customerId).toArray();
}

export async function listUserRoles(
  customerId: string,
  userId: string,
  options: LookupOptions = {},
): Promise<DirectoryRole[]> {
  return lookupClient(options).roles.listForUser(customerId, userId).toArray();
}

/** The customer's subscribed SKUs with seat counts and service plans. */
export async function listAvailableLicenses(customerId: string, options: LookupOptions = {}): Promise<SubscribedSku[]> {
  return lookupClient(options).licenses.listSubscribedSkus(customerId).toArray();
}

export async function listUserLicenses(
  customerId: string,
  userId: string,
  options: LookupOptions = {},
): Promise<License[]> {
  return lookupClient(options).licenses.listForUser(customerId, userId).toArray();
}

/** One self-serve policy by its id (`<customer tenant id>_<partner tenant id>`). */
export async function getSelfServePolicy(policyId: string, options: LookupOptions = {}): Promise<SelfServePolicy> {
  return lookupClient(options).selfServePolicies.get(policyId);
}

export async function listSelfServePolicies(
  customerId: string,
  options: LookupOptions = {},
): Promise<SelfServePolicy[]> {
  return lookupClient(options).selfServePolicies.list(customerId).toArray();
}
