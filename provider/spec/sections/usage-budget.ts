// `usageBudget:` — the customer's monthly usage spending budget. Becomes one CustomerUsageBudget
// (provider/resources/customer-usage-budget.ts), whose own input rules (a number >= 0, or "none") are reused here.
// Choice: export always writes it (a customer always has a budget, possibly "none"), except in a cloud that does not
// offer it (21Vianet), where the resource would be refused.

import { z } from "zod";
import { CustomerUsageBudget, CustomerUsageBudgetInputs } from "../../resources/customer-usage-budget";
import { unavailableReason } from "../../resources/kit/customer-cloud-availability";
import { defineSection } from "./section";

const UsageBudgetSpec = z
  .strictObject({
    amount: CustomerUsageBudgetInputs.shape.amount.meta({
      description:
        'Monthly usage budget (a number >= 0), or "none" for no budget. Removing the section clears the budget.',
    }),
  })
  .meta({ description: "The customer's usage spending budget." });

export const usageBudgetSection = defineSection({
  key: "usageBudget",
  schema: UsageBudgetSpec,
  declare(budget, ctx) {
    new CustomerUsageBudget(ctx.name("usageBudget"), { customerId: ctx.customerId, amount: budget.amount }, ctx.opts);
  },
  async export({ client, customerId, cloud }) {
    if (unavailableReason("usageBudget", cloud)) return undefined;
    const budget = await client.budget.get(customerId);
    return { amount: budget.amount === null || budget.amount === undefined ? ("none" as const) : budget.amount };
  },
});
