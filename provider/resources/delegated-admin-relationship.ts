// DelegatedAdminRelationship — a GDAP admin relationship: the Entra roles a partner asks for in one customer tenant,
// for a duration, approved by the customer's Global Administrator.
// REST (Microsoft Graph): https://learn.microsoft.com/graph/api/resources/delegatedadminrelationship
// Lifecycle: create makes the relationship and locks it for approval (status approvalPending; the customer approves
// at invitationUrl); while `created` every field updates in place; while `active` only autoExtend changes in place
// (and dropping Global Administrator); delete deletes one never locked, terminates an active one, and refuses one
// awaiting approval; read reports status and end date, and an expired or terminated relationship as gone.
// Choice: changes the current status does not allow are refused at preview (diff) with the reason and the fix:
//   anything while awaiting approval; in an active relationship a new duration, customer or roles (other than
//   removing Global Administrator) replaces it, which needs a new displayName, since names stay taken by
//   terminated relationships.
// Choice: roles are given by Entra role name or template id, compared as a set of template ids; state keeps the
//   resolved ids (roleDefinitionIds) and the roles last applied (requestedRoleDefinitionIds), so that a role removed
//   behind our back shows as drift on refresh instead of failing it.
// Choice: `autoExtend: true` means autoExtendDuration P180D (the one documented extension), false PT0S; it is refused
//   at check together with Global Administrator, which can't auto-extend.
// Choice: `adopt: true` takes over the partner's relationship of the same displayName and customer (what
//   `partner-center export` writes), whatever its status, unless it is expired or terminated.

import { z } from "zod";
import { GLOBAL_ADMINISTRATOR_ID } from "../client/graph/entraRoles";
import { invitationUrl } from "../client/graph/delegatedAdminRelationships";
import type { DelegatedAdminRelationship as Relationship } from "../client/graph/models";
import type { CrossFieldRule } from "./kit/check";
import { defineResource, type ResourceContext, type ResourceDefinition } from "./kit/define-resource";
import { computeDiff, lowerCase } from "./kit/diff";
import { entraRoles, roleIds, unknownRoles } from "./kit/entra-roles";
import { isNotFound, PartialCreateError, ResourceUsageError } from "./kit/errors";
import { bool, guid } from "./kit/fields";
import { resourceClass } from "./kit/resource-class";
import { containsUnknown } from "./kit/unknown";

export const TYPE = "DelegatedAdminRelationship";
const NAME = /^[A-Za-z0-9 _\-:.]+$/;
const DURATION = /^P(?:(\d+)D|(\d+)W|([12])Y)$/;

/** Days of an accepted duration (P<n>D, P<n>W, P1Y, P2Y), else undefined. */
export function durationDays(text: string): number | undefined {
  const m = DURATION.exec(text);
  if (!m) return undefined;
  return m[1] ? Number(m[1]) : m[2] ? Number(m[2]) * 7 : Number(m[3]) * 365;
}

// ---- input schema ----
export const DelegatedAdminRelationshipInputs = z.strictObject({
  customerId: guid("customer tenant id"),
  displayName: z
    .string({ error: "is required. Fix: name the relationship (1 to 50 letters, digits, spaces or - _ : .)" })
    .min(1, { error: "must not be empty. Fix: name the relationship (1 to 50 characters)" })
    .max(50, { error: "is longer than 50 characters. Fix: shorten it; Microsoft Graph allows at most 50" })
    .regex(NAME, { error: "has characters Graph refuses. Fix: use letters, digits, spaces and - _ : . only" }),
  duration: z
    .string({ error: "is required. Fix: give an ISO 8601 duration from P1D to P2Y, e.g. P730D" })
    .refine((v) => durationDays(v) !== undefined, {
      error: "is not a duration Graph accepts. Fix: write days (e.g. P730D), weeks (P4W) or P1Y/P2Y",
    })
    .refine((v) => (durationDays(v) ?? 1) >= 1 && (durationDays(v) ?? 1) <= 730, {
      error: "is outside P1D..P2Y. Fix: give 1 to 730 days",
    }),
  roles: entraRoles('list Entra roles by name or id, e.g. ["Helpdesk Administrator"]'),
  autoExtend: bool("set autoExtend: true to extend by 180 days at the end (not with Global Administrator)").default(
    false,
  ),
  adopt: bool("set adopt: true to take over an existing relationship of this displayName").default(false),
});
export type DelegatedAdminRelationshipInputs = z.input<typeof DelegatedAdminRelationshipInputs>;
type In = z.output<typeof DelegatedAdminRelationshipInputs>;

