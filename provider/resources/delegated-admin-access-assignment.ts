// DelegatedAdminAccessAssignment — the roles one partner security group gets in a customer tenant through one GDAP
// relationship. REST (Microsoft Graph): https://learn.microsoft.com/graph/api/resources/delegatedadminaccessassignment
// Lifecycle: create waits (bounded, with progress) for the relationship to be active — the customer must approve it
// first — then assigns the group and waits for the assignment to be active; a roles change updates in place (a Graph
// operation); a new relationship or group replaces; delete removes the assignment; read reports it gone when it is
// deleted or its relationship ended.
// Choice: the group is given by id or by display name (resolved among the partner's security groups, exactly one
//   must match); roles by Entra role name or template id, and they must be among the relationship's roles (checked
//   before the call, with the relationship's roles in the message).
// Choice: the waits poll every PARTNERCENTER_GDAP_POLL_SECONDS (default 10) for at most
//   PARTNERCENTER_GDAP_WAIT_SECONDS (default 900) and say what they wait for every minute.
// Choice: `adopt: true` takes over the group's existing assignment in that relationship (Graph allows one per group).

import { z } from "zod";
import { roleNameOf } from "../client/graph/entraRoles";
import type {
  DelegatedAdminAccessAssignment as Assignment,
  DelegatedAdminRelationship as Relationship,
} from "../client/graph/models";
import { exactlyOneOf, type CrossFieldRule } from "./kit/check";
import { defineResource, type ResourceContext } from "./kit/define-resource";
import { lowerCase } from "./kit/diff";
import { entraRoles, roleIds, unknownRoles } from "./kit/entra-roles";
import { isNotFound, ResourceUsageError } from "./kit/errors";
import { bool, guid, text } from "./kit/fields";
import { formatId, parseId } from "./kit/ids";
import { resourceClass } from "./kit/resource-class";

export const TYPE = "DelegatedAdminAccessAssignment";

// ---- input schema ----
export const DelegatedAdminAccessAssignmentInputs = z.strictObject({
  relationshipId: text("give the relationship's id (DelegatedAdminRelationship.id)"),
  securityGroupId: guid("partner security group id").optional(),
  securityGroupName: text('give the partner security group\'s display name, e.g. "Helpdesk Agents"').optional(),
  roles: entraRoles('list roles of the relationship, e.g. ["Helpdesk Administrator"]'),
  adopt: bool("set adopt: true to take over the group's existing assignment").default(false),
});
export type DelegatedAdminAccessAssignmentInputs = z.input<typeof DelegatedAdminAccessAssignmentInputs>;
type In = z.output<typeof DelegatedAdminAccessAssignmentInputs>;

// ---- state schema ----
export const DelegatedAdminAccessAssignmentOutputs = z.object({
  assignmentId: z.string(),
  resolvedSecurityGroupId: z.string(),
  roleDefinitionIds: z.array(z.string()),
  status: z.string(),
});
type Out = z.output<typeof DelegatedAdminAccessAssignmentOutputs>;
type Stored = In & Partial<Out>;

const knownRoles: CrossFieldRule = (inputs) => unknownRoles(inputs.roles);

// ---- diff rules ----
const diffRules = {
  replaceOn: ["relationshipId", "securityGroupId", "securityGroupName"],
  inPlace: ["roles", "adopt"],
  normalize: {
    relationshipId: lowerCase,
    securityGroupId: lowerCase,
    securityGroupName: lowerCase,
    roles: (v: unknown) => roleIds(v),
  },
  naturalKey: (p: Partial<Stored>) =>
    p.relationshipId && (p.securityGroupId || p.securityGroupName)
      ? `${p.relationshipId}/${p.securityGroupId ?? `name:${p.securityGroupName}`}`.toLowerCase()
      : undefined,
};

