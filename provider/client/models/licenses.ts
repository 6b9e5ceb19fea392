// SubscribedSku, License, LicenseUpdate. https://learn.microsoft.com/partner-center/developer/license-resources
import { z } from "zod";
import { AttributesSchema, nullableString } from "./common";

export const ServicePlanSchema = z.looseObject({
  id: z.string(),
  displayName: nullableString,
  serviceName: nullableString,
  capabilityStatus: nullableString,
  targetType: nullableString,
});
export type ServicePlan = z.infer<typeof ServicePlanSchema>;

export const ProductSkuSchema = z.looseObject({
  id: z.string(),
  name: nullableString,
  skuPartNumber: nullableString,
  targetType: nullableString,
  licenseGroupId: nullableString,
});
export type ProductSku = z.infer<typeof ProductSkuSchema>;

export const SubscribedSkuSchema = z.looseObject({
  availableUnits: z.number().nullable().optional(),
  activeUnits: z.number().nullable().optional(),
  consumedUnits: z.number().nullable().optional(),
  suspendedUnits: z.number().nullable().optional(),
  totalUnits: z.number().nullable().optional(),
  warningUnits: z.number().nullable().optional(),
  productSku: ProductSkuSchema,
  servicePlans: z.array(ServicePlanSchema).nullable().optional(),
  capabilityStatus: nullableString,
  attributes: AttributesSchema.optional(),
});
export type SubscribedSku = z.infer<typeof SubscribedSkuSchema>;

export const LicenseSchema = z.looseObject({
  productSku: ProductSkuSchema,
  servicePlans: z.array(ServicePlanSchema).nullable().optional(),
  attributes: AttributesSchema.optional(),
});
export type License = z.infer<typeof LicenseSchema>;

export const LicenseAssignmentSchema = z.looseObject({
  skuId: z.string().min(1),
  excludedPlans: z.array(z.string()).nullable().optional(),
});
export type LicenseAssignment = z.infer<typeof LicenseAssignmentSchema>;

export const LicenseWarningSchema = z.looseObject({
  code: nullableString,
  message: nullableString,
  servicePlans: z.array(z.string()).nullable().optional(),
});

export const LicenseUpdateSchema = z.looseObject({
  licensesToAssign: z.array(LicenseAssignmentSchema).nullable().optional(),
  licensesToRemove: z.array(z.string()).nullable().optional(),
  licenseWarnings: z.array(LicenseWarningSchema).nullable().optional(),
  attributes: AttributesSchema.optional(),
});
export type LicenseUpdate = z.infer<typeof LicenseUpdateSchema>;

export const LicenseUpdateRequestSchema = z
  .object({
    licensesToAssign: z
      .array(z.object({ skuId: z.string().min(1), excludedPlans: z.array(z.string()).optional() }))
      .optional(),
    licensesToRemove: z.array(z.string().min(1)).optional(),
  })
  .refine((u) => (u.licensesToAssign?.length ?? 0) + (u.licensesToRemove?.length ?? 0) > 0, {
    message: "give at least one of licensesToAssign or licensesToRemove",
  });
export type LicenseUpdateRequest = z.infer<typeof LicenseUpdateRequestSchema>;

export const LicenseGroupSchema = z.enum(["Group1", "Group2"]);
export type LicenseGroup = z.infer<typeof LicenseGroupSchema>;
