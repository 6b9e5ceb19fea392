// UserRoleAssignment — one customer user's membership in one Entra directory role.
// REST: https://learn.microsoft.com/partner-center/developer/set-user-roles-for-a-customer
// Lifecycle: create adds the user to the role (resolved by id or by name in that customer, or adopted when it
// already holds it); any change of customer, user or role replaces; delete removes only this membership.
// Choice: `adopt` is a behaviour flag; changing it alone updates state without any Partner Center call.
// Choice: the role is matched by name case-insensitively; outputs carry both the resolved roleId and roleName.
// Choice: a user "not found" at create is waited for (kit/propagation.ts, dependentWrite); read waits briefly
// (confirmGone) before reporting a membership gone.
// Choice (state = service): a membership has no fields beyond its key, so adopting one is exact; a replace on the
//   same user and role deletes the old membership first, and a read waits before reporting it gone.

import { z } from "zod";
import type { DirectoryRole } from "./kit/api";
import { exactlyOneOf } from "./kit/check";
import { defineResource, type ResourceContext } from "./kit/define-resource";
import { lowerCase } from "./kit/diff";
import { roleMembersOf, rolesOf, sameId, sameText } from "./kit/cached-lists";
import { deleteUnlessGone, isNotFound, ResourceUsageError } from "./kit/errors";
import { bool, guid, text } from "./kit/fields";
import { formatId, parseId } from "./kit/ids";
import { createForUser, findWithin, retryNotFound } from "./kit/propagation";
import { resourceClass } from "./kit/resource-class";

export const TYPE = "UserRoleAssignment";

// ---- input schema ----
export const UserRoleAssignmentInputs = z.strictObject({
  customerId: guid("customer tenant id"),
  userId: guid("user id (CustomerUser.userId)"),
  roleId: guid("directory role id (see listDirectoryRoles)").optional(),
  roleName: text('give the role\'s display name, e.g. "User Administrator"').optional(),
  adopt: bool("set adopt: true to take over a membership the user already has").default(false),
});
export type UserRoleAssignmentInputs = z.input<typeof UserRoleAssignmentInputs>;
type In = z.output<typeof UserRoleAssignmentInputs>;

// ---- state schema ----
export const UserRoleAssignmentOutputs = z.object({ roleId: z.string(), roleName: z.string().optional() });
type Out = z.output<typeof UserRoleAssignmentOutputs>;
type Stored = In & Partial<Out>;

// ---- diff rules ----
const diffRules = {
  replaceOn: ["customerId", "userId", "roleId", "roleName"],
  inPlace: ["adopt"],
  normalize: { customerId: lowerCase, userId: lowerCase, roleId: lowerCase, roleName: lowerCase },
  naturalKey: (p: Partial<Stored>) =>
    p.customerId && p.userId && (p.roleId || p.roleName)
      ? `${p.customerId}/${p.userId}/${p.roleId ?? `name:${p.roleName}`}`.toLowerCase()
      : undefined,
};

// ---- CRUD ----
const describe = (p: Partial<In>) =>
  `${TYPE} of role ${p.roleName ?? p.roleId ?? "(unknown)"} to user ${p.userId ?? "(unknown)"} in customer ${p.customerId ?? "(unknown)"}`;

async function resolveRole(ctx: ResourceContext, inputs: In): Promise<DirectoryRole> {
  const roles = await rolesOf(ctx, inputs.customerId);
  const role =
    inputs.roleId !== undefined
      ? roles.find((r) => sameId(r.id, inputs.roleId))
      : roles.find((r) => sameText(r.name, inputs.roleName));
  if (!role) {
    const given = inputs.roleId !== undefined ? `roleId ${inputs.roleId}` : `roleName "${inputs.roleName}"`;
    throw new ResourceUsageError(
      describe(inputs),
      "create",
      `${given} is not a directory role of customer ${inputs.customerId}. Fix: use one of ${roles.map((r) => `"${r.name}"`).join(", ") || "(none listed)"}.`,
    );
  }
  return role;
}

