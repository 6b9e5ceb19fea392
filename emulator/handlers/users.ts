// Customer users: create, list (paged, deleted-users filter), get, update, restore, reset password, soft delete.
// https://learn.microsoft.com/partner-center/developer/create-user-accounts-for-a-customer (and sibling pages)
// Emulator choice: create answers 201 (REST reference) and echoes passwordProfile; reset password (both the 2023
//   /resetpassword path and the 2021 plain PATCH with passwordProfile) echoes it too, as documented; GET/list never do.
// Emulator choice: the UPN domain must be the customer's initial domain, a customDomains entry or a verified domain,
//   else 400/60019; a federated domain -> 400/60020 (documented prerequisite). immutableId is not enforced.
// Emulator choice: a UPN already used by an active or soft-deleted user (case-insensitive) -> 409/60018.
// Emulator choice: password rule = 8-256 characters with 3 of: lower case, upper case, digit, symbol -> else 400/60021.
// Emulator choice: delete keeps role memberships and licence assignments for restore; while deleted they are hidden
//   and hold no seat. Restore re-takes seats where available and drops an assignment whose SKU has no seat left.
//   After 30 days of the emulator clock the user, its memberships and assignments are purged (404/60002 after).
// Emulator choice: PATCH on a soft-deleted user without {"state":"active"} -> 404/60002; {"state":"inactive"} -> 400/60026.
// Emulator choice: users filter supports only {"Field":"UserState","Operator":"equals","Value":"Active"|"Inactive"};
//   sortField DisplayName|UserPrincipalName, sortDirection Ascending|Descending; default order = creation order.
// Emulator choice: userPrincipalName is alias@domain where the alias is dot-separated runs of letters, digits, the
//   backquote and ! # $ & ' * + = ^ _ { | } ~ - (so no / % ? space or "..", no leading or trailing dot), at most 64
//   characters, and the whole UPN at most 113 (Entra's account restrictions); displayName 1-256 characters, firstName
//   and lastName at most 64 (Graph's documented lengths); usageLocation an ISO 3166-1 alpha-2 code (shared/countryCode.ts). Violations -> 400/2000.
// Emulator choice: a new user gets invisibleReads = store.settings.eventualConsistencyReads (POST /_emulator/config), if set:
//   its next N list reads, gets, role-member adds and license updates each answer as if it did not exist (404/60002).
import { randomUUID } from "crypto";
import { z } from "zod";
import { ApiError, type RequestContext, type Route } from "../http/types";
import { parseFilter, sameEnum, seekPage } from "../http/collection";
import type { CustomerRecord, UserRecord } from "../store/types";
import { looseEnum, parseBody } from "./shared/body";
import { isCountryCode } from "./shared/countryCode";
import {
  activeUser,
  consumeInvisibleRead,
  consumedUnits,
  routeCustomerPurged,
  totalUnits,
  userLink,
  userNotFound,
} from "./shared/directoryUsers";