// ---- state schema ----
export const DelegatedAdminRelationshipOutputs = z.object({
  status: z.string(),
  invitationUrl: z.string(),
  roleDefinitionIds: z.array(z.string()),
  requestedRoleDefinitionIds: z.array(z.string()).optional(),
  activatedDateTime: z.string().optional(),
  endDateTime: z.string().optional(),
});
type Out = z.output<typeof DelegatedAdminRelationshipOutputs>;
type Stored = In & Partial<Out>;

const roleRule: CrossFieldRule = (inputs) => {
  const failures = unknownRoles(inputs.roles);
  if (inputs.autoExtend === true && roleIds(inputs.roles).includes(GLOBAL_ADMINISTRATOR_ID))
    failures.push({
      property: "autoExtend",
      reason:
        "a relationship with Global Administrator cannot auto-extend (Microsoft Graph refuses it). Fix: set autoExtend: false or remove Global Administrator.",
    });
  return failures;
};

// ---- diff rules ----
const diffRules = {
  replaceOn: ["customerId", "displayName", "duration", "roles"],
  inPlace: ["autoExtend", "adopt"],
  normalize: { customerId: lowerCase, roles: (v: unknown) => roleIds(v) },
};

const sameIds = (a: string[], b: string[]) => a.length === b.length && a.every((x) => b.includes(x));

/** The engine's diff with the status rules: refuses (throws) what the current status can't do, with the fix. */
const statusAwareDiff: ResourceDefinition["diff"] = (_id, olds, news) => {
  const outcome = computeDiff(diffRules, { autoExtend: false, adopt: false }, olds, news);
  if (!outcome.changes || containsUnknown(news)) return { changes: outcome.changes, replaces: outcome.replaces };
  const status = typeof olds.status === "string" ? olds.status : "created";
  const who = `${TYPE} ${String(news.displayName ?? olds.displayName)}`;
  const newRoles = roleIds(news.roles);
  const requested = (olds.requestedRoleDefinitionIds as string[] | undefined) ?? roleIds(olds.roles);
  // a roles difference that is only the remote side drifting (refresh) is not a change the user asked for
  const changed = outcome.changed.filter((k) => k !== "roles" || !sameIds(newRoles, requested));
  if (status === "created") return { changes: true, replaces: [] };
  if (["approvalPending", "approved", "activating"].includes(status)) {
    const asked = changed.filter((k) => k !== "adopt");
    if (asked.length)
      throw new ResourceUsageError(
        who,
        "preview",
        `the relationship was ${status} when last read (waiting for the customer's approval at ${String(olds.invitationUrl)}); Microsoft Graph allows no change until it is active, so ${asked.join(", ")} can't change now. Fix: if the customer has approved since, run \`pulumi refresh\` (or \`pulumi preview --refresh\`) first; otherwise put back the previous ${asked.join(", ")} and change ${asked.length > 1 ? "them" : "it"} once the customer has approved, or remove the resource after the invitation lapses (90 days).`,
      );
    return { changes: true, replaces: [] };
  }
  const replaceKeys = outcome.replaces.filter((k) => {
    if (k !== "roles") return true;
    const old = roleIds(olds.roles);
    const dropsOnlyGlobalAdmin =
      old.includes(GLOBAL_ADMINISTRATOR_ID) &&
      sameIds(
        newRoles,
        old.filter((r) => r !== GLOBAL_ADMINISTRATOR_ID),
      );
    return !dropsOnlyGlobalAdmin;
  });
  if (replaceKeys.length && !replaceKeys.includes("displayName") && changed.some((k) => replaceKeys.includes(k)))
    throw new ResourceUsageError(
      who,
      "preview",
      `the relationship is ${status}: its ${replaceKeys.join(", ")} can't change in place, so this needs a new relationship that the customer approves again, and the name "${String(olds.displayName)}" stays taken by the old one even once terminated. Fix: give a new displayName as well (the old relationship is terminated after the new one is created), or put back the previous ${replaceKeys.join(", ")}.`,
    );
  return { changes: true, replaces: replaceKeys };
};

