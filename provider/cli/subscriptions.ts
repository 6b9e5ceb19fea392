// `partner-center subscriptions list --customer C`: a customer's subscriptions.
// https://learn.microsoft.com/partner-center/developer/get-all-of-a-customer-s-subscriptions
import type { Subscription } from "../client";
import { customerListVerb, lookupCommand } from "./lookup/lookup-command";

export const subscriptionsCommand = lookupCommand("subscriptions", "list a customer's subscriptions", {
  list: customerListVerb<Subscription>({
    noun: "subscriptions",
    columns: [
      { header: "ID", value: (s) => s.id },
      { header: "OFFER", value: (s) => s.offerName },
      { header: "NICKNAME", value: (s) => s.friendlyName },
      { header: "QUANTITY", value: (s) => s.quantity },
      { header: "STATUS", value: (s) => s.status },
      { header: "BILLING", value: (s) => s.billingCycle },
    ],
    none: "no subscriptions",
    list: (client, customerId) => client.subscriptions.list(customerId),
  }),
});
