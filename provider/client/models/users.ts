// CustomerUser. https://learn.microsoft.com/partner-center/developer/user-resources
import { z } from "zod";
import { AttributesSchema, LinksSchema, nullableString } from "./common";

export const PasswordProfileSchema = z.looseObject({
  password: nullableString,
  forceChangePassword: z.boolean().nullable().optional(),
});

export const CustomerUserSchema = z.looseObject({
  id: z.string(),
  userPrincipalName: z.string(),
  firstName: nullableString,
  lastName: nullableString,
  displayName: nullableString,
  usageLocation: nullableString,
  immutableId: nullableString,
  passwordProfile: PasswordProfileSchema.nullable().optional(),
  phoneNumber: nullableString,
  lastDirectorySyncTime: nullableString,
  userDomainType: nullableString,
  state: nullableString,
  softDeletionTime: nullableString,
  links: LinksSchema.optional(),
  attributes: AttributesSchema.optional(),
});
export type CustomerUser = z.infer<typeof CustomerUserSchema>;

export const CustomerUserCreateSchema = z.looseObject({
  userPrincipalName: z.string().min(3),
  displayName: z.string().min(1),
  firstName: z.string().optional(),
  lastName: z.string().optional(),
  usageLocation: z.string().length(2).optional(),
  immutableId: z.string().optional(),
  phoneNumber: z.string().optional(),
  passwordProfile: z.looseObject({ password: z.string().min(1), forceChangePassword: z.boolean() }),
});
export type CustomerUserCreate = z.infer<typeof CustomerUserCreateSchema>;

export const CustomerUserPatchSchema = z.looseObject({
  userPrincipalName: z.string().min(3).optional(),
  displayName: z.string().min(1).optional(),
  firstName: z.string().optional(),
  lastName: z.string().optional(),
  usageLocation: z.string().length(2).optional(),
  immutableId: z.string().optional(),
  phoneNumber: z.string().optional(),
  passwordProfile: z.looseObject({ password: z.string().min(1), forceChangePassword: z.boolean() }).optional(),
});
export type CustomerUserPatch = z.infer<typeof CustomerUserPatchSchema>;

export const PasswordResetSchema = z.object({ password: z.string().min(1), forceChangePassword: z.boolean() });
export type PasswordReset = z.infer<typeof PasswordResetSchema>;
