// Customer users (all App+User only): list, deleted users, get, create, update, soft delete, restore,
// reset password. https://learn.microsoft.com/partner-center/developer/create-user-accounts-for-a-customer
// Choice: reset password uses the 2023 route PATCH .../users/{id}/resetpassword.
import { guid, upn, v1 } from "../ids";
import { validateInput } from "../inputs";
import {
  CustomerUserCreateSchema,
  CustomerUserPatchSchema,
  CustomerUserSchema,
  PasswordResetSchema,
  type CustomerUser,
  type CustomerUserCreate,
  type CustomerUserPatch,
  type PasswordReset,
} from "../models/users";
import { Paged } from "../paging";
import type { RequestRunner } from "../requestRunner";
import { pageSize } from "./pageSize";

const DELETED_FILTER = JSON.stringify({ Field: "UserState", Value: "Inactive", Operator: "equals" });

export class UsersOperations {
  constructor(private readonly runner: RequestRunner) {}

  list(customerId: string, options: { pageSize?: number } = {}): Paged<CustomerUser> {
    return Paged.defer(() => {
      const id = guid("users.list", "customerId", customerId);
      const size = pageSize("users.list", options.pageSize);
      return this.runner.paged(
        {
          operation: "users.list",
          method: "GET",
          path: v1`/customers/${id}/users`,
          query: { size },
          customerId: id,
          appUserOnly: true,
        },
        CustomerUserSchema,
        "CustomerUser",
      );
    });
  }

  /** Soft-deleted users (restorable for 30 days). */
  listDeleted(customerId: string, options: { pageSize?: number } = {}): Paged<CustomerUser> {
    return Paged.defer(() => {
      const id = guid("users.listDeleted", "customerId", customerId);
      const size = pageSize("users.listDeleted", options.pageSize);
      return this.runner.paged(
        {
          operation: "users.listDeleted",
          method: "GET",
          path: v1`/customers/${id}/users`,
          query: { size, filter: DELETED_FILTER },
          customerId: id,
          appUserOnly: true,
        },
        CustomerUserSchema,
        "CustomerUser",
      );
    });
  }

  async get(customerId: string, userId: string): Promise<CustomerUser> {
    const id = guid("users.get", "customerId", customerId);
    const user = guid("users.get", "userId", userId);
    return this.runner.json(
      {
        operation: "users.get",
        method: "GET",
        path: v1`/customers/${id}/users/${user}`,
        customerId: id,
        appUserOnly: true,
      },
      CustomerUserSchema,
      "CustomerUser",
    );
  }

  async create(customerId: string, user: CustomerUserCreate): Promise<CustomerUser> {
    const operation = "users.create";
    const id = guid(operation, "customerId", customerId);
    const body = validateInput(operation, "user", CustomerUserCreateSchema, user);
    upn(operation, "user.userPrincipalName", body.userPrincipalName);
    return this.runner.json(
      {
        operation,
        method: "POST",
        path: v1`/customers/${id}/users`,
        customerId: id,
        appUserOnly: true,
        body: { ...body, attributes: { objectType: "CustomerUser" } },
      },
      CustomerUserSchema,
      "CustomerUser",
    );
  }

  async update(customerId: string, userId: string, patch: CustomerUserPatch): Promise<CustomerUser> {
    const operation = "users.update";
    const id = guid(operation, "customerId", customerId);
    const user = guid(operation, "userId", userId);
    const body = validateInput(operation, "patch", CustomerUserPatchSchema, patch);
    if (body.userPrincipalName !== undefined) upn(operation, "patch.userPrincipalName", body.userPrincipalName);
    return this.runner.json(
      {
        operation,
        method: "PATCH",
        path: v1`/customers/${id}/users/${user}`,
        customerId: id,
        appUserOnly: true,
        body: { ...body, attributes: { objectType: "CustomerUser" } },
      },
      CustomerUserSchema,
      "CustomerUser",
    );
  }

  /** Soft delete: the user becomes inactive and is purged after 30 days. */
  async delete(customerId: string, userId: string): Promise<void> {
    const id = guid("users.delete", "customerId", customerId);
    const user = guid("users.delete", "userId", userId);
    return this.runner.empty({
      operation: "users.delete",
      method: "DELETE",
      path: v1`/customers/${id}/users/${user}`,
      customerId: id,
      appUserOnly: true,
    });
  }

  async restore(customerId: string, userId: string): Promise<CustomerUser> {
    const id = guid("users.restore", "customerId", customerId);
    const user = guid("users.restore", "userId", userId);
    return this.runner.json(
      {
        operation: "users.restore",
        method: "PATCH",
        path: v1`/customers/${id}/users/${user}`,
        customerId: id,
        appUserOnly: true,
        body: { state: "active", attributes: { objectType: "CustomerUser" } },
      },
      CustomerUserSchema,
      "CustomerUser",
    );
  }

  async resetPassword(customerId: string, userId: string, reset: PasswordReset): Promise<CustomerUser> {
    const operation = "users.resetPassword";
    const id = guid(operation, "customerId", customerId);
    const user = guid(operation, "userId", userId);
    const passwordProfile = validateInput(operation, "passwordProfile", PasswordResetSchema, reset);
    return this.runner.json(
      {
        operation,
        method: "PATCH",
        path: v1`/customers/${id}/users/${user}/resetpassword`,
        customerId: id,
        appUserOnly: true,
        body: { passwordProfile, attributes: { objectType: "CustomerUser" } },
      },
      CustomerUserSchema,
      "CustomerUser",
    );
  }
}
