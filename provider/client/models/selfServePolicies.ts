// SelfServePolicy (note "tenantID"). https://learn.microsoft.com/partner-center/developer/self-serve-policy-resources
import { z } from "zod";
import { AttributesSchema } from "./common";

const Party = z.looseObject({ tenantID: z.string() });

export const SelfServePolicySchema = z.looseObject({
  id: z.string(),
  selfServeEntity: Party.extend({ selfServeEntityType: z.string().optional() }),
  grantor: Party.extend({ grantorType: z.string().optional() }),
  permissions: z.array(z.looseObject({ resource: z.string(), action: z.string() })),
  attributes: AttributesSchema.optional(),
});
export type SelfServePolicy = z.infer<typeof SelfServePolicySchema>;

export const SelfServePolicyCreateSchema = z.looseObject({
  selfServeEntity: z.looseObject({ selfServeEntityType: z.string().default("customer"), tenantID: z.string().min(1) }),
  grantor: z.looseObject({ grantorType: z.string().default("billToPartner"), tenantID: z.string().min(1) }),
  permissions: z.array(z.looseObject({ resource: z.string().min(1), action: z.string().min(1) })).min(1),
});
export type SelfServePolicyCreate = z.input<typeof SelfServePolicyCreateSchema>;
