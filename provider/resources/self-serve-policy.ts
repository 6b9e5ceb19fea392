// SelfServePolicy — lets a customer buy Azure reservations / savings plans itself, billed to the partner.
// REST: https://learn.microsoft.com/partner-center/developer/create-a-selfservepolicy
// Lifecycle: create makes the one policy of the (grantor, customer) pair, or adopts it; permissions update
// in place with a freshly read ETag (retried when it went stale); delete removes the policy; a new customer
// or grantor replaces.
// Partner Center quirk: the policy id is "<grantorTenantId>_<customerTenantId>" and JSON uses `tenantID`.
// Choice: grantorTenantId defaults to the configured partner tenant; the output grantorTenantId is resolved.
// Choice (state = service): adopting the existing policy writes the given permissions before it is tracked; delete
//   removes the policy, so nothing stays behind unmanaged.

import { z } from "zod";
import { adoptAfterLostAnswer } from "./kit/adopt-after-lost-answer";
import type { SelfServePolicy as RemotePolicy } from "./kit/api";
type Permission = { resource: string; action: string };
type NewPolicy = {
  selfServeEntity: { selfServeEntityType: string; tenantID: string };
  grantor: { grantorType: string; tenantID: string };
  permissions: Permission[];
};
import { defineResource, type ResourceContext } from "./kit/define-resource";
import { lowerCase, objectSet } from "./kit/diff";
import { policiesOf, sameId } from "./kit/cached-lists";
import { deleteUnlessGone, isConflict, isNotFound, isPreconditionFailed, ResourceUsageError } from "./kit/errors";
import { bool, guid, oneOf } from "./kit/fields";
import { resourceClass } from "./kit/resource-class";

export const TYPE = "SelfServePolicy";
const ETAG_ATTEMPTS = 3;

// ---- input schema ----
export const PERMISSION_RESOURCES = ["AzureReservedInstances", "AzureSavingsPlan"] as const;
export const PERMISSION_ACTIONS = ["Purchase"] as const;

export const SelfServePolicyInputs = z.strictObject({
  customerId: guid("customer tenant id"),
  permissions: z
    .array(
      z.strictObject({
        resource: oneOf(PERMISSION_RESOURCES),
        action: oneOf(PERMISSION_ACTIONS),
      }),
      {
        error:
          'must be a list. Fix: give permissions as a list like [{ resource: "AzureReservedInstances", action: "Purchase" }]',
      },
    )
    .min(1, { error: "must not be empty. Fix: give at least one { resource, action }, or delete the policy" }),
  grantorTenantId: guid("grantor (partner) tenant id").optional(),
  adopt: bool("set adopt: true to take over the existing policy of this customer").default(false),
});
export type SelfServePolicyInputs = z.input<typeof SelfServePolicyInputs>;
type In = z.output<typeof SelfServePolicyInputs>;

// ---- state schema ----
export const SelfServePolicyOutputs = z.object({ policyId: z.string(), grantorTenantId: z.string() });
type Out = z.output<typeof SelfServePolicyOutputs>;
type Stored = In & Partial<Out>;

// ---- diff rules ----
const diffRules = {
  replaceOn: ["customerId", "grantorTenantId"],
  inPlace: ["permissions", "adopt"],
  normalize: { customerId: lowerCase, grantorTenantId: lowerCase, permissions: objectSet },
  naturalKey: (p: Partial<Stored>) =>
    p.customerId ? `${p.grantorTenantId ?? "partner"}_${p.customerId}`.toLowerCase() : undefined,
};

// ---- CRUD ----
const describe = (p: Partial<In>) => `${TYPE} for customer ${p.customerId ?? "(unknown)"}`;
const samePermissions = (a: Permission[], b: Permission[]) =>
  JSON.stringify(objectSet(a)) === JSON.stringify(objectSet(b));

function body(inputs: In, grantor: string): NewPolicy {
  return {
    selfServeEntity: { selfServeEntityType: "customer", tenantID: inputs.customerId },
    grantor: { grantorType: "billToPartner", tenantID: grantor },
    permissions: inputs.permissions.map((p) => ({ resource: p.resource, action: p.action })),
  };
}

