// Directory roles: list roles, a user's roles, role members (paged), add member, remove member.
// https://learn.microsoft.com/partner-center/developer/get-all-of-a-customer-s-directory-roles (and sibling pages)
// Emulator choice: unknown role id -> 404/1000; user already in the role -> 409/60024; removing a user who is not a
//   member -> 404/60025; adding an unknown or soft-deleted user -> 404/60002.
// Emulator choice: add-member requires id, displayName and userPrincipalName (documented as required) but answers
//   with the directory's own displayName and userPrincipalName for that id.
// Emulator choice: soft-deleted users keep their memberships (restored with the user) but are not listed as members.
// Emulator choice: role members page like users (default 100, max 500, MS-ContinuationToken).
import { z } from "zod";
import { ApiError, type Route } from "../http/types";
import { collection, seekPage } from "../http/collection";
import type { CustomerRecord, RoleRecord, UserRecord } from "../store/types";
import { parseBody } from "./shared/body";
import { routeCustomer } from "./shared/lookup";
import { activeUser, consumeInvisibleRead, routeCustomerPurged, userNotFound } from "./shared/directoryUsers";

const addMemberSchema = z.object({
  id: z.string().min(1, { message: "must be the user's object id" }),
  displayName: z.string().min(1, { message: "must not be empty" }),
  userPrincipalName: z.string().min(1, { message: "must not be empty" }),
});

function roleJson(role: RoleRecord) {
  return { name: role.name, id: role.id, attributes: { objectType: "DirectoryRole" } };
}

function memberJson(role: RoleRecord, user: UserRecord) {
  return {
    displayName: user.displayName,
    userPrincipalName: user.userPrincipalName,
    roleId: role.id,
    id: user.id,
    attributes: { objectType: "UserMember" },
  };
}

function findRole(customer: CustomerRecord, roleId: string): RoleRecord {
  const role = customer.roles.find((r) => r.id.toLowerCase() === roleId.toLowerCase());
  if (!role)
    throw new ApiError(
      404,
      1000,
      `Directory role ${roleId} not found; list the customer's roles with GET /v1/customers/{customer-id}/directoryroles.`,
    );
  return role;
}

const listRoles: Route = {
  method: "GET",
  pattern: "/v1/customers/:customerId/directoryroles",
  auth: "user-only",
  handle(ctx) {
    const customer = routeCustomer(ctx);
    return {
      status: 200,
      body: collection(customer.roles.map(roleJson), `/v1/customers/${customer.id}/directoryroles`),
    };
  },
};

const listUserRoles: Route = {
  method: "GET",
  pattern: "/v1/customers/:customerId/users/:userId/directoryroles",
  auth: "user-only",
  handle(ctx) {
    const customer = routeCustomerPurged(ctx);
    const user = activeUser(customer, ctx.params.userId);
    const roles = customer.roles.filter((r) => r.memberIds.includes(user.id));
    return {
      status: 200,
      body: collection(roles.map(roleJson), `/v1/customers/${customer.id}/users/${user.id}/directoryroles`),
    };
  },
};

const listMembers: Route = {
  method: "GET",
  pattern: "/v1/customers/:customerId/directoryroles/:roleId/usermembers",
  auth: "user-only",
  handle(ctx) {
    const customer = routeCustomerPurged(ctx);
    const role = findRole(customer, ctx.params.roleId);
    const byId = new Map(customer.users.filter((u) => u.state === "active").map((u) => [u.id, u]));
    const members = role.memberIds.map((id) => byId.get(id)).filter((u): u is UserRecord => u !== undefined);
    const page = seekPage(ctx, members, {
      basePath: `/v1/customers/${customer.id}/directoryroles/${role.id}/usermembers`,
      scope: `rolemembers:${customer.id}:${role.id}`,
    });
    return { status: 200, body: { ...page, items: page.items.map((u) => memberJson(role, u)) } };
  },
};

const addMember: Route = {
  method: "POST",
  pattern: "/v1/customers/:customerId/directoryroles/:roleId/usermembers",
  auth: "user-only",
  handle(ctx) {
    const customer = routeCustomerPurged(ctx);
    const role = findRole(customer, ctx.params.roleId);
    const body = parseBody(
      addMemberSchema,
      ctx.body,
      "role member",
      'Send {"id":"<user id>","displayName":"...","userPrincipalName":"..."}.',
    );
    const user = activeUser(customer, body.id);
    if (consumeInvisibleRead(ctx, user)) throw userNotFound(body.id);
    if (role.memberIds.includes(user.id)) {
      throw new ApiError(409, 60024, `User ${user.id} is already a member of the directory role ${role.name}.`);
    }
    role.memberIds.push(user.id);
    ctx.changed();
    return { status: 201, body: memberJson(role, user) };
  },
};

const removeMember: Route = {
  method: "DELETE",
  pattern: "/v1/customers/:customerId/directoryroles/:roleId/usermembers/:userId",
  auth: "user-only",
  handle(ctx) {
    const customer = routeCustomerPurged(ctx);
    const role = findRole(customer, ctx.params.roleId);
    const wanted = ctx.params.userId.toLowerCase();
    const active = new Set(customer.users.filter((u) => u.state === "active").map((u) => u.id.toLowerCase()));
    const memberId = role.memberIds.find((id) => id.toLowerCase() === wanted);
    if (memberId === undefined || !active.has(wanted)) {
      throw new ApiError(404, 60025, `User ${ctx.params.userId} is not a member of the directory role ${role.name}.`);
    }
    role.memberIds = role.memberIds.filter((id) => id !== memberId);
    ctx.changed();
    return { status: 204 };
  },
};

export const roleRoutes: Route[] = [listRoles, listUserRoles, listMembers, addMember, removeMember];