const opt = <T extends z.ZodTypeAny>(schema: T) => schema.nullish().transform((v) => v ?? undefined);
const UPN_ALIAS = /^[A-Za-z0-9!#$&'*+=^_`{|}~-]+(?:\.[A-Za-z0-9!#$&'*+=^_`{|}~-]+)*$/;
const UPN_DOMAIN =
  /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/;
const upnSchema = z
  .string()
  .trim()
  .max(113, { message: "must be at most 113 characters" })
  .superRefine((upn, ctx) => {
    const at = upn.lastIndexOf("@");
    const alias = upn.slice(0, Math.max(at, 0));
    if (at < 1 || !UPN_DOMAIN.test(upn.slice(at + 1)))
      ctx.addIssue({ code: "custom", message: "must look like alias@domain" });
    else if (!UPN_ALIAS.test(alias))
      ctx.addIssue({
        code: "custom",
        message:
          "has a character Entra does not allow before the @: use letters, digits, dots (not first, last or doubled) and !#$&'*+=^_`{|}~-",
      });
    else if (alias.length > 64)
      ctx.addIssue({ code: "custom", message: "must have at most 64 characters before the @" });
  });
const displayNameSchema = z
  .string()
  .trim()
  .min(1, { message: "must not be empty" })
  .max(256, { message: "must be at most 256 characters" });
const nameSchema = z.string().max(64, { message: "must be at most 64 characters" });
const usageLocationSchema = z.string().refine(isCountryCode, {
  message: "must be an ISO 3166-1 alpha-2 country code such as US",
});
const passwordProfileSchema = z.object({
  password: z.string().min(1, { message: "must not be empty" }),
  forceChangePassword: opt(z.boolean()),
});

const createUserSchema = z.object({
  userPrincipalName: upnSchema,
  displayName: displayNameSchema,
  firstName: opt(nameSchema),
  lastName: opt(nameSchema),
  usageLocation: opt(usageLocationSchema),
  immutableId: opt(z.string()),
  phoneNumber: opt(z.string()),
  passwordProfile: passwordProfileSchema,
});
const CREATE_FIX =
  "Send {userPrincipalName, displayName, passwordProfile: {password, forceChangePassword}} (firstName, lastName, usageLocation optional).";

const updateUserSchema = z.object({
  state: opt(looseEnum(["active", "inactive"] as const)),
  userPrincipalName: opt(upnSchema),
  displayName: opt(displayNameSchema),
  firstName: opt(nameSchema),
  lastName: opt(nameSchema),
  usageLocation: opt(usageLocationSchema),
  immutableId: opt(z.string()),
  phoneNumber: opt(z.string()),
  passwordProfile: opt(passwordProfileSchema),
});
const UPDATE_FIX = 'Send only the fields to change, or {"state":"active"} to restore a deleted user.';

const resetPasswordSchema = z.object({ passwordProfile: passwordProfileSchema });

export function weakPasswordReason(password: string): string | undefined {
  if (password.length < 8 || password.length > 256) return "it must be 8 to 256 characters long";
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(password)).length;
  if (classes < 3) return "it must contain three of: lower-case letters, upper-case letters, digits, symbols";
  return undefined;
}

function checkPassword(password: string): void {
  const reason = weakPasswordReason(password);
  if (reason) throw new ApiError(400, 60021, `The password does not meet the password policy: ${reason}.`);
}

function checkUpn(customer: CustomerRecord, upn: string, selfId?: string): void {
  const domain = upn.slice(upn.lastIndexOf("@") + 1).toLowerCase();
  const verified = customer.domains.filter((d) => d.status === "verified");
  const federated = verified.find((d) => d.name.toLowerCase() === domain && d.authenticationType === "federated");
  if (federated)
    throw new ApiError(
      400,
      60020,
      `Users can't be created in the federated domain ${domain}; use a managed domain of the customer.`,
    );
  const allowed = [customer.companyProfile.domain, ...customer.customDomains, ...verified.map((d) => d.name)].map((d) =>
    d.toLowerCase(),
  );
  if (!allowed.includes(domain)) {
    throw new ApiError(
      400,
      60019,
      `The userPrincipalName domain ${domain} is not a domain of this customer; use one of: ${[...new Set(allowed)].join(", ")}.`,
    );
  }
  const clash = customer.users.find((u) => u.id !== selfId && u.userPrincipalName.toLowerCase() === upn.toLowerCase());
  if (clash) {
    const where = clash.state === "inactive" ? " by a deleted user (restore it, or wait until it is purged)" : "";
    throw new ApiError(409, 60018, `A user with userPrincipalName ${upn} already exists${where}.`);
  }
}

export function userJson(
  customerId: string,
  u: UserRecord,
  passwordProfile?: { password: string; forceChangePassword: boolean },
) {
  return {
    ...(u.usageLocation !== undefined ? { usageLocation: u.usageLocation } : {}),
    id: u.id,
    userPrincipalName: u.userPrincipalName,
    ...(u.firstName !== undefined ? { firstName: u.firstName } : {}),
    ...(u.lastName !== undefined ? { lastName: u.lastName } : {}),
    displayName: u.displayName,
    ...(u.immutableId !== undefined ? { immutableId: u.immutableId } : {}),
    ...(u.phoneNumber !== undefined ? { phoneNumber: u.phoneNumber } : {}),
    ...(passwordProfile
      ? {
          passwordProfile: {
            forceChangePassword: passwordProfile.forceChangePassword,
            password: passwordProfile.password,
          },
        }
      : {}),
    lastDirectorySyncTime: u.lastDirectorySyncTime,
    userDomainType: u.userDomainType,
    state: u.state,
    softDeletionTime: u.softDeletionTime,
    links: { self: userLink(customerId, u.id) },
    attributes: { objectType: "CustomerUser" },
  };
}

