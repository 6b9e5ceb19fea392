// A CustomerUser's inline `roles` and `licenses`: the memberships and assignments UserRoleAssignment and
// UserLicenseAssignment make, held by the user's own resource (the tenant spec's `userResources: perUser`), so a
// user with a role and a license is one resource in state instead of three.
// Choice: the same contract as the separate resources, so a stack can move between the two: the listed roles and
// licenses are managed; one dropped from the list is removed; ones the user holds but that are not listed are left
// alone and are not drift; an omitted list manages nothing. A user taken over (adopt, restoreDeleted) keeps the
// listed roles and licenses it already holds. All licenses of one change go in one Partner Center call.

import { z } from "zod";
import type { DirectoryRole, License, SubscribedSku } from "./api";
import { roleMembersOf, rolesOf, sameId, sameText, subscribedSkusOf, userLicensesOf } from "./cached-lists";
import type { ResourceContext } from "./define-resource";
import { caseInsensitiveSet, objectSet, type Normalizer } from "./diff";
import { adoptAfterLostAnswer } from "./adopt-after-lost-answer";
import { deleteUnlessGone, isNotFound, ResourceOperationError, ResourceUsageError } from "./errors";
import { GUID_RE, text } from "./fields";
import {
  excludedAsWritten,
  excludedPlanIds,
  excludesExactly,
  findSku,
  isNoSeatLeft,
  seatsLeft,
  seatsMessage,
  unknownSkuError,
  type SkuRef,
} from "./licenses";
import { findWithin, retryNotFound } from "./propagation";

export const RolesInput = z
  .array(text('give a directory role name such as "User Administrator", or its id'), {
    error: 'must be a list. Fix: give roles as a list of role names or ids, e.g. ["User Administrator"]',
  })
  .optional();

export const LicensesInput = z
  .array(
    z.strictObject({
      sku: text('give the SKU part number, e.g. "O365_BUSINESS_PREMIUM", or the SKU id'),
      excludedPlans: z
        .array(text('give a service plan id or service name, e.g. "EXCHANGE_S_STANDARD"'), {
          error: "must be a list. Fix: give excludedPlans as a list of service plan ids or names",
        })
        .default([]),
    }),
    { error: 'must be a list. Fix: give licenses as a list like [{ sku: "O365_BUSINESS_PREMIUM" }]' },
  )
  .optional();

export type LicenseEntry = { sku: string; excludedPlans: string[] };
export interface InlineAccess {
  roles?: string[];
  licenses?: LicenseEntry[];
}
interface UserRef {
  id: string;
  userPrincipalName: string;
  displayName?: string | null;
}

/** Licenses compare as a set of { sku, excludedPlans } with case and plan order ignored. */
export const licenseSet: Normalizer = (v) =>
  Array.isArray(v)
    ? objectSet(
        v.map((l: Partial<LicenseEntry>) => ({
          sku: l?.sku,
          excludedPlans: caseInsensitiveSet(l?.excludedPlans ?? []),
        })),
      )
    : v;

const skuRef = (sku: string): SkuRef => (GUID_RE.test(sku) ? { skuId: sku } : { skuPartNumber: sku });
const findRole = (roles: DirectoryRole[], ref: string) =>
  roles.find((r) => sameId(r.id, ref)) ?? roles.find((r) => sameText(r.name, ref));

async function resolveRoles(
  ctx: ResourceContext,
  customerId: string,
  refs: string[],
  resource: string,
  operation: string,
): Promise<DirectoryRole[]> {
  const roles = await rolesOf(ctx, customerId);
  const unknown = refs.filter((ref) => !findRole(roles, ref));
  if (unknown.length > 0)
    throw new ResourceUsageError(
      resource,
      operation,
      `roles ${unknown.map((u) => `"${u}"`).join(", ")} ${unknown.length === 1 ? "is not a directory role" : "are not directory roles"} of customer ${customerId}. Fix: use one of ${roles.map((r) => `"${r.name}"`).join(", ") || "(none listed)"}.`,
    );
  return refs.map((ref) => findRole(roles, ref)!);
}

