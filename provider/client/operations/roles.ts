// Directory roles and their user members (App+User only). https://learn.microsoft.com/partner-center/developer/set-user-roles-for-a-customer
import { guid, upn, v1 } from "../ids";
import { validateInput } from "../inputs";
import {
  DirectoryRoleSchema,
  UserMemberAddSchema,
  UserMemberSchema,
  type DirectoryRole,
  type UserMember,
  type UserMemberAdd,
} from "../models/roles";
import { Paged } from "../paging";
import type { RequestRunner } from "../requestRunner";

export class RolesOperations {
  constructor(private readonly runner: RequestRunner) {}

  list(customerId: string): Paged<DirectoryRole> {
    return Paged.defer(() => {
      const id = guid("roles.list", "customerId", customerId);
      return this.runner.paged(
        {
          operation: "roles.list",
          method: "GET",
          path: v1`/customers/${id}/directoryroles`,
          customerId: id,
          appUserOnly: true,
        },
        DirectoryRoleSchema,
        "DirectoryRole",
      );
    });
  }

  listForUser(customerId: string, userId: string): Paged<DirectoryRole> {
    return Paged.defer(() => {
      const id = guid("roles.listForUser", "customerId", customerId);
      const user = guid("roles.listForUser", "userId", userId);
      return this.runner.paged(
        {
          operation: "roles.listForUser",
          method: "GET",
          path: v1`/customers/${id}/users/${user}/directoryroles`,
          customerId: id,
          appUserOnly: true,
        },
        DirectoryRoleSchema,
        "DirectoryRole",
      );
    });
  }

  listMembers(customerId: string, roleId: string): Paged<UserMember> {
    return Paged.defer(() => {
      const id = guid("roles.listMembers", "customerId", customerId);
      const role = guid("roles.listMembers", "roleId", roleId);
      return this.runner.paged(
        {
          operation: "roles.listMembers",
          method: "GET",
          path: v1`/customers/${id}/directoryroles/${role}/usermembers`,
          customerId: id,
          appUserOnly: true,
        },
        UserMemberSchema,
        "UserMember",
      );
    });
  }

  async addMember(customerId: string, roleId: string, member: UserMemberAdd): Promise<UserMember> {
    const operation = "roles.addMember";
    const id = guid(operation, "customerId", customerId);
    const role = guid(operation, "roleId", roleId);
    const body = validateInput(operation, "member", UserMemberAddSchema, member);
    guid(operation, "member.id", body.id);
    upn(operation, "member.userPrincipalName", body.userPrincipalName);
    return this.runner.json(
      {
        operation,
        method: "POST",
        path: v1`/customers/${id}/directoryroles/${role}/usermembers`,
        customerId: id,
        appUserOnly: true,
        body: { ...body, attributes: { objectType: "UserMember" } },
      },
      UserMemberSchema,
      "UserMember",
    );
  }

  async removeMember(customerId: string, roleId: string, userId: string): Promise<void> {
    const operation = "roles.removeMember";
    const id = guid(operation, "customerId", customerId);
    const role = guid(operation, "roleId", roleId);
    const user = guid(operation, "userId", userId);
    return this.runner.empty({
      operation,
      method: "DELETE",
      path: v1`/customers/${id}/directoryroles/${role}/usermembers/${user}`,
      customerId: id,
      appUserOnly: true,
    });
  }
}
