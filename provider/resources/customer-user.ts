// CustomerUser — a user account in a customer's Entra tenant, managed through Partner Center.
// REST: https://learn.microsoft.com/partner-center/developer/create-user-accounts-for-a-customer
// Lifecycle: create restores a soft-deleted user with the same UPN (restoreDeleted), adopts an active one
// (adopt) or creates it with a given or generated password; names, UPN and usage location update in place;
// a new password or passwordVersion resets the password; delete soft-deletes (30-day restore window) or
// leaves the user (deletionPolicy "retain"); a new customerId replaces. Optional `roles` and `licenses` manage the
// user's directory roles and licenses inline (kit/user-access.ts; the tenant spec's `userResources: perUser`).
// Choice: check() applies Entra ID's documented password rule (length, three kinds of characters, allowed symbols)
//   and never repeats the password in its message.
// Choice: forceChangePassword defaults to true; the UPN's domain must be one of the customer's domains
// (checked at create/update time, since check() cannot call Partner Center).
// Choice: an adopted user keeps its password unless `password` is given (then it is reset).
// Choice: the class wraps `password` in pulumi.secret itself, so a plain string never lands in state as plaintext.
// Choice: read reports a user gone at once when it is in the soft-deleted list; otherwise a user missing from the
// list is fetched for a bounded short wait (kit/propagation.ts, confirmGone), since it may be new and not yet
// replicated — so a refresh right after create does not drop it.
// Choice (state = service): adopt and restore bring every managed field to the inputs before the user is tracked, so
//   state never claims a value the user does not have; a new customerId is a new user (the old one is soft-deleted or
//   retained per deletionPolicy); the password is write-only (never read back), reset by password/passwordVersion.

import { z } from "zod";
import { adoptAfterLostAnswer } from "./kit/adopt-after-lost-answer";
import type { CustomerUser as RemoteUser, CustomerUserPatch } from "./kit/api";
import { defineResource, dropUndefined, type ResourceContext } from "./kit/define-resource";
import { caseInsensitiveSet, lowerCase, upperCase } from "./kit/diff";
import { deletedUsersOf, domainsOf, sameText, upnsInUseOf, usersOf } from "./kit/cached-lists";
import {
  deleteUnlessGone,
  isAnswerLost,
  PartialCreateError,
  ResourceOperationError,
  ResourceUsageError,
} from "./kit/errors";
import { bool, domainOf, guid, oneOf, text, usageLocation, userPrincipalName } from "./kit/fields";
import { formatId, parseId } from "./kit/ids";
import { generatePassword, PASSWORD_RULE, passwordProblem } from "./kit/password";
import { findWithin, retryNotFound } from "./kit/propagation";
import { resourceClass } from "./kit/resource-class";
import { applyAccess, type InlineAccess, LicensesInput, licenseSet, readAccess, RolesInput } from "./kit/user-access";

export const TYPE = "CustomerUser";

// ---- input schema ----
export const CustomerUserInputs = z.strictObject({
  customerId: guid("customer tenant id"),
  userPrincipalName: userPrincipalName(),
  displayName: text('give the display name shown in the directory, e.g. "Jane Doe"'),
  firstName: text("give the given name, or leave firstName out").optional(),
  lastName: text("give the surname, or leave lastName out").optional(),
  usageLocation: usageLocation()
    .transform((v) => v.toUpperCase())
    .optional(),
  immutableId: text(
    "give the on-premises immutable id (needed for custom verified domains), or leave it out",
  ).optional(),
  password: z
    .string({
      error: "must be a string. Fix: give the password as a (secret) string, or leave it out to get a generated one",
    })
    .superRefine((v, ctx) => {
      const problem = passwordProblem(v);
      if (problem)
        ctx.addIssue({ code: "custom", message: `${problem} for Entra ID's password rule. Fix: ${PASSWORD_RULE}` });
    })
    .optional(),
  forceChangePassword: bool("set forceChangePassword to true or false").default(true),
  passwordVersion: z
    .union([z.number(), z.string()], {
      error: "must be a number or a string. Fix: bump passwordVersion (e.g. 1 -> 2) to reset the password",
    })
    .optional(),
  adopt: bool("set adopt: true to take over an existing user with this userPrincipalName").default(false),
  restoreDeleted: bool("set restoreDeleted to true or false").default(true),
  deletionPolicy: oneOf(["softDelete", "retain"] as const).default("softDelete"),
  roles: RolesInput,
  licenses: LicensesInput,
});
export type CustomerUserInputs = z.input<typeof CustomerUserInputs>;
type In = z.output<typeof CustomerUserInputs>;

