// Removing the partner's reseller relationship with a customer: the documented precondition (every Azure Reserved VM
// Instance cancelled first, App+User credentials), shared by `Customer` (deletionPolicy "removeResellerRelationship")
// and `partner-center remove-reseller-relationship`.
// https://learn.microsoft.com/partner-center/developer/remove-a-reseller-relationship-with-a-customer
// Choice: an Azure reservation is a subscription whose offer name says "Reserved" and whose status has not ended,
// checked before the call so nothing is changed when it fails (reservedInstance entitlements are not read yet).
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

/** The customer's Azure reservation subscriptions that are still active (these block the removal). */
export async function activeReservations(client: PartnerCenterClient, customerId: string): Promise<Subscription[]> {
  return (await client.subscriptions.list(customerId).toArray()).filter(
    (s) => /reserved/i.test(s.offerName ?? "") && !ENDED.test(s.status ?? ""),
  );
}

/** "N active Azure reservation subscription(s) (names)", for messages. */
export function describeReservations(reserved: Subscription[]): string {
  return `${reserved.length} active Azure reservation subscription(s) (${reserved.map((s) => s.offerName ?? s.id).join(", ")})`;
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
  let reserved: Subscription[];
  try {
    reserved = await activeReservations(ctx.client, customerId);
  } catch (e) {
    ctx.warn(
      `${name}: could not read the subscriptions to check that the reseller relationship can be removed (${(e as Error).message}); the delete checks again.`,
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
