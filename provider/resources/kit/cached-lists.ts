// Snapshot-backed readers of a customer's lists, shared by resources (reads) and by create-time lookups
// (resolving roleName -> roleId, skuPartNumber -> skuId, UPN -> user). `fresh: true` bypasses the snapshot;
// creates use it so a decision to create or adopt is never made on a list cached before someone else's change.

import { collect } from "../../client";
import {
  type Customer,
  type CustomerUser,
  type DirectoryRole,
  type License,
  type SelfServePolicy,
  type SubscribedSku,
  type Subscription,
  type UserMember,
} from "./api";
import type { ResourceContext } from "./define-resource";

export interface ReadOptions {
  fresh?: boolean;
}

function cached<T>(
  ctx: ResourceContext,
  customerId: string,
  kind: string,
  load: () => Promise<T>,
  opts?: ReadOptions,
): Promise<T> {
  return opts?.fresh ? load() : ctx.snapshot.get(customerId, kind, load);
}

export const usersOf = (ctx: ResourceContext, customerId: string, opts?: ReadOptions): Promise<CustomerUser[]> =>
  cached(ctx, customerId, "users", () => collect(ctx.client.users.list(customerId)), opts);

export const deletedUsersOf = (ctx: ResourceContext, customerId: string, opts?: ReadOptions): Promise<CustomerUser[]> =>
  cached(ctx, customerId, "deletedUsers", () => collect(ctx.client.users.listDeleted(customerId)), opts);

/**
 * The userPrincipalNames (lower case) of the customer's active and soft-deleted users, shared by creates: kind
 * "upnsInUse", which CustomerUser writes leave in place (a create adds only its own UPN, and a create that finds
 * its UPN here, or is refused, checks again with fresh lists).
 */
export const upnsInUseOf = (ctx: ResourceContext, customerId: string): Promise<Set<string>> =>
  cached(ctx, customerId, "upnsInUse", async () => {
    const [active, deleted] = await Promise.all([
      collect(ctx.client.users.list(customerId)),
      collect(ctx.client.users.listDeleted(customerId)),
    ]);
    return new Set([...active, ...deleted].map((u) => u.userPrincipalName.toLowerCase()));
  });

export const rolesOf = (ctx: ResourceContext, customerId: string, opts?: ReadOptions): Promise<DirectoryRole[]> =>
  cached(ctx, customerId, "roles", () => collect(ctx.client.roles.list(customerId)), opts);

export const roleMembersOf = (
  ctx: ResourceContext,
  customerId: string,
  roleId: string,
  opts?: ReadOptions,
): Promise<UserMember[]> =>
  cached(
    ctx,
    customerId,
    `roleMembers:${roleId.toLowerCase()}`,
    () => collect(ctx.client.roles.listMembers(customerId, roleId)),
    opts,
  );

export const subscribedSkusOf = (
  ctx: ResourceContext,
  customerId: string,
  opts?: ReadOptions,
): Promise<SubscribedSku[]> =>
  cached(ctx, customerId, "subscribedSkus", () => collect(ctx.client.licenses.listSubscribedSkus(customerId)), opts);

export const userLicensesOf = (
  ctx: ResourceContext,
  customerId: string,
  userId: string,
  opts?: ReadOptions,
): Promise<License[]> =>
  cached(
    ctx,
    customerId,
    `userLicenses:${userId.toLowerCase()}`,
    () => collect(ctx.client.licenses.listForUser(customerId, userId)),
    opts,
  );

export const subscriptionsOf = (
  ctx: ResourceContext,
  customerId: string,
  opts?: ReadOptions,
): Promise<Subscription[]> =>
  cached(ctx, customerId, "subscriptions", () => collect(ctx.client.subscriptions.list(customerId)), opts);

export const policiesOf = (ctx: ResourceContext, customerId: string, opts?: ReadOptions): Promise<SelfServePolicy[]> =>
  cached(ctx, customerId, "selfServePolicies", () => collect(ctx.client.selfServePolicies.list(customerId)), opts);

export const customerRecordOf = (ctx: ResourceContext, customerId: string, opts?: ReadOptions): Promise<Customer> =>
  cached(ctx, customerId, "customer", () => ctx.client.customers.get(customerId), opts);

/** Every domain of a customer, lower-cased: its initial (onmicrosoft.com) domain and its custom domains. */
export async function domainsOf(ctx: ResourceContext, customerId: string, opts?: ReadOptions): Promise<string[]> {
  const c = await customerRecordOf(ctx, customerId, opts);
  const all = [c.companyProfile?.domain, ...(c.customDomains ?? [])].filter(
    (d): d is string => typeof d === "string" && d !== "",
  );
  return [...new Set(all.map((d) => d.toLowerCase()))];
}

export const sameText = (a: string | null | undefined, b: string | null | undefined) =>
  (a ?? "").trim().toLowerCase() === (b ?? "").trim().toLowerCase();
export const sameId = sameText;
