// UserLicenseAssignment — one product SKU assigned to one customer user, with optional excluded service plans.
// REST: https://learn.microsoft.com/partner-center/developer/assign-licenses-to-a-user
// Lifecycle: create assigns the SKU (resolved by id or part number; adopted when already assigned) after
// checking a seat is free; excludedPlans update in place by re-assigning the SKU; delete removes only this
// SKU (licensesToRemove: [skuId]) and never touches the user's other licenses; a new customer, user or SKU replaces.
// Choice: excludedPlans defaults to [] (no exclusions) and accepts service plan ids or service names; read
// reports them back in the form the user wrote. A user-license plan counts as excluded when it is missing
// from the user's license or its capabilityStatus is not Assigned/Enabled.
// Choice: at create, a user "not found" (listing its licenses or assigning) is waited for (kit/propagation.ts,
// dependentWrite); read waits briefly (confirmGone) before reporting a license gone.
// Choice (state = service): adopting an assigned SKU re-assigns it with the given excludedPlans, so state and the
//   user's license agree from the first read; delete removes only this SKU.

import { z } from "zod";
import { adoptAfterLostAnswer } from "./kit/adopt-after-lost-answer";
import type { License, SubscribedSku } from "./kit/api";
import { exactlyOneOf } from "./kit/check";
import { defineResource, type ResourceContext } from "./kit/define-resource";
import { caseInsensitiveSet, lowerCase } from "./kit/diff";
import { sameId, subscribedSkusOf, userLicensesOf } from "./kit/cached-lists";
import { deleteUnlessGone, isNotFound, ResourceOperationError, ResourceUsageError } from "./kit/errors";
import {
  assignedPlanIds,
  assignedPlanNames,
  excludedAsWritten,
  excludedPlanIds,
  excludesExactly,
  findSku,
  isNoSeatLeft,
  seatsLeft,
  seatsMessage,
  unknownSkuError,
} from "./kit/licenses";
import { bool, guid, text } from "./kit/fields";
import { formatId, parseId } from "./kit/ids";
import { createForUser, findWithin, retryNotFound } from "./kit/propagation";
import { resourceClass } from "./kit/resource-class";

export const TYPE = "UserLicenseAssignment";

// ---- input schema ----
export const UserLicenseAssignmentInputs = z.strictObject({
  customerId: guid("customer tenant id"),
  userId: guid("user id (CustomerUser.userId)"),
  skuId: guid("product SKU id (see listAvailableLicenses)").optional(),
  skuPartNumber: text('give the SKU part number, e.g. "O365_BUSINESS_PREMIUM"').optional(),
  excludedPlans: z
    .array(text('give a service plan id or service name, e.g. "EXCHANGE_S_STANDARD"'), {
      error: "must be a list. Fix: give excludedPlans as a list of service plan ids or names",
    })
    .default([]),
  adopt: bool("set adopt: true to take over a license the user already has").default(false),
});
export type UserLicenseAssignmentInputs = z.input<typeof UserLicenseAssignmentInputs>;
type In = z.output<typeof UserLicenseAssignmentInputs>;

// ---- state schema ----
export const UserLicenseAssignmentOutputs = z.object({
  skuId: z.string(),
  skuPartNumber: z.string().optional(),
  assignedPlans: z.array(z.string()),
});
type Out = z.output<typeof UserLicenseAssignmentOutputs>;
type Stored = In & Partial<Out>;

// ---- diff rules ----
const diffRules = {
  replaceOn: ["customerId", "userId", "skuId", "skuPartNumber"],
  inPlace: ["excludedPlans", "adopt"],
  normalize: {
    customerId: lowerCase,
    userId: lowerCase,
    skuId: lowerCase,
    skuPartNumber: lowerCase,
    excludedPlans: caseInsensitiveSet,
  },
  naturalKey: (p: Partial<Stored>) =>
    p.customerId && p.userId && (p.skuId || p.skuPartNumber)
      ? `${p.customerId}/${p.userId}/${p.skuId ?? `part:${p.skuPartNumber}`}`.toLowerCase()
      : undefined,
};

