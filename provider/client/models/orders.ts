// Order and its line items. https://learn.microsoft.com/partner-center/developer/order-resources
import { z } from "zod";
import { AttributesSchema, LinksSchema, nullableString } from "./common";

export const OrderLineItemSchema = z.looseObject({
  lineItemNumber: z.number().nullable().optional(),
  offerId: nullableString,
  subscriptionId: nullableString,
  parentSubscriptionId: nullableString,
  friendlyName: nullableString,
  quantity: z.number().nullable().optional(),
  termDuration: nullableString,
  transactionType: nullableString,
  links: LinksSchema.optional(),
});
export type OrderLineItem = z.infer<typeof OrderLineItemSchema>;

export const OrderSchema = z.looseObject({
  id: z.string(),
  alternateId: nullableString,
  referenceCustomerId: nullableString,
  billingCycle: nullableString,
  transactionType: nullableString,
  lineItems: z.array(OrderLineItemSchema).nullable().optional(),
  currencyCode: nullableString,
  currencySymbol: nullableString,
  creationDate: nullableString,
  status: nullableString,
  links: LinksSchema.optional(),
  attributes: AttributesSchema.optional(),
});
export type Order = z.infer<typeof OrderSchema>;

export const BillingCycleSchema = z.enum(["Unknown", "Monthly", "Annual", "None", "OneTime", "Triennial"]);
export type BillingCycle = z.infer<typeof BillingCycleSchema>;
