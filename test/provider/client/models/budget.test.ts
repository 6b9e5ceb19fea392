import assert from "assert";
import { SpendingBudgetSchema } from "../../../../provider/client/models/budget";

describe("models/budget", () => {
  it("reads amount, falling back to usageSpendingBudget, and keeps null", () => {
    assert.strictEqual(SpendingBudgetSchema.parse({ amount: 100 }).amount, 100);
    assert.strictEqual(SpendingBudgetSchema.parse({ usageSpendingBudget: 42 }).amount, 42);
    assert.strictEqual(SpendingBudgetSchema.parse({ amount: null, usageSpendingBudget: 42 }).amount, null);
    assert.ok(!SpendingBudgetSchema.safeParse({ amount: "100" }).success);
  });
});
