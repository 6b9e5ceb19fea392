// Removing the partner's reseller relationship with a customer: the documented precondition (every Azure Reserved VM
// Instance cancelled first, App+User credentials), shared by `Customer` (deletionPolicy "removeResellerRelationship")
// and `partner-center remove-reseller-relationship`.
// https://learn.microsoft.com/partner-center/developer/remove-a-reseller-relationship-with-a-customer
// Choice: an active Azure reservation is a reservedInstance entitlement (an order without a subscription) whose
// expiryDate is absent or in the future, or a subscription whose offer name says "Reserved" and whose status has
// not ended; both are checked before the call so nothing is changed when it fails.
// Choice: the docs name no error for a refused removal; a 400 or 409 is read as the reservation precondition, a
// 401 or 403 as the signed-in user lacking the partner's admin agent role.
import type { CheckFailure } from "./check";
import type { ResourceContext } from "./define-resource";
import type { PartnerCenterClient, Subscription } from "./api";
import { isNotFound, ResourceOperationError, ResourceUsageError } from "./errors";

export const REMOVE_POLICY = "removeResellerRelationship";

const ENDED = /^(cancel|delet|expir|disabled|suspend)/i;
const OPERATION = "delete (remove the reseller relationship)";
const KEEP =
  'Or set deletionPolicy: "retain" and run `pulumi up` to stop managing the customer and keep the relationship.';

/** An active Azure reservation: a Reserved VM Instance (its order, and the order's line-item name) or a subscription. */
export type ActiveReservation =
  | { kind: "reservedInstance"; orderId: string; friendlyName?: string; expiryDate?: string }
  | { kind: "subscription"; subscription: Subscription };

/** The customer's Azure reservations that are still active (these block the removal). */
export async function activeReservations(
  client: PartnerCenterClient,
  customerId: string,
): Promise<ActiveReservation[]> {
  const [entitlements, subscriptions] = await Promise.all([
    client.entitlements.list(customerId, { entitlementType: "reservedInstance", showExpiry: true }).toArray(),
    client.subscriptions.list(customerId).toArray(),
  ]);
  const unexpired = (date: string | null | undefined) => !date || !(Date.parse(date) <= Date.now()); // unreadable: active
  const instances = entitlements.filter(
    (e) => /reservedinstance$/i.test(e.entitlementType ?? "") && unexpired(e.expiryDate),
  );
  const names = instances.length > 0 ? await orderLineNames(client, customerId) : new Map<string, string>();
  return [
    ...instances.map((e): ActiveReservation => {
      const orderId = e.referenceOrder?.id ?? "without an id";
      const friendlyName = names.get(`${orderId}/${String(e.referenceOrder?.lineItemId ?? 0)}`);
      return { kind: "reservedInstance", orderId, friendlyName, expiryDate: e.expiryDate ?? undefined };
    }),
    ...subscriptions
      .filter((s) => /reserved/i.test(s.offerName ?? "") && !ENDED.test(s.status ?? ""))
      .map((subscription): ActiveReservation => ({ kind: "subscription", subscription })),
  ];
}

/** "orderId/lineItemNumber" -> the line item's friendly name; only names the reservations, so a failed read names none. */
async function orderLineNames(client: PartnerCenterClient, customerId: string): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  try {
    for (const order of await client.orders.list(customerId).toArray())
      for (const line of order.lineItems ?? [])
        if (line.friendlyName) names.set(`${order.id}/${String(line.lineItemNumber ?? 0)}`, line.friendlyName);
  } catch {
    // the order ids still name the reservations
  }
  return names;
}

/** "N active Azure Reserved VM Instance(s) (names, orders) and M active Azure reservation subscription(s) (names)", for messages. */
export function describeReservations(reserved: ActiveReservation[]): string {
  const parts: string[] = [];
  const instances = reserved.flatMap((r) => (r.kind === "reservedInstance" ? [r] : []));
  if (instances.length > 0)
    parts.push(
      `${instances.length} active Azure Reserved VM Instance(s) (${instances
        .map(
          (r) =>
            `${r.friendlyName ? `"${r.friendlyName}", ` : ""}order ${r.orderId}${r.expiryDate ? `, expires ${r.expiryDate}` : ""}`,
        )
        .join("; ")})`,
    );
  const subscriptions = reserved.flatMap((r) => (r.kind === "subscription" ? [r.subscription] : []));
  if (subscriptions.length > 0)
    parts.push(
      `${subscriptions.length} active Azure reservation subscription(s) (${subscriptions.map((s) => s.offerName ?? s.id).join(", ")})`,
    );
  return parts.join(" and ");
}

