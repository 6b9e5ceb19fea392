// `partner-center customers list | get <customer> | search <prefix>`: the partner's customers, every page.
// Choice: `search` matches the company name or the initial domain ("starts with", the only documented operator),
// each customer once, as findCustomers does; `--by companyName|domain` narrows it.
// https://learn.microsoft.com/partner-center/developer/get-a-list-of-customers-filtered-by-a-search-field
import type { Customer } from "../client";
import { UsageError } from "./command-kit";
import { lookupCommand, verb } from "./lookup/lookup-command";
import type { Column } from "./lookup/table";

const COLUMNS: Column<Customer>[] = [
  { header: "ID", value: (c) => c.id },
  { header: "DOMAIN", value: (c) => c.companyProfile?.domain },
  { header: "COMPANY", value: (c) => c.companyProfile?.companyName },
  { header: "RELATIONSHIP", value: (c) => c.relationshipToPartner },
];

export const customersCommand = lookupCommand("customers", "list, get or search the partner's customers", {
  list: verb<Customer>({
    synopsis: "list",
    columns: COLUMNS,
    none: "no customers",
    fetch: (ctx) => ctx.all("customers", ctx.client.customers.list()),
  }),
  get: verb<Customer>({
    synopsis: "get <tenant id | domain>",
    positionals: { count: 1, name: "customer (tenant id or domain)" },
    columns: COLUMNS,
    none: "no customer",
    async fetch(ctx) {
      const { resolveCustomerId } = await import("../spec/customer-ref");
      const id = await resolveCustomerId(ctx.client, ctx.positionals[0].trim());
      return [await ctx.client.customers.get(id)];
    },
  }),
  search: verb<Customer>({
    synopsis: "search <prefix> [--by companyName|domain]",
    help: ["  --by FIELD              search only companyName or domain (default: both)"],
    options: { by: { type: "string" } },
    positionals: { count: 1, name: "prefix" },
    columns: COLUMNS,
    none: "no customer matches",
    async fetch(ctx) {
      const by = ctx.values.by ?? "either";
      if (by !== "either" && by !== "companyName" && by !== "domain")
        throw new UsageError(`--by must be companyName or domain, not '${String(by)}'`);
      const { findCustomers } = await import("../lookups/customers");
      return findCustomers(ctx.positionals[0], { client: ctx.client, by });
    },
  }),
});