async function isMember(
  ctx: ResourceContext,
  customerId: string,
  roleId: string,
  userId: string,
  fresh: boolean,
): Promise<boolean> {
  return (await roleMembersOf(ctx, customerId, roleId, { fresh })).some((m) => sameId(m.id, userId));
}

/** From the user's own role list (one short call, where a role's member list grows with the customer); a user not found yet (replication) holds none. */
async function holdsRole(ctx: ResourceContext, customerId: string, userId: string, roleId: string): Promise<boolean> {
  try {
    for await (const r of ctx.client.roles.listForUser(customerId, userId)) if (sameId(r.id, roleId)) return true;
    return false;
  } catch (e) {
    if (isNotFound(e)) return false;
    throw e;
  }
}

async function create(ctx: ResourceContext, inputs: In): Promise<{ id: string; outs: Out }> {
  const role = await resolveRole(ctx, inputs);
  const id = formatId(inputs.customerId, inputs.userId.toLowerCase(), role.id.toLowerCase());
  const outs = { roleId: role.id, roleName: role.name };
  const createdHere = ctx.snapshot.createdUser(inputs.customerId, inputs.userId);
  if (!createdHere && (await holdsRole(ctx, inputs.customerId, inputs.userId, role.id))) {
    if (inputs.adopt) return { id, outs };
    throw new ResourceUsageError(
      describe(inputs),
      "create",
      `the user already holds the role "${role.name}". Fix: set adopt: true to manage this existing membership.`,
    );
  }
  // A user created a moment ago may be "not found" until Entra has replicated it (kit/propagation.ts).
  await createForUser(ctx.waits, describe(inputs), inputs.customerId, async () => {
    const user =
      createdHere ??
      (await retryNotFound(ctx.waits.dependentWrite, () => ctx.client.users.get(inputs.customerId, inputs.userId)));
    await retryNotFound(ctx.waits.dependentWrite, async () => {
      try {
        await ctx.client.roles.addMember(inputs.customerId, role.id, {
          id: user.id,
          displayName: user.displayName ?? user.userPrincipalName,
          userPrincipalName: user.userPrincipalName,
        });
      } catch (e) {
        // The add may have been applied before the failure: then the membership is ours, not a reason to fail.
        if (!(await isMember(ctx, inputs.customerId, role.id, inputs.userId, true))) throw e;
      }
    });
  });
  return { id, outs };
}

async function read(ctx: ResourceContext, id: string, props: Stored) {
  const [customerId, userId, roleId] = parseId(TYPE, id, 3);
  if (!(await isMember(ctx, customerId, roleId, userId, false))) {
    // Not in the (possibly shared, slightly old) member list: confirm with the user's own role list, for a
    // bounded wait, since a membership or user created a moment ago may not be visible yet.
    const found = await findWithin(ctx.waits.confirmGone, async () => {
      for await (const r of ctx.client.roles.listForUser(customerId, userId)) if (sameId(r.id, roleId)) return true;
      return undefined;
    });
    if (!found) return undefined;
  }
  return { customerId, userId: props.userId, roleId: props.roleId ?? roleId };
}

async function update(_ctx: ResourceContext, _id: string, olds: Stored): Promise<Out> {
  return { roleId: olds.roleId!, roleName: olds.roleName };
}

async function remove(ctx: ResourceContext, id: string): Promise<void> {
  const [customerId, userId, roleId] = parseId(TYPE, id, 3);
  await deleteUnlessGone(() => ctx.client.roles.removeMember(customerId, roleId, userId));
}

// ---- export ----
export const userRoleAssignment = defineResource({
  type: TYPE,
  inputs: UserRoleAssignmentInputs,
  outputs: UserRoleAssignmentOutputs,
  rules: [
    exactlyOneOf("roleId", "roleName", 'give either roleId (a GUID) or roleName (e.g. "User Administrator"), not both'),
  ],
  diff: diffRules,
  describe,
  invalidates: ["roleMembers:"],
  create,
  read,
  update,
  delete: remove,
});

/** Gives a customer user one directory role. */
export const UserRoleAssignment = resourceClass(userRoleAssignment);
export type UserRoleAssignment = InstanceType<typeof UserRoleAssignment>;
