// SpendingBudget (usage budget). https://learn.microsoft.com/partner-center/developer/update-a-customer-s-usage-spending-budget
// Choice: the doc example is malformed and also shows usageSpendingBudget; amount falls back to it when absent.
import { z } from "zod";
import { AttributesSchema, LinksSchema } from "./common";

export const SpendingBudgetSchema = z
  .looseObject({
    amount: z.number().nullable().optional(),
    usageSpendingBudget: z.number().nullable().optional(),
    links: LinksSchema.optional(),
    attributes: AttributesSchema.optional(),
  })
  .transform((b) => ({ ...b, amount: b.amount !== undefined ? b.amount : b.usageSpendingBudget }));
export type SpendingBudget = z.infer<typeof SpendingBudgetSchema>;
