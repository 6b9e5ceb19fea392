// `users:` — customer users with their directory roles and licenses inline. Each user becomes a CustomerUser,
// each role a UserRoleAssignment and each license a UserLicenseAssignment (provider/resources); with the spec's
// `userResources: perUser`, one CustomerUser holding its roles and licenses (kit/user-access.ts).
// Choice: passwords are not allowed in the spec (it lives in git); new users get a generated password (the
// secret output initialPassword) and `passwordVersion` forces a reset. A role or SKU given as a GUID is an id,
// anything else a role name / SKU part number. Roles and licenses inherit the user's `adopt`.

import { z } from "zod";
import { collect } from "../../client";
import { CustomerUser } from "../../resources/customer-user";
import { UserLicenseAssignment } from "../../resources/user-license-assignment";
import { UserRoleAssignment } from "../../resources/user-role-assignment";
import {
  adoptField,
  bool,
  countryCode,
  isGuid,
  list,
  oneOf,
  repeatedIndexes,
  text,
  uniqueBy,
  userPrincipalName,
} from "../fields";
import { defineSection } from "./section";

const LicenseObject = z.strictObject({
  sku: text(
    "SKU part number (e.g. O365_BUSINESS_PREMIUM) or SKU id (GUID).",
    "give the SKU part number, e.g. sku: O365_BUSINESS_PREMIUM",
  ),
  excludedPlans: list(
    text("Service plan name or id.", "give a service plan name such as YAMMER_ENTERPRISE"),
    "Service plans of the SKU to leave disabled (names or ids).",
    "[YAMMER_ENTERPRISE]",
  ).optional(),
  adopt: adoptField(),
});
const License = z.union(
  [text("SKU part number or SKU id.", "give the SKU part number, e.g. O365_BUSINESS_PREMIUM"), LicenseObject],
  {
    error:
      "must be a SKU part number or { sku, excludedPlans }. Fix: write - O365_BUSINESS_PREMIUM, or - { sku: O365_BUSINESS_PREMIUM, excludedPlans: [YAMMER_ENTERPRISE] }",
  },
);

export const UserSpec = z.strictObject({
  userPrincipalName: userPrincipalName(),
  displayName: text("Name shown in the directory.", "give the display name, e.g. displayName: Jane Doe"),
  firstName: text("Given name.", "give the given name, or leave firstName out").optional(),
  lastName: text("Surname.", "give the surname, or leave lastName out").optional(),
  usageLocation: countryCode(
    "Two-letter country code where the user's licenses are used (required before licenses can be assigned).",
  ).optional(),
  immutableId: text(
    "On-premises immutable id (for users in federated custom domains).",
    "give the immutable id, or leave it out",
  ).optional(),
  forceChangePassword: bool(
    "Make the user change the generated password at first sign-in (default true).",
    "write forceChangePassword: true or false",
  ).optional(),
  passwordVersion: z
    .union([z.number(), z.string()], {
      error: "must be a number or a string. Fix: bump passwordVersion (e.g. 1 -> 2) to reset the password",
    })
    .meta({ description: "Change it (e.g. 1 -> 2) to reset the password to a new generated one." })
    .optional(),
  restoreDeleted: bool(
    "Restore a soft-deleted user with the same name instead of failing (default true).",
    "write restoreDeleted: true or false",
  ).optional(),
  deletionPolicy: oneOf(
    ["softDelete", "retain"] as const,
    "What removing the user from the spec does: softDelete (default, restorable for 30 days) or retain (leave it unmanaged).",
  ).optional(),
  adopt: adoptField(),
  roles: list(
    text("Directory role name or id.", 'give a role name such as "User Administrator"'),
    "Directory roles of the user, by name (e.g. Global Administrator) or id.",
    '["User Administrator"]',
  ).optional(),
  licenses: list(
    License,
    "Licenses of the user: SKU part numbers, or { sku, excludedPlans }.",
    "[O365_BUSINESS_PREMIUM]",
  ).optional(),
});
export type UserSpec = z.output<typeof UserSpec>;

const skuKey = (l: z.output<typeof License>) => (typeof l === "string" ? l : l.sku).toLowerCase();

const UsersSpec = list(
  UserSpec,
  "Users of the customer, with their roles and licenses.",
  "[{ userPrincipalName: jane@contoso.com, displayName: Jane Doe }]",
).superRefine((users, ctx) => {
  uniqueBy(
    "users",
    (u: z.output<typeof UserSpec>) => u.userPrincipalName.toLowerCase(),
    ["userPrincipalName"],
    "describe each user once",
  )(users, ctx);
  users.forEach((u, i) => {
    repeatedIndexes(u.roles ?? [], (r) => r.toLowerCase()).forEach(([first, j]) =>
      ctx.addIssue({
        code: "custom",
        path: [i, "roles", j],
        message: `repeats roles[${first}]. Fix: list each role once`,
      }),
    );
    repeatedIndexes(u.licenses ?? [], skuKey).forEach(([first, j]) =>
      ctx.addIssue({
        code: "custom",
        path: [i, "licenses", j],
        message: `repeats licenses[${first}] (same SKU). Fix: list each SKU once`,
      }),
    );
  });
});