// ---- waits ----
const seconds = (name: string, fallback: number) => {
  const v = Number(process.env[name]);
  return Number.isFinite(v) && v > 0 ? v : fallback;
};
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Polls `probe` until it returns a value, for at most PARTNERCENTER_GDAP_WAIT_SECONDS, warning each minute. */
async function waitFor<T>(
  ctx: ResourceContext,
  what: string,
  probe: () => Promise<{ done: T } | { state: string }>,
): Promise<T> {
  const limitMs = seconds("PARTNERCENTER_GDAP_WAIT_SECONDS", 900) * 1000;
  const pollMs = seconds("PARTNERCENTER_GDAP_POLL_SECONDS", 10) * 1000;
  const started = Date.now();
  let lastNote = started;
  for (;;) {
    const r = await probe();
    if ("done" in r) return r.done;
    const waited = Date.now() - started;
    if (waited >= limitMs)
      throw new Error(
        `gave up after ${Math.round(waited / 1000)} s waiting for ${what} (still ${r.state}). Fix: run \`pulumi up\` again once it is done, or raise PARTNERCENTER_GDAP_WAIT_SECONDS.`,
      );
    if (Date.now() - lastNote >= 60_000 || lastNote === started) {
      ctx.warn(`waiting for ${what} (now ${r.state}, ${Math.round(waited / 1000)} s so far)`);
      lastNote = Date.now() + (lastNote === started ? 1 : 0);
    }
    await sleep(pollMs);
  }
}

// ---- CRUD ----
const describe = (p: Partial<In>) =>
  `${TYPE} of ${p.securityGroupName ?? p.securityGroupId ?? "(unknown group)"} in relationship ${p.relationshipId ?? "(unknown)"}`;

async function resolveGroup(ctx: ResourceContext, inputs: In): Promise<string> {
  if (inputs.securityGroupId) return inputs.securityGroupId.toLowerCase();
  const found = await ctx.client.graph.groups.findByDisplayName(inputs.securityGroupName!);
  if (found.length === 1) return found[0].id.toLowerCase();
  throw new ResourceUsageError(
    describe(inputs),
    "create",
    found.length === 0
      ? `no security group of the partner tenant is named "${inputs.securityGroupName}". Fix: create it in Entra ID first, or give securityGroupId.`
      : `${found.length} security groups are named "${inputs.securityGroupName}". Fix: give securityGroupId (one of ${found.map((g) => g.id).join(", ")}).`,
  );
}

function outputsOf(a: Assignment): Out {
  return {
    assignmentId: a.id,
    resolvedSecurityGroupId: a.accessContainer.accessContainerId.toLowerCase(),
    roleDefinitionIds: a.accessDetails.unifiedRoles.map((r) => r.roleDefinitionId.toLowerCase()).sort(),
    status: a.status,
  };
}

async function waitActive(ctx: ResourceContext, inputs: In, relationshipId: string, id: string): Promise<Assignment> {
  return waitFor<Assignment>(ctx, `${describe(inputs)} to become active`, async () => {
    const a = await ctx.client.graph.accessAssignments.get(relationshipId, id);
    if (a.status === "active") return { done: a };
    if (a.status === "error" || a.status === "deleted")
      throw new ResourceUsageError(describe(inputs), "create", `the assignment ended ${a.status} in Microsoft Graph.`);
    return { state: a.status };
  });
}

async function create(ctx: ResourceContext, inputs: In): Promise<{ id: string; outs: Out }> {
  const graph = ctx.client.graph;
  const relationship = await waitFor<Relationship>(
    ctx,
    `relationship ${inputs.relationshipId} to be approved and active`,
    async () => {
      const r = await graph.relationships.get(inputs.relationshipId);
      if (r.status === "active") return { done: r };
      if (["expired", "terminated", "expiring", "terminating", "terminationRequested"].includes(r.status))
        throw new ResourceUsageError(
          describe(inputs),
          "create",
          `the relationship is ${r.status}; access can be assigned only in an active relationship. Fix: request a new relationship.`,
        );
      return {
        state: r.status === "approvalPending" ? "approvalPending: the customer has not approved it yet" : r.status,
      };
    },
  );
  const granted = relationship.accessDetails.unifiedRoles.map((r) => r.roleDefinitionId.toLowerCase());
  const wanted = roleIds(inputs.roles);
  const extra = wanted.filter((r) => !granted.includes(r));
  if (extra.length)
    throw new ResourceUsageError(
      describe(inputs),
      "create",
      `roles ${extra.map(roleNameOf).join(", ")} are not in the relationship (it grants ${granted.map(roleNameOf).join(", ")}). Fix: assign only roles of the relationship, or request a relationship with them.`,
    );
  const groupId = await resolveGroup(ctx, inputs);
  const existing = inputs.adopt
    ? (await graph.accessAssignments.list(inputs.relationshipId)).find(
        (a) => a.accessContainer.accessContainerId.toLowerCase() === groupId && a.status !== "deleted",
      )
    : undefined;
  if (existing) {
    const outs =
      existing.status === "active" ? existing : await waitActive(ctx, inputs, inputs.relationshipId, existing.id);
    return { id: formatId(inputs.relationshipId, existing.id), outs: outputsOf(outs) };
  }
  let assignment: Assignment;
  try {
    assignment = await graph.accessAssignments.create(inputs.relationshipId, groupId, wanted);
  } catch (e) {
    if ((e as { status?: number }).status !== 409) throw e;
    const existing = (await graph.accessAssignments.list(inputs.relationshipId)).find(
      (a) => a.accessContainer.accessContainerId.toLowerCase() === groupId && a.status !== "deleted",
    );
    if (!existing || !inputs.adopt)
      throw new ResourceUsageError(
        describe(inputs),
        "create",
        `the group already has an assignment in this relationship (Graph allows one per group). Fix: set adopt: true to manage it${existing ? ` (assignment ${existing.id})` : ""}.`,
      );
    assignment = existing;
  }
  const id = formatId(inputs.relationshipId, assignment.id);
  const active =
    assignment.status === "active" ? assignment : await waitActive(ctx, inputs, inputs.relationshipId, assignment.id);
  return { id, outs: outputsOf(active) };
}

