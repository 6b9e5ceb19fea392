// Subscriptions: list, get, and PATCH of the full resource (nickname, quantity, auto-renew, suspend/reactivate).
// https://learn.microsoft.com/partner-center/developer/update-the-nickname-for-a-subscription (and sibling pages)
// Emulator choice: the etag comes from If-Match (wins) or attributes.etag; neither -> the PATCH is applied (the page
//   never says it is required, and clients generated from Microsoft's API description send none); a different one ->
//   400/2055, the documented stale-etag error (the docs list 412 among status codes but tie it to no operation).
// Emulator choice: only friendlyName, quantity, autoRenewEnabled and status are applied; other fields of the full
//   resource are ignored. status may move active <-> suspended only (others -> 400/2000); a deleted subscription
//   -> 400/2011; a suspended one -> 400/800091 unless the PATCH reactivates it (status active).
// Emulator choice: friendlyName 1-100 characters; quantity an integer 1-10000. A quantity change does not change the
//   customer's subscribed SKU seat counts.
import { z } from "zod";
import { ApiError, type Route } from "../http/types";
import { collection, link, sameEnum } from "../http/collection";
import type { CustomerRecord, SubscriptionRecord } from "../store/types";
import { parseBody } from "./shared/body";
import { callerEtag, sameEtag, versionEtag } from "./shared/etag";
import { routeCustomer } from "./shared/lookup";

export function subscriptionJson(customerId: string, s: SubscriptionRecord) {
  return {
    id: s.id,
    offerId: s.offerId,
    entitlementId: s.entitlementId,
    offerName: s.offerName,
    friendlyName: s.friendlyName,
    quantity: s.quantity,
    unitType: s.unitType,
    ...(s.parentSubscriptionId ? { parentSubscriptionId: s.parentSubscriptionId } : {}),
    creationDate: s.creationDate,
    effectiveStartDate: s.effectiveStartDate,
    commitmentEndDate: s.commitmentEndDate,
    status: s.status,
    autoRenewEnabled: s.autoRenewEnabled,
    billingType: s.billingType,
    billingCycle: s.billingCycle,
    contractType: s.contractType,
    orderId: s.orderId,
    termDuration: s.termDuration,
    ...(s.partnerId ? { partnerId: s.partnerId } : {}),
    ...(s.status === "suspended" ? { suspensionReasons: ["PartnerInitiated"] } : {}),
    links: {
      offer: link(`/offers/${s.offerId}`),
      entitlement: link(`/customers/${customerId}/entitlements/${s.entitlementId}`),
      self: link(`/customers/${customerId}/subscriptions/${s.id}`),
    },
    attributes: { etag: versionEtag(s.id, s.etagVersion), objectType: "Subscription" },
  };
}

function findSubscription(customer: CustomerRecord, id: string): SubscriptionRecord {
  const s = customer.subscriptions.find((x) => x.id.toLowerCase() === id.toLowerCase());
  if (!s) throw new ApiError(404, 20003, `Subscription with ID ${id} not found.`);
  return s;
}

const patchSchema = z.object({
  friendlyName: z
    .string()
    .trim()
    .min(1, { message: "must not be empty" })
    .max(100, { message: "must be at most 100 characters" })
    .nullish()
    .transform((v) => v ?? undefined),
  quantity: z
    .number()
    .int({ message: "must be a whole number" })
    .min(1)
    .max(10000)
    .nullish()
    .transform((v) => v ?? undefined),
  autoRenewEnabled: z
    .boolean()
    .nullish()
    .transform((v) => v ?? undefined),
  status: z
    .string()
    .nullish()
    .transform((v) => v ?? undefined),
});
const FIX =
  "GET the subscription, change friendlyName/quantity/autoRenewEnabled/status, and PATCH the whole resource back with attributes.etag.";

const listSubscriptions: Route = {
  method: "GET",
  pattern: "/v1/customers/:customerId/subscriptions",
  auth: "app-or-user",
  handle(ctx) {
    const customer = routeCustomer(ctx);
    const orderId = ctx.query.get("order_id");
    const items = customer.subscriptions.filter((s) => !orderId || s.orderId === orderId);
    return {
      status: 200,
      body: collection(
        items.map((s) => subscriptionJson(customer.id, s)),
        `/v1/customers/${customer.id}/subscriptions`,
      ),
    };
  },
};

const getSubscription: Route = {
  method: "GET",
  pattern: "/v1/customers/:customerId/subscriptions/:subscriptionId",
  auth: "app-or-user",
  handle(ctx) {
    const customer = routeCustomer(ctx);
    return { status: 200, body: subscriptionJson(customer.id, findSubscription(customer, ctx.params.subscriptionId)) };
  },
};

const updateSubscription: Route = {
  method: "PATCH",
  pattern: "/v1/customers/:customerId/subscriptions/:subscriptionId",
  auth: "app-or-user",
  handle(ctx) {
    const customer = routeCustomer(ctx);
    const sub = findSubscription(customer, ctx.params.subscriptionId);
    const etag = callerEtag(ctx);
    if (etag !== undefined && !sameEtag(etag, versionEtag(sub.id, sub.etagVersion)))
      throw new ApiError(
        400,
        2055,
        "Etag is no longer valid. GET the subscription again and retry with its current etag.",
      );
    const body = parseBody(patchSchema, ctx.body, "subscription", FIX);
    if (sub.status === "deleted")
      throw new ApiError(400, 2011, `Subscription with ID ${sub.id} and deleted status can't be updated.`);
    let status = sub.status;
    if (body.status !== undefined && !sameEnum(body.status, sub.status)) {
      if (sameEnum(body.status, "active") && sub.status === "suspended") status = "active";
      else if (sameEnum(body.status, "suspended") && sub.status === "active") status = "suspended";
      else
        throw new ApiError(
          400,
          2000,
          `A subscription's status can only change between active and suspended (from ${sub.status} to '${body.status.slice(0, 20)}' requested).`,
        );
    }
    if (sub.status === "suspended" && status !== "active")
      throw new ApiError(
        400,
        800091,
        "Can't update a subscription with suspended status; reactivate it with status active first.",
      );
    if (body.friendlyName !== undefined) sub.friendlyName = body.friendlyName;
    if (body.quantity !== undefined) sub.quantity = body.quantity;
    if (body.autoRenewEnabled !== undefined) sub.autoRenewEnabled = body.autoRenewEnabled;
    sub.status = status;
    sub.etagVersion += 1;
    ctx.changed();
    return { status: 200, body: subscriptionJson(customer.id, sub) };
  },
};

export const subscriptionRoutes: Route[] = [listSubscriptions, getSubscription, updateSubscription];