// ---- state schema ----
export const CustomerUserOutputs = z.object({
  userId: z.string(),
  state: z.string().optional(),
  userDomainType: z.string().optional(),
  initialPassword: z.string().optional(),
});
type Out = z.output<typeof CustomerUserOutputs>;
type Stored = In & Partial<Out>;
/** A user that exists now: its id and outputs, the remote record, and whether this call created it. */
interface Made {
  id: string;
  outs: Out;
  user: RemoteUser;
  createdHere: boolean;
}

// ---- diff rules ----
const diffRules = {
  replaceOn: ["customerId"],
  inPlace: [
    "userPrincipalName",
    "displayName",
    "firstName",
    "lastName",
    "usageLocation",
    "immutableId",
    "password",
    "passwordVersion",
    "forceChangePassword",
    "adopt",
    "restoreDeleted",
    "deletionPolicy",
    "roles",
    "licenses",
  ],
  normalize: {
    userPrincipalName: lowerCase,
    usageLocation: upperCase,
    customerId: lowerCase,
    roles: caseInsensitiveSet,
    licenses: licenseSet,
  },
  naturalKey: (p: Partial<Stored>) =>
    p.customerId && p.userPrincipalName ? `${p.customerId}/${p.userPrincipalName}`.toLowerCase() : undefined,
};

// ---- CRUD ----
const describe = (p: Partial<In>) =>
  `${TYPE} ${p.userPrincipalName ?? "(no userPrincipalName)"} in customer ${p.customerId ?? "(unknown)"}`;

function outputsOf(user: RemoteUser): Omit<Out, "initialPassword"> {
  return { userId: user.id, state: user.state ?? "active", userDomainType: user.userDomainType ?? undefined };
}

async function requireOwnDomain(ctx: ResourceContext, inputs: In, operation: string): Promise<void> {
  const domains = await domainsOf(ctx, inputs.customerId, { fresh: true });
  const domain = domainOf(inputs.userPrincipalName);
  if (!domains.includes(domain)) {
    throw new ResourceUsageError(
      describe(inputs),
      operation,
      `the domain "${domain}" of userPrincipalName is not a domain of customer ${inputs.customerId}. Fix: use one of ${domains.join(", ") || "(none listed)"}, or add the domain first (VerifiedDomain).`,
    );
  }
}

/** The PATCH body that brings `user` to the wanted values (only the fields that differ and are managed). */
function patchFor(user: RemoteUser, wanted: In): CustomerUserPatch {
  const patch: CustomerUserPatch = {};
  if (!sameText(user.userPrincipalName, wanted.userPrincipalName)) patch.userPrincipalName = wanted.userPrincipalName;
  if (user.displayName !== wanted.displayName) patch.displayName = wanted.displayName;
  if (wanted.firstName !== undefined && user.firstName !== wanted.firstName) patch.firstName = wanted.firstName;
  if (wanted.lastName !== undefined && user.lastName !== wanted.lastName) patch.lastName = wanted.lastName;
  if (wanted.usageLocation !== undefined && (user.usageLocation ?? "").toUpperCase() !== wanted.usageLocation)
    patch.usageLocation = wanted.usageLocation;
  if (wanted.immutableId !== undefined && user.immutableId !== wanted.immutableId)
    patch.immutableId = wanted.immutableId;
  return patch;
}