function setPassword(ctx: RequestContext, u: UserRecord, profile: { password: string; forceChangePassword?: boolean }) {
  checkPassword(profile.password);
  u.password = profile.password;
  u.forceChangePassword = profile.forceChangePassword ?? true;
  u.passwordChangedAt = ctx.now().toISOString();
  return { password: profile.password, forceChangePassword: u.forceChangePassword };
}

function usersFilterState(raw: string | null): "active" | "inactive" {
  const filter = parseFilter(raw);
  if (!filter) return "active";
  if (!sameEnum(filter.field, "UserState")) {
    throw new ApiError(
      400,
      2000,
      `User search only supports Field 'UserState' (got '${filter.field.slice(0, 40)}'), e.g. {"Field":"UserState","Value":"Inactive","Operator":"equals"}.`,
    );
  }
  if (!sameEnum(filter.operator, "equals"))
    throw new ApiError(400, 2000, "User search only allows the equals operation.");
  if (sameEnum(filter.value, "inactive")) return "inactive";
  if (sameEnum(filter.value, "active")) return "active";
  throw new ApiError(
    400,
    2000,
    `UserState filter value must be Active or Inactive (got '${filter.value.slice(0, 40)}').`,
  );
}

function sortUsers(ctx: RequestContext, users: UserRecord[]): UserRecord[] {
  const field = ctx.query.get("sortField");
  const direction = ctx.query.get("sortDirection");
  if (!field) return users;
  const key = sameEnum(field, "DisplayName")
    ? "displayName"
    : sameEnum(field, "UserPrincipalName")
      ? "userPrincipalName"
      : undefined;
  if (!key)
    throw new ApiError(400, 2000, `sortField must be DisplayName or UserPrincipalName (got '${field.slice(0, 40)}').`);
  if (direction && !sameEnum(direction, "Ascending") && !sameEnum(direction, "Descending")) {
    throw new ApiError(400, 2000, `sortDirection must be Ascending or Descending (got '${direction.slice(0, 40)}').`);
  }
  const sign = direction && sameEnum(direction, "Descending") ? -1 : 1;
  return [...users].sort((a, b) => sign * a[key].localeCompare(b[key], "en", { sensitivity: "base" }));
}

/** Restores a soft-deleted user; assignments whose SKU has no seat left are dropped. */
function restore(customer: CustomerRecord, u: UserRecord): void {
  const clash = customer.users.find(
    (o) =>
      o.id !== u.id && o.state === "active" && o.userPrincipalName.toLowerCase() === u.userPrincipalName.toLowerCase(),
  );
  if (clash)
    throw new ApiError(
      409,
      60018,
      `A user with userPrincipalName ${u.userPrincipalName} already exists; it must be renamed or deleted before this user can be restored.`,
    );
  const held = customer.licenses.filter((l) => l.userId === u.id);
  u.state = "active";
  u.softDeletionTime = null;
  for (const assignment of held) {
    const sku = customer.skus.find((s) => s.id === assignment.skuId);
    if (!sku || consumedUnits(customer, sku) > totalUnits(sku)) {
      customer.licenses = customer.licenses.filter((l) => l !== assignment);
    }
  }
}

const createUser: Route = {
  method: "POST",
  pattern: "/v1/customers/:customerId/users",
  auth: "user-only",
  handle(ctx) {
    const customer = routeCustomerPurged(ctx);
    const body = parseBody(createUserSchema, ctx.body, "user", CREATE_FIX);
    checkUpn(customer, body.userPrincipalName);
    checkPassword(body.passwordProfile.password);
    const now = ctx.now().toISOString();
    const user: UserRecord = {
      id: randomUUID(),
      userPrincipalName: body.userPrincipalName,
      firstName: body.firstName,
      lastName: body.lastName,
      displayName: body.displayName,
      usageLocation: body.usageLocation?.toUpperCase(),
      immutableId: body.immutableId,
      phoneNumber: body.phoneNumber,
      password: body.passwordProfile.password,
      forceChangePassword: body.passwordProfile.forceChangePassword ?? true,
      passwordChangedAt: now,
      userDomainType: "none",
      state: "active",
      softDeletionTime: null,
      lastDirectorySyncTime: null,
      createdAt: now,
    };
    for (const key of Object.keys(user) as Array<keyof UserRecord>) if (user[key] === undefined) delete user[key];
    const hiddenReads = ctx.store.settings?.eventualConsistencyReads;
    if (hiddenReads && hiddenReads > 0) user.invisibleReads = hiddenReads;
    customer.users.push(user);
    ctx.changed();
    return {
      status: 201,
      body: userJson(customer.id, user, { password: user.password, forceChangePassword: user.forceChangePassword }),
    };
  },
};

