// Subscription (has an etag; the nickname is friendlyName). https://learn.microsoft.com/partner-center/developer/subscription-resources
import { z } from "zod";
import { AttributesSchema, LinksSchema, nullableString } from "./common";

export const SubscriptionSchema = z.looseObject({
  id: z.string(),
  offerId: nullableString,
  entitlementId: nullableString,
  offerName: nullableString,
  friendlyName: nullableString,
  quantity: z.number().nullable().optional(),
  unitType: nullableString,
  parentSubscriptionId: nullableString,
  creationDate: nullableString,
  effectiveStartDate: nullableString,
  commitmentEndDate: nullableString,
  status: nullableString,
  autoRenewEnabled: z.boolean().nullable().optional(),
  billingType: nullableString,
  billingCycle: nullableString,
  termDuration: nullableString,
  isTrial: z.boolean().nullable().optional(),
  partnerId: nullableString,
  contractType: nullableString,
  orderId: nullableString,
  links: LinksSchema.optional(),
  attributes: AttributesSchema.optional(),
});
export type Subscription = z.infer<typeof SubscriptionSchema>;