async function read(ctx: ResourceContext, id: string) {
  const [relationshipId, assignmentId] = parseId(TYPE, id, 2);
  let a: Assignment;
  try {
    a = await ctx.client.graph.accessAssignments.get(relationshipId, assignmentId);
  } catch (e) {
    if (isNotFound(e)) return undefined;
    throw e;
  }
  if (a.status === "deleted" || a.status === "deleting") return undefined;
  const outs = outputsOf(a);
  return { relationshipId, roles: outs.roleDefinitionIds, ...outs };
}

async function update(ctx: ResourceContext, id: string, _olds: Stored, news: In): Promise<Out> {
  const [relationshipId, assignmentId] = parseId(TYPE, id, 2);
  const graph = ctx.client.graph;
  const current = await graph.accessAssignments.get(relationshipId, assignmentId);
  const wanted = roleIds(news.roles);
  const have = outputsOf(current).roleDefinitionIds;
  if (wanted.length !== have.length || wanted.some((r) => !have.includes(r))) {
    const { operationUrl } = await graph.accessAssignments.update(
      relationshipId,
      assignmentId,
      current["@odata.etag"] ?? "*",
      wanted,
    );
    if (operationUrl) {
      const operationId = operationUrl.split("/").pop()!;
      await waitFor<boolean>(ctx, `the role change of ${describe(news)}`, async () => {
        const op = await graph.relationships.operation(relationshipId, operationId);
        if (op.status === "succeeded") return { done: true };
        if (op.status === "failed")
          throw new ResourceUsageError(describe(news), "update", "the Graph operation changing the roles failed.");
        return { state: op.status };
      });
    }
  }
  return outputsOf(await graph.accessAssignments.get(relationshipId, assignmentId));
}

async function remove(ctx: ResourceContext, id: string): Promise<void> {
  const [relationshipId, assignmentId] = parseId(TYPE, id, 2);
  let a: Assignment;
  try {
    a = await ctx.client.graph.accessAssignments.get(relationshipId, assignmentId);
  } catch (e) {
    if (isNotFound(e)) return;
    throw e;
  }
  if (a.status === "deleted" || a.status === "deleting") return;
  await ctx.client.graph.accessAssignments.delete(relationshipId, assignmentId, a["@odata.etag"] ?? "*");
}

// ---- export ----
export const delegatedAdminAccessAssignment = defineResource({
  type: TYPE,
  inputs: DelegatedAdminAccessAssignmentInputs,
  outputs: DelegatedAdminAccessAssignmentOutputs,
  rules: [
    exactlyOneOf(
      "securityGroupId",
      "securityGroupName",
      'give either securityGroupId (a GUID) or securityGroupName (e.g. "Helpdesk Agents"), not both',
    ),
    knownRoles,
  ],
  diff: diffRules,
  describe,
  customerOf: () => undefined,
  create,
  read,
  update,
  delete: remove,
});

/** Gives a partner security group some of a GDAP relationship's roles in the customer tenant. */
export const DelegatedAdminAccessAssignment = resourceClass(delegatedAdminAccessAssignment);
export type DelegatedAdminAccessAssignment = InstanceType<typeof DelegatedAdminAccessAssignment>;
