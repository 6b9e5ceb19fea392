// SubscriptionNickname — the friendly name (nickname) of one existing customer subscription.
// REST: https://learn.microsoft.com/partner-center/developer/update-the-nickname-for-a-subscription
// Lifecycle: create remembers the current nickname and sets the new one; nickname updates in place; delete
// puts the original nickname back (restoreOnDelete); a new customer or subscription replaces.
// Partner Center quirk: the nickname is changed by PATCHing the whole subscription with its ETag; a stale
// ETag (400/2055) is answered by re-reading and retrying, at most 3 attempts.
// Choice: on delete the original is restored only while the nickname is still the one this resource set;
// if someone renamed it since, it is left alone (with a warning). A subscription in status "deleted" reads as gone.
// Choice: a create whose outcome is unknown (the nickname cannot be re-read, or another one appeared) is kept in
// state with its original nickname (a partial create), so delete can still put that back.
// Choice (state = service): the nickname is read back on refresh; the original is kept in state only to put back.

import { z } from "zod";
import type { Subscription } from "./kit/api";
import { defineResource, type ResourceContext } from "./kit/define-resource";
import { lowerCase, trimmed } from "./kit/diff";
import { sameId, subscriptionsOf } from "./kit/cached-lists";
import { isNotFound, isPreconditionFailed, PartialCreateError, ResourceOperationError } from "./kit/errors";
import { bool, guid, text } from "./kit/fields";
import { formatId, parseId } from "./kit/ids";
import { resourceClass } from "./kit/resource-class";

export const TYPE = "SubscriptionNickname";
const ETAG_ATTEMPTS = 3;

// ---- input schema ----
export const SubscriptionNicknameInputs = z.strictObject({
  customerId: guid("customer tenant id"),
  subscriptionId: guid("subscription id (see listSubscriptions)"),
  nickname: text('give the nickname to show for the subscription, e.g. "Sales - Microsoft 365"').pipe(
    z.string().max(100, { error: "must be at most 100 characters. Fix: shorten the nickname" }),
  ),
  restoreOnDelete: bool("set restoreOnDelete to true (put the original nickname back on delete) or false").default(
    true,
  ),
});
export type SubscriptionNicknameInputs = z.input<typeof SubscriptionNicknameInputs>;
type In = z.output<typeof SubscriptionNicknameInputs>;

// ---- state schema ----
export const SubscriptionNicknameOutputs = z.object({ originalNickname: z.string() });
type Out = z.output<typeof SubscriptionNicknameOutputs>;
type Stored = In & Partial<Out>;

// ---- diff rules ----
const diffRules = {
  replaceOn: ["customerId", "subscriptionId"],
  inPlace: ["nickname", "restoreOnDelete"],
  normalize: { customerId: lowerCase, subscriptionId: lowerCase, nickname: trimmed },
  naturalKey: (p: Partial<Stored>) =>
    p.customerId && p.subscriptionId ? `${p.customerId}/${p.subscriptionId}`.toLowerCase() : undefined,
};

// ---- CRUD ----
const describe = (p: Partial<In>) =>
  `${TYPE} of subscription ${p.subscriptionId ?? "(unknown)"} in customer ${p.customerId ?? "(unknown)"}`;

/** Sets friendlyName on a freshly read subscription; a stale ETag is re-read and retried. */
async function setNickname(
  ctx: ResourceContext,
  customerId: string,
  subscriptionId: string,
  nickname: string,
  first?: Subscription,
): Promise<Subscription> {
  let current = first ?? (await ctx.client.subscriptions.get(customerId, subscriptionId));
  for (let attempt = 1; ; attempt++) {
    if (current.friendlyName === nickname) return current;
    try {
      return await ctx.client.subscriptions.update(customerId, { ...current, friendlyName: nickname });
    } catch (e) {
      if (!isPreconditionFailed(e) || attempt >= ETAG_ATTEMPTS) throw e;
      current = await ctx.client.subscriptions.get(customerId, subscriptionId);
    }
  }
}

async function create(ctx: ResourceContext, inputs: In): Promise<{ id: string; outs: Out }> {
  const current = await ctx.client.subscriptions.get(inputs.customerId, inputs.subscriptionId);
  const originalNickname = current.friendlyName ?? "";
  const id = formatId(inputs.customerId, inputs.subscriptionId.toLowerCase());
  try {
    await setNickname(ctx, inputs.customerId, inputs.subscriptionId, inputs.nickname, current);
  } catch (e) {
    // The PATCH may have been applied before the failure; the original nickname must not be lost.
    let now: Subscription | undefined;
    try {
      now = await ctx.client.subscriptions.get(inputs.customerId, inputs.subscriptionId);
    } catch {
      now = undefined;
    }
    if (now?.friendlyName === inputs.nickname) return { id, outs: { originalNickname } };
    if (now !== undefined && now.friendlyName === current.friendlyName) throw e;
    const cause = new ResourceOperationError(describe(inputs), "create", e);
    throw new PartialCreateError(
      `${cause.message}. The original nickname "${originalNickname}" is tracked; run \`pulumi up\` again to finish.`,
      id,
      { ...inputs, nickname: now?.friendlyName ?? originalNickname, originalNickname },
    );
  }
  return { id, outs: { originalNickname } };
}

async function read(ctx: ResourceContext, id: string) {
  const [customerId, subscriptionId] = parseId(TYPE, id, 2);
  let sub: Subscription | undefined;
  try {
    sub = (await subscriptionsOf(ctx, customerId)).find((s) => sameId(s.id, subscriptionId));
  } catch (e) {
    if (!isNotFound(e)) throw e;
  }
  if (!sub) {
    try {
      sub = await ctx.client.subscriptions.get(customerId, subscriptionId);
    } catch (e) {
      if (isNotFound(e)) return undefined;
      throw e;
    }
  }
  if ((sub.status ?? "").toLowerCase() === "deleted") return undefined;
  return { customerId, nickname: sub.friendlyName ?? "" };
}

async function update(ctx: ResourceContext, id: string, olds: Stored, news: In): Promise<Out> {
  const [customerId, subscriptionId] = parseId(TYPE, id, 2);
  await setNickname(ctx, customerId, subscriptionId, news.nickname);
  return { originalNickname: olds.originalNickname ?? "" };
}

async function remove(ctx: ResourceContext, id: string, props: Stored): Promise<void> {
  const [customerId, subscriptionId] = parseId(TYPE, id, 2);
  if (!props.restoreOnDelete || props.originalNickname === undefined) return;
  let current: Subscription;
  try {
    current = await ctx.client.subscriptions.get(customerId, subscriptionId);
  } catch (e) {
    if (isNotFound(e)) return;
    throw e;
  }
  if ((current.status ?? "").toLowerCase() === "deleted") return;
  if (current.friendlyName !== props.nickname) {
    ctx.warn(
      `${describe(props)}: the nickname was changed outside Pulumi to "${current.friendlyName ?? ""}", so the original nickname "${props.originalNickname}" was not put back.`,
    );
    return;
  }
  await setNickname(ctx, customerId, subscriptionId, props.originalNickname, current);
}

// ---- export ----
export const subscriptionNickname = defineResource({
  type: TYPE,
  inputs: SubscriptionNicknameInputs,
  outputs: SubscriptionNicknameOutputs,
  diff: diffRules,
  describe,
  create,
  read,
  update,
  delete: remove,
});

/** The nickname of an existing subscription; the original comes back on delete. */
export const SubscriptionNickname = resourceClass(subscriptionNickname);
export type SubscriptionNickname = InstanceType<typeof SubscriptionNickname>;
