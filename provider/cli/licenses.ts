// `partner-center licenses list --customer C [--user U]`: the customer's subscribed SKUs with their seats, or the
// licenses assigned to one user (App+User credentials).
// Choice: both license groups are listed (group1, Microsoft Entra ID; group2, Minecraft), not only the API's default.
// Choice: --user takes the user's object id or user principal name (found in the customer's user list).
// https://learn.microsoft.com/partner-center/developer/license-resources
import type { License, SubscribedSku } from "../client";
import { isGuid, LicenseGroupSchema } from "../client";
import { CUSTOMER_FLAG, customerIdOf, lookupCommand, verb, type VerbContext } from "./lookup/lookup-command";

const GROUPS = [...LicenseGroupSchema.options];

type Row = { kind: "sku"; sku: SubscribedSku } | { kind: "license"; license: License };

async function userIdOf(ctx: VerbContext, customerId: string, ref: string): Promise<string> {
  if (isGuid(ref)) return ref;
  const users = await ctx.all("users", ctx.client.users.list(customerId));
  const user = users.find((u) => u.userPrincipalName.toLowerCase() === ref.toLowerCase());
  if (!user)
    throw new Error(
      `customer ${customerId} has no user ${ref}. Fix: check the spelling (partner-center users list --customer ${customerId})`,
    );
  return user.id;
}

export const licensesCommand = lookupCommand(
  "licenses",
  "list a customer's licenses and free seats, or one user's licenses",
  {
    list: verb<Row>({
      synopsis: "list --customer <tenant id | domain> [--user <id | user principal name>]",
      help: [CUSTOMER_FLAG.help, "  --user U                one user's licenses: object id or user principal name"],
      options: { ...CUSTOMER_FLAG.options, user: { type: "string" } },
      columns: [
        { header: "SKU ID", value: (r) => (r.kind === "sku" ? r.sku : r.license).productSku.id },
        { header: "PART NUMBER", value: (r) => (r.kind === "sku" ? r.sku : r.license).productSku.skuPartNumber },
        { header: "NAME", value: (r) => (r.kind === "sku" ? r.sku : r.license).productSku.name },
        { header: "TOTAL", value: (r) => (r.kind === "sku" ? (r.sku.activeUnits ?? r.sku.totalUnits) : undefined) },
        { header: "CONSUMED", value: (r) => (r.kind === "sku" ? r.sku.consumedUnits : undefined) },
        { header: "AVAILABLE", value: (r) => (r.kind === "sku" ? r.sku.availableUnits : undefined) },
      ],
      none: "no licenses",
      toJson: (rows) => rows.map((r) => (r.kind === "sku" ? r.sku : r.license)),
      async fetch(ctx) {
        const customerId = await customerIdOf(ctx);
        const user = typeof ctx.values.user === "string" ? ctx.values.user.trim() : undefined;
        if (user) {
          const userId = await userIdOf(ctx, customerId, user);
          const licenses = await ctx.all("licenses", ctx.client.licenses.listForUser(customerId, userId, GROUPS));
          return licenses.map((license) => ({ kind: "license" as const, license }));
        }
        const skus = await ctx.all("licenses", ctx.client.licenses.listSubscribedSkus(customerId, GROUPS));
        return skus.map((sku) => ({ kind: "sku" as const, sku }));
      },
    }),
  },
);
