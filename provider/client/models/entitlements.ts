// Entitlement. https://learn.microsoft.com/partner-center/developer/get-a-collection-of-entitlements
import { z } from "zod";
import { nullableString } from "./common";

const EntitlementBase = z.looseObject({
  referenceOrder: z
    .looseObject({
      id: nullableString,
      lineItemId: z.union([z.string(), z.number()]).nullable().optional(),
      alternateId: nullableString,
    })
    .nullable()
    .optional(),
  productId: nullableString,
  skuId: nullableString,
  quantity: z.number().nullable().optional(),
  quantityDetails: z
    .array(z.looseObject({ quantity: z.number().nullable().optional(), status: nullableString }))
    .nullable()
    .optional(),
  entitlementType: nullableString,
  entitledArtifacts: z
    .array(
      z.looseObject({
        artifactType: nullableString,
        link: z.unknown().optional(),
        resourceId: nullableString,
        dynamicAttributes: z.unknown().optional(),
      }),
    )
    .nullable()
    .optional(),
  expiryDate: nullableString,
});

export type Entitlement = z.infer<typeof EntitlementBase> & { includedEntitlements?: Entitlement[] | null };
export const EntitlementSchema: z.ZodType<Entitlement> = EntitlementBase.extend({
  includedEntitlements: z
    .lazy(() => z.array(EntitlementSchema))
    .nullable()
    .optional(),
});