// ---- CRUD ----
const describe = (p: Partial<In>) =>
  `${TYPE} ${p.displayName ?? "(unknown)"} in customer ${p.customerId ?? "(unknown)"}`;

function outputsOf(r: Relationship, requested?: string[]): Out {
  const ids = r.accessDetails.unifiedRoles.map((u) => u.roleDefinitionId.toLowerCase()).sort();
  return {
    status: r.status,
    invitationUrl: invitationUrl(r.id),
    roleDefinitionIds: ids,
    requestedRoleDefinitionIds: requested ?? ids,
    activatedDateTime: r.activatedDateTime ?? undefined,
    endDateTime: r.endDateTime ?? undefined,
  };
}

const GONE = new Set(["expired", "terminated", "expiring", "terminating", "terminationRequested"]);

async function findByName(ctx: ResourceContext, inputs: In): Promise<Relationship | undefined> {
  const all = await ctx.client.graph.relationships.list({ customerTenantId: inputs.customerId });
  return all.find((r) => r.displayName.toLowerCase() === inputs.displayName.toLowerCase());
}

async function create(ctx: ResourceContext, inputs: In): Promise<{ id: string; outs: Out }> {
  const requested = roleIds(inputs.roles);
  if (inputs.adopt) {
    const existing = await findByName(ctx, inputs);
    if (existing && !GONE.has(existing.status)) return { id: existing.id, outs: outputsOf(existing, requested) };
    if (existing)
      throw new ResourceUsageError(
        describe(inputs),
        "create",
        `the relationship of this name is ${existing.status} and can't be adopted. Fix: give a new displayName to request a new relationship.`,
      );
  }
  let created: Relationship;
  try {
    created = await ctx.client.graph.relationships.create({
      displayName: inputs.displayName,
      duration: inputs.duration,
      roleDefinitionIds: requested,
      customerTenantId: inputs.customerId,
      autoExtendDuration: inputs.autoExtend ? "P180D" : "PT0S",
    });
  } catch (e) {
    if ((e as { status?: number }).status === 409)
      throw new ResourceUsageError(
        describe(inputs),
        "create",
        `the partner already has a relationship named "${inputs.displayName}" (names are unique across all its relationships, terminated ones included). Fix: set adopt: true to manage it, or give another displayName.`,
      );
    throw e;
  }
  try {
    await ctx.client.graph.relationships.lockForApproval(created.id);
  } catch (e) {
    throw new PartialCreateError(
      `${describe(inputs)}: created (id ${created.id}) but not locked for approval: ${(e as Error).message}. Run \`pulumi up\` again to retry; the relationship is kept in state.`,
      created.id,
      { ...inputs, ...outputsOf(created, requested) },
    );
  }
  const now = await ctx.client.graph.relationships.get(created.id);
  ctx.warn(
    `${describe(inputs)} awaits the customer's approval: send the customer's Global Administrator ${invitationUrl(created.id)}`,
  );
  return { id: created.id, outs: outputsOf(now, requested) };
}

