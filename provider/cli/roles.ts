// `partner-center roles list --customer C`: the directory roles of a customer's tenant (App+User credentials).
// https://learn.microsoft.com/partner-center/developer/get-all-of-a-customer-s-directory-roles
import type { DirectoryRole } from "../client";
import { customerListVerb, lookupCommand } from "./lookup/lookup-command";

export const rolesCommand = lookupCommand("roles", "list the directory roles of a customer's tenant", {
  list: customerListVerb<DirectoryRole>({
    noun: "roles",
    columns: [
      { header: "ID", value: (r) => r.id },
      { header: "NAME", value: (r) => r.name },
    ],
    none: "no directory roles",
    list: (client, customerId) => client.roles.list(customerId),
  }),
});
