// Subscription, order and entitlement lookups of one customer.
// https://learn.microsoft.com/partner-center/developer/get-all-of-a-customer-s-subscriptions

import type { BillingCycle, Entitlement, Order, Subscription } from "../client";
import { lookupClient, type LookupOptions } from "./client";

export async function listSubscriptions(customerId: string, options: LookupOptions = {}): Promise<Subscription[]> {
  return lookupClient(options).subscriptions.list(customerId).toArray();
}

export async function getSubscription(
  customerId: string,
  subscriptionId: string,
  options: LookupOptions = {},
): Promise<Subscription> {
  return lookupClient(options).subscriptions.get(customerId, subscriptionId);
}

export async function listOrders(
  customerId: string,
  options: LookupOptions & { billingCycle?: BillingCycle } = {},
): Promise<Order[]> {
  return lookupClient(options)
    .orders.list(customerId, options.billingCycle ? { billingType: options.billingCycle } : {})
    .toArray();
}

export async function listEntitlements(
  customerId: string,
  options: LookupOptions & { entitlementType?: string; showExpiry?: boolean } = {},
): Promise<Entitlement[]> {
  const { entitlementType, showExpiry } = options;
  return lookupClient(options).entitlements.list(customerId, { entitlementType, showExpiry }).toArray();
}
