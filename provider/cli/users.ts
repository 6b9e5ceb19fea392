// `partner-center users list --customer C`: a customer's users, every page (App+User credentials).
// https://learn.microsoft.com/partner-center/developer/get-a-list-of-all-user-accounts-for-a-customer
import type { CustomerUser } from "../client";
import { customerListVerb, lookupCommand } from "./lookup/lookup-command";

export const usersCommand = lookupCommand("users", "list a customer's users", {
  list: customerListVerb<CustomerUser>({
    noun: "users",
    columns: [
      { header: "ID", value: (u) => u.id },
      { header: "USER PRINCIPAL NAME", value: (u) => u.userPrincipalName },
      { header: "DISPLAY NAME", value: (u) => u.displayName },
      { header: "LOCATION", value: (u) => u.usageLocation },
      { header: "STATE", value: (u) => u.state },
    ],
    none: "no users",
    list: (client, customerId) => client.users.list(customerId),
  }),
});
