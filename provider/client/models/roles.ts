// DirectoryRole and UserMember. https://learn.microsoft.com/partner-center/developer/get-all-of-a-customer-s-directory-roles
import { z } from "zod";
import { AttributesSchema, nullableString } from "./common";

export const DirectoryRoleSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  attributes: AttributesSchema.optional(),
});
export type DirectoryRole = z.infer<typeof DirectoryRoleSchema>;

export const UserMemberSchema = z.looseObject({
  id: z.string(),
  displayName: nullableString,
  userPrincipalName: nullableString,
  roleId: nullableString,
  attributes: AttributesSchema.optional(),
});
export type UserMember = z.infer<typeof UserMemberSchema>;

export const UserMemberAddSchema = z.object({
  id: z.string().min(1),
  displayName: z.string().min(1),
  userPrincipalName: z.string().min(3),
});
export type UserMemberAdd = z.infer<typeof UserMemberAddSchema>;
