// Licences: subscribed SKUs (available licences), licence updates (assign/remove), a user's assigned licences.
// https://learn.microsoft.com/partner-center/developer/assign-licenses-to-a-user (and sibling pages)
// Emulator choice: consumedUnits = assignments held by active users; totalUnits = activeUnits + warningUnits;
//   availableUnits = totalUnits - consumedUnits. Assignment is synchronous; licenseWarnings is always [].
// Emulator choice: licenseupdates validates the whole request before changing anything (all or nothing); removals in
//   the same request free their seats first. Re-assigning a SKU the user has replaces its excludedPlans, no new seat.
// Emulator choice: errors — no seat 400/60012 (documented); both groups in one request 400/60027; unknown skuId
//   400/60028; excludedPlans id not a plan of the SKU 400/60029; removing a SKU the user does not have 400/60030;
//   a Tenant-target SKU assigned to a user 400/60031; empty update (nothing to assign or remove) 400/2000.
// Emulator choice: licenseGroupIds accepts Group1/Group2 in any case, repeated or comma-separated; others -> 400/2000.
// Not emulated: usageLocation is not required for assignment (Graph requires it; Partner Center surfaces that error).
import { z } from "zod";
import { ApiError, type RequestContext, type Route } from "../http/types";
import { collection } from "../http/collection";
import type { CustomerRecord, LicenseAssignmentRecord, SubscribedSkuRecord } from "../store/types";
import { parseBody } from "./shared/body";
import {
  activeUser,
  consumedUnits,
  consumeInvisibleRead,
  routeCustomerPurged,
  totalUnits,
  userNotFound,
} from "./shared/directoryUsers";

const licenseUpdateSchema = z.object({
  licensesToAssign: z
    .array(
      z.object({
        skuId: z.string().min(1, { message: "must be a productSku.id from subscribedskus" }),
        excludedPlans: z
          .array(z.string())
          .nullish()
          .transform((v) => v ?? []),
      }),
    )
    .nullish()
    .transform((v) => v ?? []),
  licensesToRemove: z
    .array(z.string().min(1))
    .nullish()
    .transform((v) => v ?? []),
});
const UPDATE_FIX =
  'Send {"licensesToAssign":[{"skuId":"...","excludedPlans":["<service plan id>"]}],"licensesToRemove":["<sku id>"]}.';

function licenseGroups(ctx: RequestContext): Set<string> {
  const raw = ctx.query
    .getAll("licenseGroupIds")
    .flatMap((v) => v.split(","))
    .map((v) => v.trim())
    .filter((v) => v !== "");
  if (raw.length === 0) return new Set(["group1"]);
  const groups = new Set<string>();
  for (const value of raw) {
    const lower = value.toLowerCase();
    if (lower !== "group1" && lower !== "group2")
      throw new ApiError(400, 2000, `licenseGroupIds must be Group1 or Group2 (got '${value.slice(0, 40)}').`);
    groups.add(lower);
  }
  return groups;
}

function subscribedSkuJson(customer: CustomerRecord, sku: SubscribedSkuRecord) {
  const consumed = consumedUnits(customer, sku);
  const total = totalUnits(sku);
  return {
    availableUnits: total - consumed,
    activeUnits: sku.activeUnits,
    consumedUnits: consumed,
    suspendedUnits: sku.suspendedUnits,
    totalUnits: total,
    warningUnits: sku.warningUnits,
    productSku: {
      id: sku.id,
      name: sku.name,
      skuPartNumber: sku.skuPartNumber,
      targetType: sku.targetType,
      licenseGroupId: sku.licenseGroupId,
    },
    servicePlans: sku.servicePlans.map((p) => ({
      displayName: p.displayName,
      serviceName: p.serviceName,
      id: p.id,
      capabilityStatus: "Enabled",
      targetType: p.targetType,
    })),
    capabilityStatus: "Enabled",
    attributes: { objectType: "SubscribedSku" },
  };
}

function licenseJson(sku: SubscribedSkuRecord, assignment: LicenseAssignmentRecord) {
  const excluded = new Set(assignment.excludedPlans.map((p) => p.toLowerCase()));
  return {
    servicePlans: sku.servicePlans
      .filter((p) => !excluded.has(p.id.toLowerCase()))
      .map((p) => ({
        displayName: p.displayName,
        serviceName: p.serviceName,
        id: p.id,
        capabilityStatus: "Assigned",
        targetType: p.targetType,
      })),
    productSku: { id: sku.id, name: sku.name, skuPartNumber: sku.skuPartNumber, licenseGroupId: sku.licenseGroupId },
    attributes: { objectType: "License" },
  };
}

function skuById(customer: CustomerRecord, skuId: string): SubscribedSkuRecord {
  const sku = customer.skus.find((s) => s.id.toLowerCase() === skuId.toLowerCase());
  if (!sku)
    throw new ApiError(
      400,
      60028,
      `SKU ${skuId} is not one of the customer's subscribed SKUs; pick a productSku.id from GET /v1/customers/{customer-id}/subscribedskus.`,
    );
  return sku;
}

const listSubscribedSkus: Route = {
  method: "GET",
  pattern: "/v1/customers/:customerId/subscribedskus",
  auth: "user-only",
  handle(ctx) {
    const customer = routeCustomerPurged(ctx);
    const groups = licenseGroups(ctx);
    const skus = customer.skus.filter((s) => groups.has(s.licenseGroupId));
    return {
      status: 200,
      body: collection(
        skus.map((s) => subscribedSkuJson(customer, s)),
        `/v1/customers/${customer.id}/subscribedskus`,
      ),
    };
  },
};

