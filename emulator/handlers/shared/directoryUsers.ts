// Customer-user state shared by the users, roles and licenses handlers: soft-delete purge, lookup, seats.
import { ApiError, type RequestContext } from "../../http/types";
import type { CustomerRecord, SubscribedSkuRecord, UserRecord } from "../../store/types";
import { routeCustomer } from "./lookup";

export const SOFT_DELETE_RETENTION_MS = 30 * 24 * 60 * 60 * 1000;

/** Removes users soft-deleted 30 days ago or more (with their role memberships and licenses); returns true if any. */
export function purgeExpiredUsers(customer: CustomerRecord, now: Date): boolean {
  const expired = new Set(
    customer.users
      .filter(
        (u) =>
          u.state === "inactive" &&
          u.softDeletionTime !== null &&
          Date.parse(u.softDeletionTime) + SOFT_DELETE_RETENTION_MS <= now.getTime(),
      )
      .map((u) => u.id),
  );
  if (expired.size === 0) return false;
  customer.users = customer.users.filter((u) => !expired.has(u.id));
  customer.licenses = customer.licenses.filter((l) => !expired.has(l.userId));
  for (const role of customer.roles) role.memberIds = role.memberIds.filter((id) => !expired.has(id));
  return true;
}

/** The route's customer, its expired soft-deleted users purged first (the store marked changed when any were). */
export function routeCustomerPurged(ctx: RequestContext): CustomerRecord {
  const customer = routeCustomer(ctx);
  if (purgeExpiredUsers(customer, ctx.now())) ctx.changed();
  return customer;
}

export function userNotFound(userId: string): ApiError {
  return new ApiError(404, 60002, `User object ID ${userId} isn't found.`);
}

/** An active user by object id (or UPN when `allowUpn`), else 404/60002. Soft-deleted users are not found. */
export function activeUser(customer: CustomerRecord, userId: string, allowUpn = false): UserRecord {
  const wanted = userId.toLowerCase();
  const user = customer.users.find(
    (u) =>
      u.state === "active" &&
      (u.id.toLowerCase() === wanted || (allowUpn && u.userPrincipalName.toLowerCase() === wanted)),
  );
  if (!user) throw userNotFound(userId);
  return user;
}

/** Eventual consistency: an invisible user costs one request that names it (a read, or a role or license write for it) and stays hidden; returns true while hidden. */
export function consumeInvisibleRead(ctx: RequestContext, user: UserRecord): boolean {
  if (!user.invisibleReads || user.invisibleReads <= 0) return false;
  user.invisibleReads -= 1;
  if (user.invisibleReads === 0) delete user.invisibleReads;
  ctx.changed();
  return true;
}

/** Seats in use: assignments held by active users (a soft-deleted user's assignment keeps no seat). */
export function consumedUnits(customer: CustomerRecord, sku: SubscribedSkuRecord): number {
  const active = new Set(customer.users.filter((u) => u.state === "active").map((u) => u.id));
  return customer.licenses.filter((l) => l.skuId === sku.id && active.has(l.userId)).length;
}

export function totalUnits(sku: SubscribedSkuRecord): number {
  return sku.activeUnits + sku.warningUnits;
}

export function userLink(customerId: string, userId: string) {
  return {
    uri: `/customers/${customerId}/users/${userId}`,
    method: "GET",
    headers: [] as Array<{ key: string; value: string }>,
  };
}