const listUsers: Route = {
  method: "GET",
  pattern: "/v1/customers/:customerId/users",
  auth: "user-only",
  handle(ctx) {
    const customer = routeCustomerPurged(ctx);
    const state = usersFilterState(ctx.query.get("filter"));
    const candidates = customer.users.filter((u) => u.state === state && !consumeInvisibleRead(ctx, u));
    const page = seekPage(ctx, sortUsers(ctx, candidates), {
      basePath: `/v1/customers/${customer.id}/users`,
      scope: `users:${customer.id}`,
      carried: {
        filter: ctx.query.get("filter"),
        sortField: ctx.query.get("sortField"),
        sortDirection: ctx.query.get("sortDirection"),
      },
    });
    return { status: 200, body: { ...page, items: page.items.map((u) => userJson(customer.id, u)) } };
  },
};

const getUser: Route = {
  method: "GET",
  pattern: "/v1/customers/:customerId/users/:userId",
  auth: "user-only",
  handle(ctx) {
    const customer = routeCustomerPurged(ctx);
    const user = activeUser(customer, ctx.params.userId);
    if (consumeInvisibleRead(ctx, user)) throw userNotFound(ctx.params.userId);
    return { status: 200, body: userJson(customer.id, user) };
  },
};

const updateUser: Route = {
  method: "PATCH",
  pattern: "/v1/customers/:customerId/users/:userId",
  auth: "user-only",
  handle(ctx) {
    const customer = routeCustomerPurged(ctx);
    const body = parseBody(updateUserSchema, ctx.body, "user update", UPDATE_FIX);
    const user = customer.users.find((u) => u.id.toLowerCase() === ctx.params.userId.toLowerCase());
    if (!user) throw userNotFound(ctx.params.userId);
    if (body.state === "inactive")
      throw new ApiError(
        400,
        60026,
        "A user can't be deactivated with PATCH; delete it with DELETE /v1/customers/{customer-id}/users/{user-id}.",
      );
    if (user.state === "inactive" && body.state !== "active") throw userNotFound(ctx.params.userId);
    if (
      body.userPrincipalName !== undefined &&
      body.userPrincipalName.toLowerCase() !== user.userPrincipalName.toLowerCase()
    ) {
      checkUpn(customer, body.userPrincipalName, user.id);
    }
    if (body.passwordProfile) checkPassword(body.passwordProfile.password);
    if (user.state === "inactive") restore(customer, user);
    if (body.userPrincipalName !== undefined) user.userPrincipalName = body.userPrincipalName;
    if (body.displayName !== undefined) user.displayName = body.displayName;
    if (body.firstName !== undefined) user.firstName = body.firstName;
    if (body.lastName !== undefined) user.lastName = body.lastName;
    if (body.usageLocation !== undefined) user.usageLocation = body.usageLocation.toUpperCase();
    if (body.immutableId !== undefined) user.immutableId = body.immutableId;
    if (body.phoneNumber !== undefined) user.phoneNumber = body.phoneNumber;
    const echoed = body.passwordProfile ? setPassword(ctx, user, body.passwordProfile) : undefined;
    ctx.changed();
    return { status: 200, body: userJson(customer.id, user, echoed) };
  },
};

const resetPassword: Route = {
  method: "PATCH",
  pattern: "/v1/customers/:customerId/users/:userId/resetpassword",
  auth: "user-only",
  handle(ctx) {
    const customer = routeCustomerPurged(ctx);
    const body = parseBody(
      resetPasswordSchema,
      ctx.body,
      "password reset",
      'Send {"passwordProfile":{"password":"...","forceChangePassword":true}}.',
    );
    const user = activeUser(customer, ctx.params.userId);
    const echoed = setPassword(ctx, user, body.passwordProfile);
    ctx.changed();
    return { status: 200, body: userJson(customer.id, user, echoed) };
  },
};

const deleteUser: Route = {
  method: "DELETE",
  pattern: "/v1/customers/:customerId/users/:userId",
  auth: "user-only",
  handle(ctx) {
    const customer = routeCustomerPurged(ctx);
    const user = activeUser(customer, ctx.params.userId);
    user.state = "inactive";
    user.softDeletionTime = ctx.now().toISOString();
    ctx.changed();
    return { status: 204 };
  },
};

export const userRoutes: Route[] = [createUser, listUsers, resetPassword, getUser, updateUser, deleteUser];
