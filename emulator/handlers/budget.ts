// Usage spending budget GET/PATCH.
// https://learn.microsoft.com/partner-center/developer/update-customer-usage-spending-budget
// Emulator choice: the response is {amount, attributes, links.self} (the SDK model; the doc example is malformed JSON
//   and its extra usageSpendingBudget field is not emitted). PATCH needs an `amount` key: a number >= 0 or null (no budget).
import { z } from "zod";
import { ApiError, type Route } from "../http/types";
import { link } from "../http/collection";
import type { CustomerRecord } from "../store/types";
import { parseBody } from "./shared/body";
import { routeCustomer } from "./shared/lookup";

const budgetSchema = z.object({
  amount: z
    .number({ message: "must be a number >= 0, or null to remove the budget" })
    .min(0, { message: "must not be negative" })
    .nullable(),
});

function budgetJson(c: CustomerRecord, method: string) {
  return {
    amount: c.usageBudget,
    links: { self: link(`/v1/customers/${c.id}/usagebudget`, method) },
    attributes: { objectType: "SpendingBudget" },
  };
}

const getBudget: Route = {
  method: "GET",
  pattern: "/v1/customers/:customerId/usagebudget",
  auth: "app-or-user",
  handle(ctx) {
    return { status: 200, body: budgetJson(routeCustomer(ctx), "GET") };
  },
};

const updateBudget: Route = {
  method: "PATCH",
  pattern: "/v1/customers/:customerId/usagebudget",
  auth: "app-or-user",
  handle(ctx) {
    const customer = routeCustomer(ctx);
    if (!ctx.body || typeof ctx.body !== "object" || !("amount" in ctx.body)) {
      throw new ApiError(
        400,
        2000,
        'Invalid spending budget: \'amount\' is required. Send {"amount": 100} or {"amount": null} to remove the budget.',
      );
    }
    const body = parseBody(budgetSchema, ctx.body, "spending budget", 'Send {"amount": 100} or {"amount": null}.');
    customer.usageBudget = body.amount;
    ctx.changed();
    return { status: 200, body: budgetJson(customer, "PATCH") };
  },
};

export const budgetRoutes: Route[] = [getBudget, updateBudget];
