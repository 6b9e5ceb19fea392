// `partner-center orders list --customer C [--billing-cycle CYCLE]`: a customer's orders, optionally of one
// billing cycle (the API's billingType filter).
// https://learn.microsoft.com/partner-center/developer/get-all-of-a-customer-s-orders
import { BillingCycleSchema, type Order } from "../client";
import { UsageError } from "./command-kit";
import { CUSTOMER_FLAG, customerIdOf, lookupCommand, verb } from "./lookup/lookup-command";

const CYCLES = BillingCycleSchema.options;

export const ordersCommand = lookupCommand("orders", "list a customer's orders", {
  list: verb<Order>({
    synopsis: "list --customer <tenant id | domain> [--billing-cycle CYCLE]",
    help: [CUSTOMER_FLAG.help, `  --billing-cycle CYCLE   only orders of one cycle: ${CYCLES.join(", ")}`],
    options: { ...CUSTOMER_FLAG.options, "billing-cycle": { type: "string" } },
    columns: [
      { header: "ID", value: (o) => o.id },
      { header: "BILLING CYCLE", value: (o) => o.billingCycle },
      { header: "STATUS", value: (o) => o.status },
      { header: "CREATED", value: (o) => o.creationDate },
      {
        header: "OFFERS",
        value: (o) => (o.lineItems ?? []).map((l) => `${l.offerId ?? "?"} x${l.quantity ?? "?"}`).join(", "),
      },
    ],
    none: "no orders",
    async fetch(ctx) {
      const cycleFlag = ctx.values["billing-cycle"];
      let billingType: (typeof CYCLES)[number] | undefined;
      if (typeof cycleFlag === "string") {
        billingType = CYCLES.find((c) => c.toLowerCase() === cycleFlag.trim().toLowerCase());
        if (!billingType)
          throw new UsageError(`--billing-cycle must be one of ${CYCLES.join(", ")}, not '${cycleFlag}'`);
      }
      const customerId = await customerIdOf(ctx);
      return ctx.all("orders", ctx.client.orders.list(customerId, { billingType }));
    },
  }),
});
