// SpendingBudget (usage budget). https://learn.microsoft.com/partner-center/developer/update-a-customer-s-usage-spending-budget
import { z } from "zod";
import { AttributesSchema, LinksSchema } from "./common";

export const SpendingBudgetSchema = z.looseObject({
  amount: z.number().nullable().optional(),
  links: LinksSchema.optional(),
  attributes: AttributesSchema.optional(),
});
export type SpendingBudget = z.infer<typeof SpendingBudgetSchema>;