/**
 * After the user exists (restored or adopted): bring its fields and password to the wanted values. A failure
 * here must not lose track of the user, so it becomes a PartialCreateError that keeps it in state.
 */
async function finishTakeOver(ctx: ResourceContext, inputs: In, user: RemoteUser, how: string): Promise<Made> {
  const id = formatId(inputs.customerId, user.id);
  let current = user;
  try {
    const patch = patchFor(current, inputs);
    // A user restored a moment ago may be "not found" until replicated: wait for it (kit/propagation.ts).
    if (Object.keys(patch).length > 0)
      current = await retryNotFound(ctx.waits.dependentWrite, () =>
        ctx.client.users.update(inputs.customerId, user.id, patch),
      );
    if (inputs.password !== undefined) {
      const password = inputs.password;
      await retryNotFound(ctx.waits.dependentWrite, () =>
        ctx.client.users.resetPassword(inputs.customerId, user.id, {
          password,
          forceChangePassword: inputs.forceChangePassword,
        }),
      );
    }
  } catch (e) {
    const cause = new ResourceOperationError(describe(inputs), `create (${how}, then update)`, e);
    throw new PartialCreateError(
      `${cause.message}. The user was ${how} and is tracked; run \`pulumi up\` again to finish.`,
      id,
      dropUndefined({ ...inputs, ...outputsOf(current), password: undefined, roles: undefined, licenses: undefined }),
    );
  }
  return { id, outs: outputsOf(current), user: current, createdHere: false };
}

/** From the shared lists: the UPN is in use by no user, and its domain is the customer's (then no fresh look is needed). */
async function looksFree(ctx: ResourceContext, inputs: In): Promise<boolean> {
  const [upns, domains] = await Promise.all([upnsInUseOf(ctx, inputs.customerId), domainsOf(ctx, inputs.customerId)]);
  return !upns.has(inputs.userPrincipalName.toLowerCase()) && domains.includes(domainOf(inputs.userPrincipalName));
}

/**
 * With fresh lists: refuses (with the fix) a UPN of another domain, or in use unless adopt/restoreDeleted take
 * that user over; undefined when the UPN is free.
 */
async function takeOverOrRefuse(ctx: ResourceContext, inputs: In): Promise<Made | undefined> {
  await requireOwnDomain(ctx, inputs, "create");
  const active = (await usersOf(ctx, inputs.customerId, { fresh: true })).find((u) =>
    sameText(u.userPrincipalName, inputs.userPrincipalName),
  );
  if (active) {
    if (!inputs.adopt) {
      throw new ResourceUsageError(
        describe(inputs),
        "create",
        `a user with this userPrincipalName already exists (user id ${active.id}). Fix: set adopt: true to manage the existing user, or choose another userPrincipalName.`,
      );
    }
    return finishTakeOver(ctx, inputs, active, "adopted");
  }
  const deleted = (await deletedUsersOf(ctx, inputs.customerId, { fresh: true })).find((u) =>
    sameText(u.userPrincipalName, inputs.userPrincipalName),
  );
  if (deleted) {
    if (!inputs.restoreDeleted) {
      throw new ResourceUsageError(
        describe(inputs),
        "create",
        `a soft-deleted user with this userPrincipalName exists (user id ${deleted.id}, deleted ${deleted.softDeletionTime ?? "recently"}); Partner Center keeps the name for 30 days. Fix: set restoreDeleted: true to restore it, or choose another userPrincipalName.`,
      );
    }
    const restored = await ctx.client.users.restore(inputs.customerId, deleted.id);
    return finishTakeOver(ctx, inputs, { ...deleted, ...restored, id: deleted.id }, "restored");
  }
  return undefined;
}

