// What UserLicenseAssignment and a CustomerUser's inline `licenses` share: finding a subscribed SKU, mapping
// excluded plans (ids or service names) to plan ids, seats, and which plans a user's license has on.

import type { License, SubscribedSku } from "./api";
import { sameId, sameText } from "./cached-lists";
import { ResourceUsageError } from "./errors";

export interface SkuRef {
  skuId?: string;
  skuPartNumber?: string | null;
}

export function findSku(skus: SubscribedSku[], ref: SkuRef): SubscribedSku | undefined {
  return ref.skuId !== undefined
    ? skus.find((s) => sameId(s.productSku.id, ref.skuId))
    : skus.find((s) => sameText(s.productSku.skuPartNumber, ref.skuPartNumber));
}

/** The refusal for a SKU the customer does not subscribe to, listing the ones it does. */
export function unknownSkuError(
  resource: string,
  operation: string,
  customerId: string,
  ref: SkuRef,
  skus: SubscribedSku[],
): ResourceUsageError {
  const given = ref.skuId !== undefined ? `skuId ${ref.skuId}` : `skuPartNumber "${ref.skuPartNumber}"`;
  const known = skus.map((s) => `${s.productSku.skuPartNumber ?? "?"} (${s.productSku.id})`).join(", ");
  return new ResourceUsageError(
    resource,
    operation,
    `${given} is not a subscribed SKU of customer ${customerId}. Fix: use one of ${known || "(none: the customer has no subscribed SKUs)"}.`,
  );
}

/** Maps excluded plans (ids or service names) to plan ids of the SKU, or fails naming the unknown ones. */
export function excludedPlanIds(sku: SubscribedSku, refs: string[], resource: string, operation: string): string[] {
  const plans = sku.servicePlans ?? [];
  const ids: string[] = [];
  const unknown: string[] = [];
  for (const ref of refs) {
    const plan = plans.find((p) => sameId(p.id, ref) || sameText(p.serviceName, ref));
    if (plan) ids.push(plan.id);
    else unknown.push(ref);
  }
  if (unknown.length > 0) {
    throw new ResourceUsageError(
      resource,
      operation,
      `excludedPlans ${unknown.map((u) => `"${u}"`).join(", ")} ${unknown.length === 1 ? "is not a service plan" : "are not service plans"} of ${sku.productSku.skuPartNumber ?? sku.productSku.id}. Fix: use plan ids or service names from ${plans.map((p) => p.serviceName ?? p.id).join(", ")}.`,
    );
  }
  return [...new Set(ids)];
}

export function seatsMessage(sku: SubscribedSku): string {
  const total = sku.totalUnits ?? sku.activeUnits ?? 0;
  const consumed = sku.consumedUnits ?? 0;
  const available = sku.availableUnits ?? total - consumed;
  return `no seat is left for SKU ${sku.productSku.skuPartNumber ?? ""} (${sku.productSku.id}): ${total} total, ${consumed} consumed, ${available} available. Fix: buy more seats, or remove this license from another user first.`;
}

export const seatsLeft = (sku: SubscribedSku) => sku.availableUnits ?? (sku.totalUnits ?? 0) - (sku.consumedUnits ?? 0);

/** Partner Center's answer when an assignment needs a seat the customer does not have. */
export const isNoSeatLeft = (e: unknown) =>
  (e as { status?: number }).status === 400 && String((e as { code?: unknown }).code) === "60012";

const ASSIGNED = new Set(["assigned", "enabled", "success"]);

/** Plan ids a user's license has on. */
export function assignedPlanIds(license: License): Set<string> {
  return new Set(
    (license.servicePlans ?? [])
      .filter((p) => p.capabilityStatus == null || ASSIGNED.has(p.capabilityStatus.toLowerCase()))
      .map((p) => p.id.toLowerCase()),
  );
}

/** Plan service names the user has of the SKU, sorted. */
export function assignedPlanNames(sku: SubscribedSku, assigned: Set<string>): string[] {
  return (sku.servicePlans ?? [])
    .filter((p) => assigned.has(p.id.toLowerCase()))
    .map((p) => p.serviceName ?? p.id)
    .sort();
}

/** The SKU's plans the license has off, each as the user wrote it (service name) if it is in `written`, else its id. */
export function excludedAsWritten(sku: SubscribedSku, license: License, written: string[]): string[] {
  const have = assignedPlanIds(license);
  return (sku.servicePlans ?? [])
    .filter((p) => !have.has(p.id.toLowerCase()))
    .map((p) => (written.some((ref) => sameText(ref, p.serviceName)) ? (p.serviceName as string) : p.id));
}

/** Whether the license has exactly the wanted plan ids off. */
export function excludesExactly(sku: SubscribedSku, license: License, excludedIds: string[]): boolean {
  const have = assignedPlanIds(license);
  const off = (sku.servicePlans ?? [])
    .map((p) => p.id.toLowerCase())
    .filter((p) => !have.has(p))
    .sort();
  return (
    off.join() ===
    excludedIds
      .map((e) => e.toLowerCase())
      .sort()
      .join()
  );
}
