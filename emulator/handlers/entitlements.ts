// Entitlements: list a customer's entitlements, optionally by entitlementType, with expiry dates on request.
// https://learn.microsoft.com/partner-center/developer/get-a-collection-of-entitlements
// Emulator choice: App-only tokens are accepted (the page says "supports App+User" without "only").
// Emulator choice: entitlementType matches case-insensitively; virtualMachineReservedInstance is an alias of
//   reservedInstance; any other value -> 400/2000. expiryDate is shown (also on includedEntitlements) only with
//   showExpiry=true; showExpiry must be true or false.
import { ApiError, type Route } from "../http/types";
import { collection } from "../http/collection";
import type { EntitlementRecord } from "../store/types";
import { routeCustomer } from "./shared/lookup";

const TYPES: Record<string, string> = {
  software: "software",
  reservedinstance: "reservedinstance",
  virtualmachinereservedinstance: "reservedinstance",
};

/** The canonical lower-case type of an entitlementType spelling, or undefined if it is none of the documented ones. */
export const entitlementTypeOf = (raw: string): string | undefined => TYPES[raw.toLowerCase()];

function entitlementJson(e: EntitlementRecord, showExpiry: boolean): Record<string, unknown> {
  return {
    includedEntitlements: e.includedEntitlements.map((i) => entitlementJson(i, showExpiry)),
    referenceOrder: { ...e.referenceOrder },
    productId: e.productId,
    skuId: e.skuId,
    quantity: e.quantity,
    entitledArtifacts: e.entitledArtifacts.map((a) => ({ ...a })),
    entitlementType: e.entitlementType,
    ...(showExpiry && e.expiryDate ? { expiryDate: e.expiryDate } : {}),
  };
}

const listEntitlements: Route = {
  method: "GET",
  pattern: "/v1/customers/:customerId/entitlements",
  auth: "app-or-user",
  handle(ctx) {
    const customer = routeCustomer(ctx);
    const rawType = ctx.query.get("entitlementType") ?? ctx.query.get("entitlementtype");
    const wanted = rawType ? entitlementTypeOf(rawType) : undefined;
    if (rawType && !wanted)
      throw new ApiError(
        400,
        2000,
        `entitlementType must be software or reservedInstance (got '${rawType.slice(0, 40)}').`,
      );
    const rawExpiry = ctx.query.get("showExpiry") ?? ctx.query.get("showexpiry");
    if (rawExpiry && !/^(true|false)$/i.test(rawExpiry))
      throw new ApiError(400, 2000, `showExpiry must be true or false (got '${rawExpiry.slice(0, 20)}').`);
    const showExpiry = rawExpiry?.toLowerCase() === "true";
    const items = customer.entitlements.filter((e) => !wanted || entitlementTypeOf(e.entitlementType) === wanted);
    return {
      status: 200,
      body: collection(
        items.map((e) => entitlementJson(e, showExpiry)),
        `/v1/customers/${customer.id}/entitlements`,
      ),
    };
  },
};

export const entitlementRoutes: Route[] = [listEntitlements];
