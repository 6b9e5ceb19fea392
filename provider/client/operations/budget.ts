// Usage spending budget. https://learn.microsoft.com/partner-center/developer/update-a-customer-s-usage-spending-budget
import { guid, v1 } from "../ids";
import { invalidInput } from "../errors";
import { SpendingBudgetSchema, type SpendingBudget } from "../models/budget";
import type { RequestRunner } from "../requestRunner";

export class BudgetOperations {
  constructor(private readonly runner: RequestRunner) {}

  async get(customerId: string): Promise<SpendingBudget> {
    const id = guid("budget.get", "customerId", customerId);
    return this.runner.json(
      { operation: "budget.get", method: "GET", path: v1`/customers/${id}/usagebudget`, customerId: id },
      SpendingBudgetSchema,
      "SpendingBudget",
    );
  }

  /** null removes the budget. */
  async update(customerId: string, amount: number | null): Promise<SpendingBudget> {
    const operation = "budget.update";
    const id = guid(operation, "customerId", customerId);
    if (amount !== null && (typeof amount !== "number" || !Number.isFinite(amount) || amount < 0))
      throw invalidInput(operation, "amount", "must be a non-negative number, or null for no budget");
    return this.runner.json(
      {
        operation,
        method: "PATCH",
        path: v1`/customers/${id}/usagebudget`,
        customerId: id,
        body: { amount, attributes: { objectType: "SpendingBudget" } },
      },
      SpendingBudgetSchema,
      "SpendingBudget",
    );
  }
}
