// `partner-center policies list --customer C | get <policy id>`: a customer's self-serve policies, or one by id
// (`<customer tenant id>_<partner tenant id>`, as Partner Center builds it).
// https://learn.microsoft.com/partner-center/developer/self-serve-policy-resources
import type { SelfServePolicy } from "../client";
import { customerListVerb, lookupCommand, verb } from "./lookup/lookup-command";
import type { Column } from "./lookup/table";

const COLUMNS: Column<SelfServePolicy>[] = [
  { header: "ID", value: (p) => p.id },
  { header: "ENTITY", value: (p) => `${p.selfServeEntity.selfServeEntityType ?? "?"} ${p.selfServeEntity.tenantID}` },
  { header: "GRANTOR", value: (p) => `${p.grantor.grantorType ?? "?"} ${p.grantor.tenantID}` },
  { header: "PERMISSIONS", value: (p) => p.permissions.map((x) => `${x.action} ${x.resource}`).join(", ") },
];

export const policiesCommand = lookupCommand("policies", "list a customer's self-serve policies, or get one by id", {
  list: customerListVerb<SelfServePolicy>({
    noun: "policies",
    columns: COLUMNS,
    none: "no self-serve policies",
    list: (client, customerId) => client.selfServePolicies.list(customerId),
  }),
  get: verb<SelfServePolicy>({
    synopsis: "get <policy id>",
    positionals: { count: 1, name: "policy id (<customer tenant id>_<partner tenant id>)" },
    columns: COLUMNS,
    none: "no self-serve policy",
    async fetch(ctx) {
      const { getSelfServePolicy } = await import("../lookups/directory");
      return [await getSelfServePolicy(ctx.positionals[0].trim(), { client: ctx.client })];
    },
  }),
});