// ---- CRUD ----
const describe = (p: Partial<In>) =>
  `${TYPE} of ${p.skuPartNumber ?? p.skuId ?? "(unknown SKU)"} to user ${p.userId ?? "(unknown)"} in customer ${p.customerId ?? "(unknown)"}`;

async function resolveSku(ctx: ResourceContext, inputs: In, operation: string, fresh: boolean): Promise<SubscribedSku> {
  const skus = await subscribedSkusOf(ctx, inputs.customerId, { fresh });
  const sku = findSku(skus, inputs);
  if (!sku) throw unknownSkuError(describe(inputs), operation, inputs.customerId, inputs, skus);
  return sku;
}

function outputsFor(sku: SubscribedSku, excludedIds: string[]): Out {
  const excluded = new Set(excludedIds.map((i) => i.toLowerCase()));
  const assigned = new Set((sku.servicePlans ?? []).map((p) => p.id.toLowerCase()).filter((i) => !excluded.has(i)));
  return {
    skuId: sku.productSku.id,
    skuPartNumber: sku.productSku.skuPartNumber ?? undefined,
    assignedPlans: assignedPlanNames(sku, assigned),
  };
}

async function hasSku(
  ctx: ResourceContext,
  customerId: string,
  userId: string,
  skuId: string,
  fresh: boolean,
): Promise<License | undefined> {
  return (await userLicensesOf(ctx, customerId, userId, { fresh })).find((l) => sameId(l.productSku.id, skuId));
}

/** Assigns (or re-assigns with new exclusions). `fromNothing`: the user did not have the SKU before this call. */
async function assign(
  ctx: ResourceContext,
  inputs: In,
  sku: SubscribedSku,
  excluded: string[],
  operation: string,
  fromNothing = false,
): Promise<void> {
  try {
    await ctx.client.licenses.update(inputs.customerId, inputs.userId, {
      licensesToAssign: [{ skuId: sku.productSku.id, excludedPlans: excluded }],
    });
  } catch (e) {
    if (isNoSeatLeft(e)) {
      const now =
        findSku(await subscribedSkusOf(ctx, inputs.customerId, { fresh: true }), { skuId: sku.productSku.id }) ?? sku;
      throw new ResourceOperationError(describe(inputs), operation, e, seatsMessage(now));
    }
    // A new assignment may have been applied before a transient failure (5xx after commit): then it is done.
    if (!fromNothing) throw e;
    await adoptAfterLostAnswer(e, () =>
      hasSku(ctx, inputs.customerId, inputs.userId, sku.productSku.id, true).catch(() => undefined),
    );
  }
}

async function create(ctx: ResourceContext, inputs: In): Promise<{ id: string; outs: Out }> {
  // The shared SKU list, unless it lacks the SKU or a free seat: then a fresh one decides.
  const shared = findSku(await subscribedSkusOf(ctx, inputs.customerId), inputs);
  const sku = shared && seatsLeft(shared) > 0 ? shared : await resolveSku(ctx, inputs, "create", true);
  const excluded = excludedPlanIds(sku, inputs.excludedPlans, describe(inputs), "create");
  const id = formatId(inputs.customerId, inputs.userId.toLowerCase(), sku.productSku.id.toLowerCase());
  return createForUser(ctx.waits, describe(inputs), inputs.customerId, () => createFor(ctx, inputs, sku, excluded, id));
}

