// Orders: list a customer's orders (optionally by billing cycle) and get one order.
// https://learn.microsoft.com/partner-center/developer/get-all-of-a-customer-s-orders
// Emulator choice: billingType is matched case-insensitively ignoring '_' (onetime = OneTime = one_time); a value that
//   is not a BillingCycleType -> 400/2000. Orders show at once (no 15-minute delay). Completed orders carry an etag.
import { ApiError, type Route } from "../http/types";
import { collection, link, sameEnum } from "../http/collection";
import type { OrderRecord } from "../store/types";
import { versionEtag } from "./shared/etag";
import { routeCustomer } from "./shared/lookup";

const BILLING_CYCLES = ["unknown", "monthly", "annual", "none", "one_time", "triennial"];

function orderJson(customerId: string, o: OrderRecord) {
  return {
    id: o.id,
    referenceCustomerId: o.referenceCustomerId,
    billingCycle: o.billingCycle,
    ...(o.transactionType ? { transactionType: o.transactionType } : {}),
    currencyCode: o.currencyCode,
    lineItems: o.lineItems.map((li) => ({
      lineItemNumber: li.lineItemNumber,
      offerId: li.offerId,
      ...(li.subscriptionId ? { subscriptionId: li.subscriptionId } : {}),
      friendlyName: li.friendlyName,
      quantity: li.quantity,
      ...(li.termDuration ? { termDuration: li.termDuration } : {}),
      links: li.subscriptionId
        ? { subscription: link(`/customers/${customerId}/subscriptions/${li.subscriptionId}`) }
        : {},
    })),
    creationDate: o.creationDate,
    status: o.status,
    links: {
      provisioningStatus: link(`/customers/${customerId}/orders/${o.id}/provisioningstatus`),
      self: link(`/customers/${customerId}/orders/${o.id}`),
    },
    attributes: {
      ...(o.status === "completed" ? { etag: versionEtag(o.id, o.etagVersion) } : {}),
      objectType: "Order",
    },
  };
}

const listOrders: Route = {
  method: "GET",
  pattern: "/v1/customers/:customerId/orders",
  auth: "app-or-user",
  handle(ctx) {
    const customer = routeCustomer(ctx);
    const billingType = ctx.query.get("billingType");
    if (billingType && !BILLING_CYCLES.some((b) => sameEnum(b, billingType))) {
      throw new ApiError(
        400,
        2000,
        `billingType must be one of ${BILLING_CYCLES.join(", ")} (any case; OneTime and onetime also accepted), got '${billingType.slice(0, 30)}'.`,
      );
    }
    const orders = customer.orders.filter((o) => !billingType || sameEnum(o.billingCycle, billingType));
    const query = billingType ? `?billingType=${encodeURIComponent(billingType)}` : "";
    return {
      status: 200,
      body: collection(
        orders.map((o) => orderJson(customer.id, o)),
        `/customers/${customer.id}/orders${query}`,
      ),
    };
  },
};

const getOrder: Route = {
  method: "GET",
  pattern: "/v1/customers/:customerId/orders/:orderId",
  auth: "app-or-user",
  handle(ctx) {
    const customer = routeCustomer(ctx);
    const order = customer.orders.find((o) => o.id === ctx.params.orderId);
    if (!order) throw new ApiError(404, 20000, `Order ID ${ctx.params.orderId} not found.`);
    return { status: 200, body: orderJson(customer.id, order) };
  },
};

export const orderRoutes: Route[] = [listOrders, getOrder];
