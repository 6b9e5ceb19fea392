// `partner-center roles list --customer C`: the directory roles of a customer's tenant (App+User credentials).
// https://learn.microsoft.com/partner-center/developer/get-all-of-a-customer-s-directory-roles
import type { DirectoryRole } from "../client";
import { CUSTOMER_FLAG, customerIdOf, lookupCommand, verb } from "./lookup/lookup-command";

export const rolesCommand = lookupCommand("roles", "list the directory roles of a customer's tenant", {
  list: verb<DirectoryRole>({
    synopsis: "list --customer <tenant id | domain>",
    help: [CUSTOMER_FLAG.help],
    options: CUSTOMER_FLAG.options,
    columns: [
      { header: "ID", value: (r) => r.id },
      { header: "NAME", value: (r) => r.name },
    ],
    none: "no directory roles",
    async fetch(ctx) {
      const customerId = await customerIdOf(ctx);
      return ctx.all("roles", ctx.client.roles.list(customerId));
    },
  }),
});