interface ResolvedLicense {
  entry: LicenseEntry;
  sku: SubscribedSku;
  excluded: string[];
}

/** The SKUs of `entries` from the shared list, or a fresh one when it lacks one of them or a seat `needSeat` wants. */
async function resolveLicenses(
  ctx: ResourceContext,
  customerId: string,
  entries: LicenseEntry[],
  resource: string,
  operation: string,
  needSeat: (entry: LicenseEntry) => boolean = () => false,
): Promise<ResolvedLicense[]> {
  const usable = (skus: SubscribedSku[]) =>
    entries.every((e) => {
      const sku = findSku(skus, skuRef(e.sku));
      return sku !== undefined && (!needSeat(e) || seatsLeft(sku) > 0);
    });
  let skus = await subscribedSkusOf(ctx, customerId);
  if (!usable(skus)) skus = await subscribedSkusOf(ctx, customerId, { fresh: true });
  return entries.map((entry) => {
    const sku = findSku(skus, skuRef(entry.sku));
    if (!sku) throw unknownSkuError(resource, operation, customerId, skuRef(entry.sku), skus);
    return { entry, sku, excluded: excludedPlanIds(sku, entry.excludedPlans, resource, operation) };
  });
}

/** Whether the user's license is of the entry's SKU (by id, or by part number through the SKU list). */
function isLicenseOf(skus: SubscribedSku[], license: License, entry: LicenseEntry): boolean {
  const ref = skuRef(entry.sku);
  if (ref.skuId !== undefined) return sameId(license.productSku.id, ref.skuId);
  const partNumber =
    license.productSku.skuPartNumber ?? findSku(skus, { skuId: license.productSku.id })?.productSku.skuPartNumber;
  return sameText(partNumber, ref.skuPartNumber);
}

const heldLicense = (held: License[], sku: SubscribedSku) =>
  held.find((l) => sameId(l.productSku.id, sku.productSku.id));

/** The user's roles, fresh; a user not found yet (replication) holds none. */
async function rolesHeld(ctx: ResourceContext, customerId: string, userId: string): Promise<Set<string>> {
  const ids = new Set<string>();
  try {
    for await (const r of ctx.client.roles.listForUser(customerId, userId)) ids.add(r.id.toLowerCase());
  } catch (e) {
    if (!isNotFound(e)) throw e;
  }
  return ids;
}

async function licensesHeld(ctx: ResourceContext, customerId: string, userId: string, fresh: boolean) {
  try {
    return await userLicensesOf(ctx, customerId, userId, { fresh });
  } catch (e) {
    if (isNotFound(e)) return [];
    throw e;
  }
}

export interface ApplyRequest {
  resource: string;
  operation: string;
  customerId: string;
  user: UserRef;
  wanted: InlineAccess;
  /** What state says is managed now (empty at create). */
  before: InlineAccess;
  /** Created by this call: it holds nothing yet, so nothing needs looking up. */
  createdHere: boolean;
  /** Filled as the changes land, so a failure can still report what holds. */
  done: InlineAccess;
}

const sameSet = (normalize: Normalizer, a: unknown, b: unknown) =>
  JSON.stringify(normalize(a)) === JSON.stringify(normalize(b));

/** Brings the user's listed roles and licenses to `wanted`; a list equal to `before` costs no call. */
export async function applyAccess(ctx: ResourceContext, req: ApplyRequest): Promise<void> {
  const { roles, licenses } = req.wanted;
  if (roles !== undefined) {
    if (req.before.roles !== undefined && sameSet(caseInsensitiveSet, req.before.roles, roles)) req.done.roles = roles;
    else if (roles.length > 0 || (req.before.roles ?? []).length > 0) await applyRoles(ctx, req, roles);
    else req.done.roles = [];
  }
  if (licenses !== undefined) {
    if (req.before.licenses !== undefined && sameSet(licenseSet, req.before.licenses, licenses))
      req.done.licenses = licenses;
    else if (licenses.length > 0 || (req.before.licenses ?? []).length > 0) await applyLicenses(ctx, req, licenses);
    else req.done.licenses = [];
  }
}