// Choice: a create whose UPN the shared lists show free is sent at once (one call instead of four); a refusal
// (Entra refuses a UPN in use, or of another domain) is then explained by the fresh checks.
async function create(ctx: ResourceContext, inputs: In): Promise<{ id: string; outs: Out }> {
  return withAccess(ctx, inputs, await createUser(ctx, inputs));
}

async function createUser(ctx: ResourceContext, inputs: In): Promise<Made> {
  if (!inputs.adopt && (await looksFree(ctx, inputs))) {
    try {
      return await createNew(ctx, inputs);
    } catch (e) {
      if (isAnswerLost(e)) throw e;
      const taken = await takeOverOrRefuse(ctx, inputs);
      if (taken) return taken;
      throw e;
    }
  }
  return (await takeOverOrRefuse(ctx, inputs)) ?? createNew(ctx, inputs);
}

/**
 * The user's inline roles and licenses (kit/user-access.ts), once the user exists. A failure must not lose track of
 * the user: it becomes a PartialCreateError holding the user with the roles and licenses that did land.
 */
async function withAccess(ctx: ResourceContext, inputs: In, made: Made): Promise<Made> {
  if (inputs.roles === undefined && inputs.licenses === undefined) return made;
  const done: InlineAccess = {};
  try {
    await applyAccess(ctx, {
      resource: describe(inputs),
      operation: "create",
      customerId: inputs.customerId,
      user: made.user,
      wanted: inputs,
      before: {},
      createdHere: made.createdHere,
      done,
    });
  } catch (e) {
    const cause =
      e instanceof ResourceUsageError || e instanceof ResourceOperationError
        ? e
        : new ResourceOperationError(describe(inputs), "create (roles and licenses)", e);
    throw new PartialCreateError(
      `${cause.message}. The user exists and is tracked with the roles and licenses that were applied; run \`pulumi up\` again to finish.`,
      made.id,
      dropUndefined({
        ...inputs,
        ...made.outs,
        ...(made.createdHere ? {} : { password: undefined }),
        roles: done.roles,
        licenses: done.licenses,
      }),
    );
  }
  return made;
}

async function createNew(ctx: ResourceContext, inputs: In): Promise<Made> {
  const generated = inputs.password === undefined ? generatePassword() : undefined;
  const body = {
    userPrincipalName: inputs.userPrincipalName,
    displayName: inputs.displayName,
    firstName: inputs.firstName,
    lastName: inputs.lastName,
    usageLocation: inputs.usageLocation,
    immutableId: inputs.immutableId,
    passwordProfile: { password: inputs.password ?? generated!, forceChangePassword: inputs.forceChangePassword },
  };
  let user: RemoteUser;
  try {
    user = await ctx.client.users.create(inputs.customerId, body);
  } catch (e) {
    // The client retried with the same MS-RequestId and still failed: if the user exists now, that is ours
    // (it did not exist a moment ago), so track it rather than leave an untracked object behind.
    // A user created a moment ago may not be listed yet (replication), so look for a bounded while.
    user = await adoptAfterLostAnswer(e, () =>
      findWithin(ctx.waits.confirmGone, async () =>
        (await usersOf(ctx, inputs.customerId, { fresh: true })).find((u) =>
          sameText(u.userPrincipalName, inputs.userPrincipalName),
        ),
      ),
    );
  }
  ctx.snapshot.rememberCreatedUser(inputs.customerId, {
    id: user.id,
    userPrincipalName: user.userPrincipalName,
    displayName: user.displayName,
  });
  return {
    id: formatId(inputs.customerId, user.id),
    outs: { ...outputsOf(user), initialPassword: generated },
    user,
    createdHere: true,
  };
}