export const usersSection = defineSection({
  key: "users",
  schema: UsersSpec,
  declare(users, ctx) {
    for (const u of users) {
      const upn = u.userPrincipalName.toLowerCase();
      const adopt = u.adopt ?? ctx.adopt;
      const entries = (u.licenses ?? []).map((l) => (typeof l === "string" ? { sku: l } : l));
      const inline =
        ctx.userResources === "perUser"
          ? {
              roles: u.roles ?? [],
              licenses: entries.map((l) => ({ sku: l.sku, excludedPlans: l.excludedPlans ?? [] })),
            }
          : {};
      const user = new CustomerUser(
        ctx.name("users", upn),
        {
          customerId: ctx.customerId,
          userPrincipalName: u.userPrincipalName,
          displayName: u.displayName,
          firstName: u.firstName,
          lastName: u.lastName,
          usageLocation: u.usageLocation,
          immutableId: u.immutableId,
          forceChangePassword: u.forceChangePassword,
          passwordVersion: u.passwordVersion,
          restoreDeleted: u.restoreDeleted,
          deletionPolicy: u.deletionPolicy,
          adopt,
          ...inline,
        },
        ctx.opts,
      );
      if (ctx.userResources === "perUser") continue;
      for (const role of u.roles ?? []) {
        new UserRoleAssignment(
          ctx.name("users", upn, "roles", role.toLowerCase()),
          {
            customerId: ctx.customerId,
            userId: user.userId,
            ...(isGuid(role) ? { roleId: role } : { roleName: role }),
            adopt,
          },
          ctx.opts,
        );
      }
      for (const l of entries) {
        new UserLicenseAssignment(
          ctx.name("users", upn, "licenses", l.sku.toLowerCase()),
          {
            customerId: ctx.customerId,
            userId: user.userId,
            ...(isGuid(l.sku) ? { skuId: l.sku } : { skuPartNumber: l.sku }),
            excludedPlans: l.excludedPlans ?? [],
            adopt: l.adopt ?? adopt,
          },
          ctx.opts,
        );
      }
    }
  },
  async export({ client, customerId }) {
    const users = (await collect(client.users.list(customerId))).filter(
      (u) => (u.state ?? "active").toLowerCase() === "active",
    );
    if (users.length === 0) return undefined;
    const roles = await collect(client.roles.list(customerId));
    const rolesOfUser = new Map<string, string[]>();
    for (const role of roles) {
      for (const member of await collect(client.roles.listMembers(customerId, role.id))) {
        const key = member.id.toLowerCase();
        rolesOfUser.set(key, [...(rolesOfUser.get(key) ?? []), role.name]);
      }
    }
    const skus = await collect(client.licenses.listSubscribedSkus(customerId));
    const out: Array<z.input<typeof UserSpec>> = [];
    for (const u of [...users].sort((a, b) => a.userPrincipalName.localeCompare(b.userPrincipalName))) {
      const licenses: Array<z.input<typeof License>> = [];
      for (const lic of await collect(client.licenses.listForUser(customerId, u.id))) {
        const sku = skus.find((s) => s.productSku.id.toLowerCase() === lic.productSku.id.toLowerCase());
        const name = lic.productSku.skuPartNumber ?? sku?.productSku.skuPartNumber ?? lic.productSku.id;
        const on = new Set(
          (lic.servicePlans ?? [])
            .filter((p) => /^(assigned|enabled)$/i.test(p.capabilityStatus ?? "assigned"))
            .map((p) => p.id.toLowerCase()),
        );
        const excluded = (sku?.servicePlans ?? [])
          .filter((p) => !on.has(p.id.toLowerCase()))
          .map((p) => p.serviceName ?? p.id);
        licenses.push(excluded.length ? { sku: name, excludedPlans: excluded } : name);
      }
      out.push(
        dropEmpty({
          userPrincipalName: u.userPrincipalName,
          displayName: u.displayName ?? u.userPrincipalName,
          firstName: u.firstName ?? undefined,
          lastName: u.lastName ?? undefined,
          usageLocation: u.usageLocation ? u.usageLocation.toUpperCase() : undefined,
          immutableId: u.immutableId ?? undefined,
          roles: (rolesOfUser.get(u.id.toLowerCase()) ?? []).sort(),
          licenses: licenses.sort((a, b) => skuKey(a).localeCompare(skuKey(b))),
        }),
      );
    }
    return out;
  },
});

function dropEmpty<T extends Record<string, unknown>>(value: T): T {
  return Object.fromEntries(
    Object.entries(value).filter(([, v]) => v !== undefined && v !== "" && !(Array.isArray(v) && v.length === 0)),
  ) as T;
}
