// Orders of a customer, optionally by billing cycle. https://learn.microsoft.com/partner-center/developer/get-all-of-a-customer-s-orders
import { guid, v1 } from "../ids";
import { validateInput } from "../inputs";
import { BillingCycleSchema, OrderSchema, type BillingCycle, type Order } from "../models/orders";
import { Paged } from "../paging";
import type { RequestRunner } from "../requestRunner";

export class OrdersOperations {
  constructor(private readonly runner: RequestRunner) {}

  list(customerId: string, options: { billingType?: BillingCycle } = {}): Paged<Order> {
    return Paged.defer(() => {
      const operation = "orders.list";
      const id = guid(operation, "customerId", customerId);
      const billingType =
        options.billingType === undefined
          ? undefined
          : validateInput(operation, "billingType", BillingCycleSchema, options.billingType);
      return this.runner.paged(
        { operation, method: "GET", path: v1`/customers/${id}/orders`, query: { billingType }, customerId: id },
        OrderSchema,
        "Order",
      );
    });
  }
}
