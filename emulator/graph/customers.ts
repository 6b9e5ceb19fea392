// Graph delegatedAdminCustomer and its serviceManagementDetails: the customers the partner holds an active relationship
// with (https://learn.microsoft.com/graph/api/resources/delegatedadmincustomer). Read-only.
// Emulator choice: a customer is listed while at least one of its relationships is `active` (or `expiring`); its id
// is its tenant id; serviceManagementDetails are a fixed set of admin-center links built from the tenant id.
import { notFound } from "./graphError";
import { newEtag, page } from "./odata";
import type { GraphContext, GraphRoute } from "./route";
import { METADATA } from "./route";

const CUSTOMERS = "/v1.0/tenantRelationships/delegatedAdminCustomers";

function customers(ctx: GraphContext) {
  const byId = new Map<string, { tenantId: string; displayName: string | null }>();
  for (const rel of ctx.gdap.relationships)
    if (rel.customer && (rel.status === "active" || rel.status === "expiring"))
      byId.set(rel.customer.tenantId, rel.customer);
  return [...byId.values()].map((c) => ({
    "@odata.type": "#microsoft.graph.delegatedAdminCustomer",
    "@odata.etag": newEtag(),
    id: c.tenantId,
    tenantId: c.tenantId,
    displayName: c.displayName,
  }));
}

function customer(ctx: GraphContext) {
  const found = customers(ctx).find((c) => c.id === ctx.params.customerId.toLowerCase());
  if (!found) throw notFound("delegatedAdminCustomer", ctx.params.customerId);
  return found;
}

export const customerRoutes: GraphRoute[] = [
  {
    method: "GET",
    pattern: CUSTOMERS,
    handle: (ctx) => ({
      status: 200,
      body: page(customers(ctx), ctx.query, `${ctx.origin}${METADATA}#delegatedAdminCustomers`, ctx.url),
    }),
  },
  {
    method: "GET",
    pattern: `${CUSTOMERS}/:customerId`,
    handle: (ctx) => ({
      status: 200,
      body: { "@odata.context": `${ctx.origin}${METADATA}#delegatedAdminCustomers/$entity`, ...customer(ctx) },
    }),
  },
  {
    method: "GET",
    pattern: `${CUSTOMERS}/:customerId/serviceManagementDetails`,
    handle: (ctx) => {
      const c = customer(ctx);
      const details = [
        ["Azure Active Directory", `https://aad.portal.azure.com/${c.tenantId}`],
        ["Microsoft 365 Lighthouse", "https://lighthouse.microsoft.com"],
        ["Teams", `https://admin.teams.microsoft.com/?delegatedOrg=${c.tenantId}`],
      ].map(([serviceName, serviceManagementUrl], i) => ({
        id: `${c.tenantId}-${i}`,
        serviceName,
        serviceManagementUrl,
      }));
      return {
        status: 200,
        body: page(
          details,
          ctx.query,
          `${ctx.origin}${METADATA}#delegatedAdminCustomers('${c.id}')/serviceManagementDetails`,
          ctx.url,
        ),
      };
    },
  },
];
