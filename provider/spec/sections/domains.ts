// `domains:` — custom domains of the customer, added already verified. Each becomes a VerifiedDomain
// (provider/resources); Partner Center cannot remove a domain, so removing an entry only stops managing it.
// A Federated domain carries its federationSettings (the IdP's URIs and token-signing certificate, all public).
// Choice: the VerifiedDomain check runs on each entry while the spec is validated, so the spec accepts exactly what
// the resource does (e.g. Federated without federationSettings is reported with file and line, not at `up`).
// Choice: export lists the customer's custom domains (not its initial onmicrosoft.com domain) as Managed/Email,
// because the customer record does not say how a domain was added.

import { z } from "zod";
import { VerifiedDomain, verifiedDomain } from "../../resources/verified-domain";
import { adoptField, bool, domain, list, oneOf, text, uniqueBy } from "../fields";
import { resourceRules } from "./resource-rules";
import { defineSection } from "./section";

const uri = (description: string) => text(description, `give the ${description.toLowerCase().replace(/\.$/, "")}`);
const FederationSettingsSpec = z
  .strictObject({
    issuerUri: uri("Federation issuer URI."),
    logOffUri: uri("Sign-out URI."),
    passiveLogOnUri: uri("Passive sign-in URI."),
    preferredAuthenticationProtocol: oneOf(["WsFed", "Samlp"] as const, "WsFed or Samlp."),
    promptLoginBehavior: oneOf(
      ["TranslateToFreshPasswordAuth", "NativeSupport", "Disabled"] as const,
      "How a prompt=login request is handled.",
    ),
    signingCertificate: uri("Token signing certificate (base64)."),
    activeLogOnUri: uri("Active sign-in URI.").optional(),
    metadataExchangeUri: uri("Metadata exchange URI.").optional(),
    nextSigningCertificate: uri("Next token signing certificate (base64).").optional(),
    openIdConnectDiscoveryEndpoint: uri("OpenID Connect discovery URL.").optional(),
    federationBrandName: uri("Brand name.").optional(),
    supportsMfa: bool("Whether the IdP performs MFA.", "write supportsMfa: true or false").optional(),
  })
  .meta({ description: "Federation settings of a Federated domain (required for it, refused for a Managed one)." });

const DomainSpec = z
  .strictObject({
    name: domain("The custom domain, e.g. contoso.com."),
    authenticationType: oneOf(["Managed", "Federated"] as const, "Managed (default) or Federated.").optional(),
    capability: text("Domain capability (default Email).", "give the capability, e.g. capability: Email").optional(),
    isDefault: bool("Make it the tenant's default domain.", "write isDefault: true or false").optional(),
    federationSettings: FederationSettingsSpec.optional(),
    adopt: adoptField(),
  })
  .superRefine((d, ctx) => resourceRules(verifiedDomain)(resourceInputs(d), ctx));

interface DomainEntry {
  name: string;
  authenticationType?: string;
  capability?: string;
  isDefault?: boolean;
  federationSettings?: z.output<typeof FederationSettingsSpec>;
}

/** The VerifiedDomain inputs of one entry (without customerId), with the section's defaults. */
function resourceInputs(d: DomainEntry) {
  return {
    domainName: d.name,
    authenticationType: d.authenticationType ?? "Managed",
    capability: d.capability ?? "Email",
    ...(d.isDefault === undefined ? {} : { isDefault: d.isDefault }),
    ...(d.federationSettings === undefined ? {} : { federationSettings: d.federationSettings }),
  };
}

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
        { customerId: ctx.customerId, ...resourceInputs(d), adopt: d.adopt ?? ctx.adopt },
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