/** create() once the SKU is resolved: a user created a moment ago may be "not found" until replicated, so 404s are waited for. */
async function createFor(
  ctx: ResourceContext,
  inputs: In,
  sku: SubscribedSku,
  excluded: string[],
  id: string,
): Promise<{ id: string; outs: Out }> {
  const existing = ctx.snapshot.createdUser(inputs.customerId, inputs.userId)
    ? undefined
    : await retryNotFound(ctx.waits.dependentWrite, () =>
        hasSku(ctx, inputs.customerId, inputs.userId, sku.productSku.id, true),
      );
  if (existing) {
    if (!inputs.adopt) {
      throw new ResourceUsageError(
        describe(inputs),
        "create",
        `the user already has ${sku.productSku.skuPartNumber ?? sku.productSku.id}. Fix: set adopt: true to manage this existing license.`,
      );
    }
    if (!excludesExactly(sku, existing, excluded))
      await retryNotFound(ctx.waits.dependentWrite, () => assign(ctx, inputs, sku, excluded, "create (adopt)"));
    return { id, outs: outputsFor(sku, excluded) };
  }
  if (seatsLeft(sku) <= 0) throw new ResourceUsageError(describe(inputs), "create", seatsMessage(sku));
  await retryNotFound(ctx.waits.dependentWrite, () => assign(ctx, inputs, sku, excluded, "create", true));
  return { id, outs: outputsFor(sku, excluded) };
}

async function read(ctx: ResourceContext, id: string, props: Stored) {
  const [customerId, userId, skuId] = parseId(TYPE, id, 3);
  // Missing from the shared list (or the user not found): confirm with fresh reads for a bounded wait, since a
  // user or license created a moment ago may not be visible yet.
  const cached = await hasSku(ctx, customerId, userId, skuId, false).catch((e: unknown) => {
    if (isNotFound(e)) return undefined;
    throw e;
  });
  const license =
    cached ?? (await findWithin(ctx.waits.confirmGone, () => hasSku(ctx, customerId, userId, skuId, true)));
  if (!license) return undefined;
  const sku = findSku(await subscribedSkusOf(ctx, customerId), { skuId });
  if (!sku) return undefined;
  return {
    customerId,
    excludedPlans: excludedAsWritten(sku, license, props.excludedPlans ?? []),
    skuId: sku.productSku.id,
    skuPartNumber: sku.productSku.skuPartNumber ?? undefined,
    assignedPlans: assignedPlanNames(sku, assignedPlanIds(license)),
  };
}

async function update(ctx: ResourceContext, _id: string, olds: Stored, news: In): Promise<Out> {
  const sku = await resolveSku(ctx, news, "update", false);
  const excluded = excludedPlanIds(sku, news.excludedPlans, describe(news), "update");
  const before = caseInsensitiveSet(olds.excludedPlans ?? []);
  const after = caseInsensitiveSet(news.excludedPlans);
  if (JSON.stringify(before) !== JSON.stringify(after)) await assign(ctx, news, sku, excluded, "update");
  return outputsFor(sku, excluded);
}

async function remove(ctx: ResourceContext, id: string): Promise<void> {
  const [customerId, userId, skuId] = parseId(TYPE, id, 3);
  await deleteUnlessGone(async () => {
    if (await hasSku(ctx, customerId, userId, skuId, true))
      await ctx.client.licenses.update(customerId, userId, { licensesToRemove: [skuId] });
  });
}

// ---- export ----
export const userLicenseAssignment = defineResource({
  type: TYPE,
  inputs: UserLicenseAssignmentInputs,
  outputs: UserLicenseAssignmentOutputs,
  rules: [
    exactlyOneOf(
      "skuId",
      "skuPartNumber",
      'give either skuId (a GUID) or skuPartNumber (e.g. "O365_BUSINESS_PREMIUM"), not both',
    ),
  ],
  diff: diffRules,
  describe,
  // the SKU list stays: its seat counts go stale, and a create that sees no seat left asks again
  invalidates: ["userLicenses:"],
  create,
  read,
  update,
  delete: remove,
});

/** Assigns one product SKU to a customer user; never touches the user's other licenses. */
export const UserLicenseAssignment = resourceClass(userLicenseAssignment);
export type UserLicenseAssignment = InstanceType<typeof UserLicenseAssignment>;