async function read(ctx: ResourceContext, id: string) {
  let r: Relationship;
  try {
    r = await ctx.client.graph.relationships.get(id);
  } catch (e) {
    if (isNotFound(e)) return undefined;
    throw e;
  }
  if (GONE.has(r.status)) return undefined;
  const outs = outputsOf(r);
  return {
    customerId: r.customer?.tenantId ?? null,
    displayName: r.displayName,
    duration: r.duration,
    roles: outs.roleDefinitionIds,
    autoExtend: r.autoExtendDuration === "P180D",
    status: outs.status,
    roleDefinitionIds: outs.roleDefinitionIds,
    activatedDateTime: outs.activatedDateTime ?? null,
    endDateTime: outs.endDateTime ?? null,
  };
}

async function update(ctx: ResourceContext, id: string, olds: Stored, news: In): Promise<Out> {
  const current = await ctx.client.graph.relationships.get(id);
  const etag = current["@odata.etag"] ?? "*";
  const roles = roleIds(news.roles);
  const autoExtendDuration = news.autoExtend ? "P180D" : "PT0S";
  if (current.status === "created") {
    await ctx.client.graph.relationships.update(id, etag, {
      displayName: news.displayName,
      duration: news.duration,
      customerTenantId: news.customerId,
      roleDefinitionIds: roles,
      autoExtendDuration,
    });
  } else if (current.status === "active") {
    const currentRoles = current.accessDetails.unifiedRoles.map((u) => u.roleDefinitionId.toLowerCase()).sort();
    let tag = etag;
    if (!sameIds(roles, currentRoles)) {
      const { operationUrl } = await ctx.client.graph.relationships.update(id, tag, { roleDefinitionIds: roles });
      if (operationUrl) ctx.warn(`${describe(news)}: removing Global Administrator runs as a Graph operation.`);
      tag = (await ctx.client.graph.relationships.get(id))["@odata.etag"] ?? "*";
    }
    if ((current.autoExtendDuration === "P180D") !== news.autoExtend)
      await ctx.client.graph.relationships.update(id, tag, { autoExtendDuration });
  } else if (olds.adopt !== news.adopt) {
    // only the adopt flag changed: nothing to send
  } else {
    throw new ResourceUsageError(
      describe(news),
      "update",
      `the relationship is ${current.status} and can't change now.`,
    );
  }
  return outputsOf(await ctx.client.graph.relationships.get(id), roles);
}

async function remove(ctx: ResourceContext, id: string, props: Stored): Promise<void> {
  let r: Relationship;
  try {
    r = await ctx.client.graph.relationships.get(id);
  } catch (e) {
    if (isNotFound(e)) return;
    throw e;
  }
  if (r.status === "created") await ctx.client.graph.relationships.delete(id, r["@odata.etag"] ?? "*");
  else if (r.status === "active") await ctx.client.graph.relationships.terminate(id);
  else if (GONE.has(r.status)) return;
  else
    throw new ResourceUsageError(
      describe(props),
      "delete",
      `the relationship is ${r.status}: Microsoft Graph can neither delete nor terminate it before the customer approves. Fix: wait for the approval (then destroy terminates it) or for the invitation to lapse after 90 days; or remove it from state with \`pulumi state delete\` to leave it to lapse.`,
    );
}

// ---- export ----
const base = defineResource({
  type: TYPE,
  inputs: DelegatedAdminRelationshipInputs,
  outputs: DelegatedAdminRelationshipOutputs,
  rules: [roleRule],
  diff: diffRules,
  describe,
  create,
  read,
  update,
  delete: remove,
});

export const delegatedAdminRelationship: typeof base = { ...base, diff: statusAwareDiff };

/** A GDAP admin relationship with one customer; the customer approves it at `invitationUrl`. */
export const DelegatedAdminRelationship = resourceClass(delegatedAdminRelationship);
export type DelegatedAdminRelationship = InstanceType<typeof DelegatedAdminRelationship>;
