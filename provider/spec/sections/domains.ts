// `domains:` — custom domains of the customer, added already verified. Each becomes a VerifiedDomain
// (provider/resources); Partner Center cannot remove a domain, so removing an entry only stops managing it.
// Choice: export lists the customer's custom domains (not its initial onmicrosoft.com domain) as Managed/Email,
// because the customer record does not say how a domain was added.

import { z } from "zod";
import { VerifiedDomain } from "../../resources/verified-domain";
import { adoptField, bool, domain, list, oneOf, text, uniqueBy } from "../fields";
import { defineSection } from "./section";

const DomainSpec = z.strictObject({
  name: domain("The custom domain, e.g. contoso.com."),
  authenticationType: oneOf(["Managed", "Federated"] as const, "Managed (default) or Federated.").optional(),
  capability: text("Domain capability (default Email).", "give the capability, e.g. capability: Email").optional(),
  isDefault: bool("Make it the tenant's default domain.", "write isDefault: true or false").optional(),
  adopt: adoptField(),
});

const DomainsSpec = list(DomainSpec, "Custom domains added as verified.", "[{ name: contoso.com }]").superRefine(
  uniqueBy("domains", (d) => d.name.toLowerCase(), ["name"], "list each domain once"),
);

export const domainsSection = defineSection({
  key: "domains",
  schema: DomainsSpec,
  declare(domains, ctx) {
    for (const d of domains) {
      new VerifiedDomain(
        ctx.name("domains", d.name.toLowerCase()),
        {
          customerId: ctx.customerId,
          domainName: d.name,
          authenticationType: d.authenticationType ?? "Managed",
          capability: d.capability ?? "Email",
          isDefault: d.isDefault,
          adopt: d.adopt ?? ctx.adopt,
        },
        ctx.opts,
      );
    }
  },
  async export({ client, customerId }) {
    const customer = await client.customers.get(customerId);
    const initial = customer.companyProfile?.domain?.toLowerCase();
    const custom = [...new Set((customer.customDomains ?? []).map((d) => d.toLowerCase()))]
      .filter((d) => d !== initial)
      .sort();
    return custom.length ? custom.map((name) => ({ name })) : undefined;
  },
});