async function findPolicy(
  ctx: ResourceContext,
  customerId: string,
  grantor: string,
  fresh: boolean,
): Promise<RemotePolicy | undefined> {
  return (await policiesOf(ctx, customerId, { fresh })).find(
    (p) => sameId(p.selfServeEntity?.tenantID, customerId) && sameId(p.grantor?.tenantID, grantor),
  );
}

/** Read the current policy (for its ETag), write the permissions; re-read and retry when the ETag went stale. */
async function writePermissions(
  ctx: ResourceContext,
  policyId: string,
  permissions: Permission[],
): Promise<RemotePolicy> {
  for (let attempt = 1; ; attempt++) {
    const current = await ctx.client.selfServePolicies.get(policyId);
    try {
      return await ctx.client.selfServePolicies.update({ ...current, permissions });
    } catch (e) {
      if (!isPreconditionFailed(e) || attempt >= ETAG_ATTEMPTS) throw e;
    }
  }
}

async function create(ctx: ResourceContext, inputs: In): Promise<{ id: string; outs: Out }> {
  const grantor = inputs.grantorTenantId ?? ctx.partnerTenantId;
  const wanted = body(inputs, grantor);
  const existing = await findPolicy(ctx, inputs.customerId, grantor, true);
  if (existing) {
    if (!inputs.adopt) {
      throw new ResourceUsageError(
        describe(inputs),
        "create",
        `customer ${inputs.customerId} already has a self-serve policy from grantor ${grantor} (id ${existing.id}). Fix: set adopt: true to manage it.`,
      );
    }
    if (!samePermissions(existing.permissions, wanted.permissions))
      await writePermissions(ctx, existing.id, wanted.permissions);
    return { id: existing.id, outs: { policyId: existing.id, grantorTenantId: grantor } };
  }
  let created: RemotePolicy | undefined;
  try {
    created = await ctx.client.selfServePolicies.create(wanted);
  } catch (e) {
    // 409 right after we saw no policy, or a failure after the create was applied: the policy is ours.
    created = await adoptAfterLostAnswer(
      e,
      async () => {
        const found = await findPolicy(ctx, inputs.customerId, grantor, true);
        return found && samePermissions(found.permissions, wanted.permissions) ? found : undefined;
      },
      { alsoAfter: isConflict },
    );
  }
  const id = created.id ?? `${grantor}_${inputs.customerId}`;
  return { id, outs: { policyId: id, grantorTenantId: grantor } };
}

async function read(ctx: ResourceContext, id: string, props: Stored) {
  let policy = (await policiesOf(ctx, props.customerId)).find((p) => sameId(p.id, id));
  if (!policy) {
    try {
      policy = await ctx.client.selfServePolicies.get(id);
    } catch (e) {
      if (isNotFound(e)) return undefined;
      throw e;
    }
  }
  return {
    customerId: policy.selfServeEntity?.tenantID ?? props.customerId,
    grantorTenantId: policy.grantor?.tenantID ?? props.grantorTenantId,
    permissions: policy.permissions.map((p) => ({ resource: p.resource, action: p.action })) as In["permissions"],
    policyId: policy.id ?? id,
  };
}

async function update(ctx: ResourceContext, id: string, olds: Stored, news: In): Promise<Out> {
  const grantor = olds.grantorTenantId ?? news.grantorTenantId ?? ctx.partnerTenantId;
  if (!samePermissions(olds.permissions, news.permissions))
    await writePermissions(ctx, id, body(news, grantor).permissions);
  return { policyId: id, grantorTenantId: grantor };
}

async function remove(ctx: ResourceContext, id: string): Promise<void> {
  await deleteUnlessGone(() => ctx.client.selfServePolicies.delete(id));
}

// ---- export ----
export const selfServePolicy = defineResource({
  type: TYPE,
  inputs: SelfServePolicyInputs,
  outputs: SelfServePolicyOutputs,
  diff: diffRules,
  describe,
  create,
  read,
  update,
  delete: remove,
});

/** The self-serve purchase policy of one customer (one per partner/customer pair). */
export const SelfServePolicy = resourceClass(selfServePolicy, {
  fromId: { policyId: (id) => (id.includes("_") ? id : undefined) },
});
export type SelfServePolicy = InstanceType<typeof SelfServePolicy>;