async function applyRoles(ctx: ResourceContext, req: ApplyRequest, wantedRefs: string[]): Promise<void> {
  const { customerId, user } = req;
  const wanted = await resolveRoles(ctx, customerId, wantedRefs, req.resource, req.operation);
  const wantedIds = new Set(wanted.map((r) => r.id.toLowerCase()));
  const roles = await rolesOf(ctx, customerId);
  const held = req.createdHere ? new Set<string>() : await rolesHeld(ctx, customerId, user.id);
  const report = () => (req.done.roles = wantedRefs.filter((_, i) => held.has(wanted[i].id.toLowerCase())));
  report();
  for (const ref of req.before.roles ?? []) {
    const role = findRole(roles, ref);
    if (!role || wantedIds.has(role.id.toLowerCase())) continue;
    await deleteUnlessGone(() => ctx.client.roles.removeMember(customerId, role.id, user.id));
  }
  for (const role of wanted) {
    if (held.has(role.id.toLowerCase())) continue;
    // A user created a moment ago may be "not found" until Entra has replicated it (kit/propagation.ts).
    await retryNotFound(ctx.waits.dependentWrite, async () => {
      try {
        await ctx.client.roles.addMember(customerId, role.id, {
          id: user.id,
          displayName: user.displayName ?? user.userPrincipalName,
          userPrincipalName: user.userPrincipalName,
        });
      } catch (e) {
        // The add may have been applied before the failure: then the membership is ours.
        const members = await roleMembersOf(ctx, customerId, role.id, { fresh: true });
        if (!members.some((m) => sameId(m.id, user.id))) throw e;
      }
    });
    held.add(role.id.toLowerCase());
    report();
  }
}

async function applyLicenses(ctx: ResourceContext, req: ApplyRequest, wantedEntries: LicenseEntry[]): Promise<void> {
  const { customerId, user } = req;
  const held = req.createdHere
    ? []
    : await retryNotFound(ctx.waits.dependentWrite, () => userLicensesOf(ctx, customerId, user.id, { fresh: true }));
  const skus = await subscribedSkusOf(ctx, customerId);
  const isHeld = (e: LicenseEntry) => {
    const sku = findSku(skus, skuRef(e.sku));
    return sku !== undefined && heldLicense(held, sku) !== undefined;
  };
  const wanted = await resolveLicenses(ctx, customerId, wantedEntries, req.resource, req.operation, (e) => !isHeld(e));
  const toAssign = wanted.filter((w) => {
    const license = heldLicense(held, w.sku);
    return !license || !excludesExactly(w.sku, license, w.excluded);
  });
  const wantedSkuIds = new Set(wanted.map((w) => w.sku.productSku.id.toLowerCase()));
  const toRemove = held
    .filter((l) => (req.before.licenses ?? []).some((e) => isLicenseOf(skus, l, e)))
    .map((l) => l.productSku.id)
    .filter((id) => !wantedSkuIds.has(id.toLowerCase()));
  req.done.licenses = wanted.filter((w) => !toAssign.includes(w)).map((w) => w.entry);
  const noSeat = toAssign.find((w) => !heldLicense(held, w.sku) && seatsLeft(w.sku) <= 0);
  if (noSeat) throw new ResourceUsageError(req.resource, req.operation, seatsMessage(noSeat.sku));
  if (toAssign.length === 0 && toRemove.length === 0) return;
  const body = {
    ...(toAssign.length > 0
      ? { licensesToAssign: toAssign.map((w) => ({ skuId: w.sku.productSku.id, excludedPlans: w.excluded })) }
      : {}),
    ...(toRemove.length > 0 ? { licensesToRemove: [...new Set(toRemove)] } : {}),
  };
  try {
    await retryNotFound(ctx.waits.dependentWrite, () => ctx.client.licenses.update(customerId, user.id, body));
  } catch (e) {
    if (isNoSeatLeft(e)) {
      const now = await subscribedSkusOf(ctx, customerId, { fresh: true });
      const short = toAssign
        .map((w) => findSku(now, { skuId: w.sku.productSku.id }) ?? w.sku)
        .filter((s) => seatsLeft(s) <= 0);
      throw new ResourceOperationError(req.resource, req.operation, e, short.map(seatsMessage).join(" ") || undefined);
    }
    // The change may have been applied before a transient failure (5xx after commit): then it is done.
    await adoptAfterLostAnswer(e, async () => {
      const now = await licensesHeld(ctx, customerId, user.id, true).catch(() => undefined);
      if (!now) return undefined;
      const assigned = toAssign.every((w) => {
        const license = heldLicense(now, w.sku);
        return license !== undefined && excludesExactly(w.sku, license, w.excluded);
      });
      const removed = toRemove.every((id) => !now.some((l) => sameId(l.productSku.id, id)));
      return assigned && removed ? true : undefined;
    });
  }
  req.done.licenses = wanted.map((w) => w.entry);
}