const updateLicenses: Route = {
  method: "POST",
  pattern: "/v1/customers/:customerId/users/:userId/licenseupdates",
  auth: "user-only",
  handle(ctx) {
    const customer = routeCustomerPurged(ctx);
    const user = activeUser(customer, ctx.params.userId, true);
    if (consumeInvisibleRead(ctx, user)) throw userNotFound(ctx.params.userId);
    const body = parseBody(licenseUpdateSchema, ctx.body, "license update", UPDATE_FIX);
    if (body.licensesToAssign.length === 0 && body.licensesToRemove.length === 0) {
      throw new ApiError(400, 2000, `Invalid license update: nothing to assign or remove. ${UPDATE_FIX}`);
    }
    const assigns = body.licensesToAssign.map((a) => ({
      sku: skuById(customer, a.skuId),
      excludedPlans: a.excludedPlans,
    }));
    const removes = body.licensesToRemove.map((id) => skuById(customer, id));
    for (const list of [assigns.map((a) => a.sku.id), removes.map((s) => s.id)]) {
      const twice = list.find((id, i) => list.indexOf(id) !== i);
      if (twice !== undefined)
        throw new ApiError(400, 2000, `SKU ${twice} appears twice in one list of the license update; send it once.`);
    }
    const groups = new Set([...assigns.map((a) => a.sku.licenseGroupId), ...removes.map((s) => s.licenseGroupId)]);
    if (groups.size > 1) {
      throw new ApiError(
        400,
        60027,
        "All licenses in one request must belong to the same license group; send group1 and group2 licenses in separate requests.",
      );
    }
    const held = customer.licenses.filter((l) => l.userId === user.id);
    for (const sku of removes) {
      if (!held.some((l) => l.skuId === sku.id))
        throw new ApiError(400, 60030, `User ${user.id} has no license for SKU ${sku.id} to remove.`);
      if (assigns.some((a) => a.sku.id === sku.id))
        throw new ApiError(
          400,
          2000,
          `SKU ${sku.id} is both in licensesToAssign and licensesToRemove; send it in only one.`,
        );
    }
    const removedIds = new Set(removes.map((s) => s.id));
    const newSeats = new Map<string, number>();
    for (const { sku, excludedPlans } of assigns) {
      if (sku.targetType !== "User")
        throw new ApiError(
          400,
          60031,
          `SKU ${sku.id} (${sku.skuPartNumber}) is a tenant-level SKU and can't be assigned to a user.`,
        );
      const planIds = new Set(sku.servicePlans.map((p) => p.id.toLowerCase()));
      const unknownPlan = excludedPlans.find((p) => !planIds.has(p.toLowerCase()));
      if (unknownPlan !== undefined) {
        throw new ApiError(
          400,
          60029,
          `excludedPlans contains ${unknownPlan}, which is not a service plan of SKU ${sku.id}; use servicePlans[].id from subscribedskus.`,
        );
      }
      if (held.some((l) => l.skuId === sku.id)) continue;
      newSeats.set(sku.id, (newSeats.get(sku.id) ?? 0) + 1);
    }
    for (const [skuId, wanted] of newSeats) {
      const sku = skuById(customer, skuId);
      const freed = removedIds.has(skuId) ? 1 : 0;
      if (totalUnits(sku) - consumedUnits(customer, sku) + freed < wanted) {
        throw new ApiError(
          400,
          60012,
          "We're sorry, it looks like you've run out of licenses. Buy more licenses, and then try again.",
          [
            `LicenseQuotaExceededException : Subscription with Account ${customer.id} and SKU ${sku.id} does not have any available licenses left.`,
          ],
          { source: "PartnerFD" },
        );
      }
    }
    customer.licenses = customer.licenses.filter((l) => !(l.userId === user.id && removedIds.has(l.skuId)));
    for (const { sku, excludedPlans } of assigns) {
      const existing = customer.licenses.find((l) => l.userId === user.id && l.skuId === sku.id);
      if (existing) existing.excludedPlans = [...excludedPlans];
      else customer.licenses.push({ userId: user.id, skuId: sku.id, excludedPlans: [...excludedPlans] });
    }
    ctx.changed();
    return {
      status: 201,
      body: {
        licensesToAssign: assigns.map((a) => ({ excludedPlans: a.excludedPlans, skuId: a.sku.id })),
        licensesToRemove: removes.map((s) => s.id),
        licenseWarnings: [],
        attributes: { objectType: "LicenseUpdate" },
      },
    };
  },
};

const listUserLicenses: Route = {
  method: "GET",
  pattern: "/v1/customers/:customerId/users/:userId/licenses",
  auth: "user-only",
  handle(ctx) {
    const customer = routeCustomerPurged(ctx);
    const user = activeUser(customer, ctx.params.userId, true);
    const groups = licenseGroups(ctx);
    const items = customer.licenses
      .filter((l) => l.userId === user.id)
      .flatMap((l) => {
        const sku = customer.skus.find((s) => s.id === l.skuId);
        return sku && groups.has(sku.licenseGroupId) ? [licenseJson(sku, l)] : [];
      });
    return { status: 200, body: collection(items, `/v1/customers/${customer.id}/users/${user.id}/licenses`) };
  },
};

export const licenseRoutes: Route[] = [listSubscribedSkus, updateLicenses, listUserLicenses];