export const RESERVATIONS_RULE =
  "Partner Center requires every Azure Reserved VM Instance to be cancelled first. Fix: cancel them through Azure support";

const APP_USER_FIX = `deletionPolicy "${REMOVE_POLICY}" needs App+User credentials: Partner Center removes a reseller relationship only for a signed-in user. Fix: set partnercenter:refreshToken (secret; or PARTNERCENTER_REFRESH_TOKEN) to a secure-application-model refresh token, or use deletionPolicy "retain"`;

/** check(): the policy with App-only credentials configured could never be carried out. */
export function appUserRule(inputs: Record<string, unknown>, ctx?: { userCredentials?: boolean }): CheckFailure[] {
  if (inputs.deletionPolicy !== REMOVE_POLICY || ctx?.userCredentials !== false) return [];
  return [{ property: "deletionPolicy", reason: `${APP_USER_FIX}.` }];
}

/** At preview, when deletionPolicy becomes "removeResellerRelationship": warn of what a destroy would be refused for. */
export async function warnOfBlockedRemoval(ctx: ResourceContext, customerId: string, name: string): Promise<void> {
  let reserved: ActiveReservation[];
  try {
    reserved = await activeReservations(ctx.client, customerId);
  } catch (e) {
    ctx.warn(
      `${name}: could not read the entitlements and subscriptions to check that the reseller relationship can be removed (${(e as Error).message}); the delete checks again.`,
    );
    return;
  }
  if (reserved.length > 0)
    ctx.warn(
      `${name}: has ${describeReservations(reserved)}, so deleting it with deletionPolicy "${REMOVE_POLICY}" will be refused until they are cancelled. ${RESERVATIONS_RULE} before removing the customer from the program.`,
    );
}

/** The delete of deletionPolicy "removeResellerRelationship": precondition first, then the removal; a failure leaves the customer in state. */
export async function removeResellerRelationship(ctx: ResourceContext, customerId: string, name: string) {
  let relationship: string;
  try {
    relationship = (await ctx.client.customers.get(customerId)).relationshipToPartner ?? "";
  } catch (e) {
    if (isNotFound(e)) return;
    throw e;
  }
  if (relationship.toLowerCase() === "none") {
    ctx.warn(`${name}: has no reseller relationship with this partner already; Pulumi no longer manages it.`);
    return;
  }
  if (ctx.client.credentialMode === "app-only") throw new ResourceUsageError(name, OPERATION, `${APP_USER_FIX}.`);
  const reserved = await activeReservations(ctx.client, customerId);
  if (reserved.length > 0)
    throw new ResourceUsageError(
      name,
      OPERATION,
      `the customer has ${describeReservations(reserved)}; ${RESERVATIONS_RULE}, then delete again (the customer stays in the stack until then). ${KEEP}`,
    );
  try {
    await ctx.client.customers.removeResellerRelationship(customerId);
  } catch (e) {
    if (isNotFound(e)) return;
    throw new ResourceOperationError(name, OPERATION, e, fixFor((e as { status?: number }).status));
  }
  ctx.warn(
    `${name}: the reseller relationship was removed (deletionPolicy "${REMOVE_POLICY}"); the customer stays listed with relationship "none" until it accepts a new invitation, and Pulumi no longer manages it.`,
  );
}

function fixFor(status: number | undefined): string | undefined {
  if (status === 400 || status === 409)
    return `Partner Center refuses the removal while an Azure Reserved VM Instance is active. ${RESERVATIONS_RULE}, then delete again. ${KEEP}`;
  if (status === 401 || status === 403)
    return `The refresh token's user must hold the partner's Admin agent role. Fix: use such a user's refresh token (partnercenter:refreshToken), then delete again. ${KEEP}`;
  return undefined;
}