async function read(ctx: ResourceContext, id: string, props: Stored) {
  const [customerId, userId] = parseId(TYPE, id, 2);
  let user = (await usersOf(ctx, customerId)).find((u) => sameText(u.id, userId));
  if (!user) {
    // Soft-deleted: gone for sure. Otherwise it may be new and not replicated yet: GET it for a bounded while.
    if ((await deletedUsersOf(ctx, customerId)).some((u) => sameText(u.id, userId))) return undefined;
    user = await findWithin(ctx.waits.confirmGone, () => ctx.client.users.get(customerId, userId));
    if (!user) return undefined;
  }
  if ((user.state ?? "active").toLowerCase() !== "active") return undefined;
  return {
    customerId,
    userPrincipalName: user.userPrincipalName,
    displayName: user.displayName,
    firstName: user.firstName,
    lastName: user.lastName,
    usageLocation: user.usageLocation?.toUpperCase(),
    immutableId: props.immutableId === undefined ? undefined : (user.immutableId ?? null),
    ...(await readAccess(ctx, customerId, userId, props)),
    ...outputsOf(user),
  };
}

async function update(ctx: ResourceContext, id: string, olds: Stored, news: In): Promise<Out> {
  const [customerId, userId] = parseId(TYPE, id, 2);
  let current: RemoteUser = {
    id: userId,
    userPrincipalName: olds.userPrincipalName,
    displayName: olds.displayName,
    firstName: olds.firstName,
    lastName: olds.lastName,
    usageLocation: olds.usageLocation,
    immutableId: olds.immutableId,
    state: olds.state,
    userDomainType: olds.userDomainType,
  };
  const patch = patchFor(current, news);
  if (patch.userPrincipalName !== undefined && domainOf(patch.userPrincipalName) !== domainOf(olds.userPrincipalName))
    await requireOwnDomain(ctx, news, "update");
  if (Object.keys(patch).length > 0)
    current = { ...current, ...(await ctx.client.users.update(customerId, userId, patch)) };
  let initialPassword = olds.initialPassword;
  const passwordChanged = news.password !== undefined && news.password !== olds.password;
  const versionBumped =
    news.passwordVersion !== undefined && String(news.passwordVersion) !== String(olds.passwordVersion ?? "");
  if (passwordChanged || versionBumped) {
    const password = news.password ?? generatePassword();
    await ctx.client.users.resetPassword(customerId, userId, {
      password,
      forceChangePassword: news.forceChangePassword,
    });
    initialPassword = news.password === undefined ? password : undefined;
  }
  await applyAccess(ctx, {
    resource: describe(news),
    operation: "update",
    customerId,
    user: current,
    wanted: news,
    before: olds,
    createdHere: false,
    done: {},
  });
  return { ...outputsOf(current), initialPassword };
}

async function remove(ctx: ResourceContext, id: string, props: Stored): Promise<void> {
  const [customerId, userId] = parseId(TYPE, id, 2);
  if (props.deletionPolicy === "retain") {
    ctx.warn(
      `${describe(props)}: left in place because deletionPolicy is "retain"; it is no longer managed by Pulumi.`,
    );
    return;
  }
  ctx.snapshot.forgetCreatedUser(customerId, userId);
  await deleteUnlessGone(() => ctx.client.users.delete(customerId, userId));
}

// ---- export ----
export const customerUser = defineResource({
  type: TYPE,
  inputs: CustomerUserInputs,
  outputs: CustomerUserOutputs,
  diff: diffRules,
  describe,
  // a deleted user loses its roles and licenses; upnsInUse, the customer record and the SKU list stay
  invalidates: ["users", "deletedUsers", "roleMembers:", "userLicenses:"],
  create,
  read,
  update,
  delete: remove,
});

/** A user in a customer tenant. `initialPassword` (secret) is set when the provider generated the password. */
export const CustomerUser = resourceClass(customerUser, {
  secretInputs: ["password"],
  secretOutputs: ["initialPassword", "password"],
  fromId: { userId: (id) => /^[^/]+\/([^/]+)$/.exec(id)?.[1] },
});
export type CustomerUser = InstanceType<typeof CustomerUser>;