/** The listed roles and licenses the user still holds, in the form they were written. */
export async function readAccess(
  ctx: ResourceContext,
  customerId: string,
  userId: string,
  stored: InlineAccess,
): Promise<InlineAccess> {
  const out: InlineAccess = {};
  if (stored.roles !== undefined) out.roles = await readRoles(ctx, customerId, userId, stored.roles);
  if (stored.licenses !== undefined) out.licenses = await readLicenses(ctx, customerId, userId, stored.licenses);
  return out;
}

async function readRoles(ctx: ResourceContext, customerId: string, userId: string, refs: string[]) {
  const roles = await rolesOf(ctx, customerId);
  const member = new Map<string, boolean>();
  for (const ref of refs) {
    const role = findRole(roles, ref);
    member.set(
      ref,
      role !== undefined && (await roleMembersOf(ctx, customerId, role.id)).some((m) => sameId(m.id, userId)),
    );
  }
  const missing = refs.filter((ref) => !member.get(ref) && findRole(roles, ref));
  if (missing.length > 0) {
    // Not in the (shared, possibly slightly old) member lists: confirm with the user's own roles for a bounded
    // wait, since a membership made a moment ago may not be visible yet.
    const wantedIds = missing.map((ref) => findRole(roles, ref)!.id.toLowerCase());
    let last = new Set<string>();
    await findWithin(ctx.waits.confirmGone, async () => {
      last = await rolesHeld(ctx, customerId, userId);
      return wantedIds.every((id) => last.has(id)) ? true : undefined;
    });
    for (const ref of missing) member.set(ref, last.has(findRole(roles, ref)!.id.toLowerCase()));
  }
  return refs.filter((ref) => member.get(ref));
}

async function readLicenses(ctx: ResourceContext, customerId: string, userId: string, entries: LicenseEntry[]) {
  const skus = await subscribedSkusOf(ctx, customerId);
  const licenseOf = (held: License[], e: LicenseEntry) => held.find((l) => isLicenseOf(skus, l, e));
  let held = await licensesHeld(ctx, customerId, userId, false);
  if (entries.some((e) => !licenseOf(held, e))) {
    // Same bounded wait as for roles: a license assigned a moment ago may not be listed yet.
    await findWithin(ctx.waits.confirmGone, async () => {
      held = await licensesHeld(ctx, customerId, userId, true);
      return entries.every((e) => licenseOf(held, e)) ? true : undefined;
    });
  }
  const out: LicenseEntry[] = [];
  for (const e of entries) {
    const license = licenseOf(held, e);
    if (!license) continue;
    const sku = findSku(skus, { skuId: license.productSku.id });
    out.push({ sku: e.sku, excludedPlans: sku ? excludedAsWritten(sku, license, e.excludedPlans) : e.excludedPlans });
  }
  return out;
}
