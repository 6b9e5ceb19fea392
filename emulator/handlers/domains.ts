// Domains: add a verified domain to a customer; check whether a domain is available (HEAD).
// https://learn.microsoft.com/partner-center/developer/add-a-verified-domain
// Emulator choice: a domain used by any customer of any partner (initial, custom or verified) -> 409/600014, the same
//   code as customer create; verifiedDomainName must equal domain.name (else 400/2000).
// Emulator choice: enums are accepted in any case or snake form and answered in snake case (dns_record); capability
//   is answered lower-case. A new default domain clears isDefault on the others. The name joins customDomains.
// Emulator choice: the registrar prerequisite is not checked (every partner may add verified domains).
import { z } from "zod";
import { ApiError, type Route } from "../http/types";
import type { DomainRecord } from "../store/types";
import { looseEnum, parseBody, snakeCase } from "./shared/body";
import { domainOwner, routeCustomer } from "./shared/lookup";

const domainName = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^(?=.{4,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/, {
    message: "must be a domain name such as contoso.com",
  });
const optionalString = z
  .string()
  .nullish()
  .transform((v) => v ?? undefined);

const federationSchema = z.object({
  activeLogOnUri: optionalString,
  defaultInteractiveAuthenticationMethod: optionalString,
  federationBrandName: optionalString,
  issuerUri: z.string().min(1),
  logOffUri: z.string().min(1),
  metadataExchangeUri: optionalString,
  nextSigningCertificate: optionalString,
  openIdConnectDiscoveryEndpoint: optionalString,
  passiveLogOnUri: z.string().min(1),
  preferredAuthenticationProtocol: looseEnum(["WsFed", "Samlp"] as const),
  promptLoginBehavior: looseEnum(["TranslateToFreshPasswordAuth", "NativeSupport", "Disabled"] as const),
  signingCertificate: z.string().min(1),
  signingCertificateUpdateStatus: optionalString,
  supportsMfa: z
    .boolean()
    .nullish()
    .transform((v) => v ?? undefined),
});

const verifiedDomainSchema = z.object({
  verifiedDomainName: domainName,
  domain: z.object({
    authenticationType: looseEnum(["Managed", "Federated"] as const),
    capability: z.string().min(1, { message: "must not be empty, e.g. Email" }),
    isDefault: z
      .boolean()
      .nullish()
      .transform((v) => v ?? false),
    isInitial: z
      .boolean()
      .nullish()
      .transform((v) => v ?? false),
    name: domainName,
    rootDomain: optionalString,
    status: looseEnum(["Unverified", "Verified", "PendingDeletion"] as const),
    verificationMethod: looseEnum(["None", "DnsRecord", "Email"] as const),
  }),
  domainFederationSettings: federationSchema.nullish().transform((v) => v ?? undefined),
});
const FIX =
  "Send {VerifiedDomainName, Domain:{AuthenticationType, Capability, Name, Status, VerificationMethod}} and DomainFederationSettings when AuthenticationType is Federated.";

function domainJson(d: DomainRecord) {
  return {
    authenticationType: d.authenticationType,
    capability: d.capability,
    isDefault: d.isDefault,
    isInitial: d.isInitial,
    name: d.name,
    ...(d.rootDomain ? { rootDomain: d.rootDomain } : {}),
    status: d.status,
    verificationMethod: d.verificationMethod,
  };
}

const addVerifiedDomain: Route = {
  method: "POST",
  pattern: "/v1/customers/:customerId/verifieddomain",
  auth: "app-or-user",
  handle(ctx) {
    const customer = routeCustomer(ctx);
    const body = parseBody(verifiedDomainSchema, ctx.body, "verified domain", FIX);
    if (body.verifiedDomainName !== body.domain.name) {
      throw new ApiError(
        400,
        2000,
        `verifiedDomainName (${body.verifiedDomainName}) and domain.name (${body.domain.name}) must be the same domain.`,
      );
    }
    const federated = body.domain.authenticationType === "Federated";
    if (federated && !body.domainFederationSettings) {
      throw new ApiError(
        400,
        2000,
        "domainFederationSettings is required when domain.authenticationType is Federated (issuerUri, logOffUri, passiveLogOnUri, preferredAuthenticationProtocol, promptLoginBehavior, signingCertificate).",
      );
    }
    if (domainOwner(ctx.store, body.domain.name))
      throw new ApiError(409, 600014, `The domain ${body.domain.name} is already in use.`);
    const record: DomainRecord = {
      name: body.domain.name,
      authenticationType: federated ? "federated" : "managed",
      capability: body.domain.capability.toLowerCase(),
      isDefault: body.domain.isDefault,
      isInitial: body.domain.isInitial,
      ...(body.domain.rootDomain ? { rootDomain: body.domain.rootDomain } : {}),
      status: snakeCase(body.domain.status) as DomainRecord["status"],
      verificationMethod: snakeCase(body.domain.verificationMethod) as DomainRecord["verificationMethod"],
      ...(federated && body.domainFederationSettings
        ? {
            federationSettings: {
              ...body.domainFederationSettings,
              preferredAuthenticationProtocol: snakeCase(body.domainFederationSettings.preferredAuthenticationProtocol),
              promptLoginBehavior: snakeCase(body.domainFederationSettings.promptLoginBehavior),
            },
          }
        : {}),
    };
    if (record.isDefault) for (const d of customer.domains) d.isDefault = false;
    customer.domains.push(record);
    customer.customDomains.push(record.name);
    ctx.changed();
    return { status: 201, body: domainJson(record) };
  },
};

const domainAvailability: Route = {
  method: "HEAD",
  pattern: "/v1/domains/:domain",
  auth: "app-or-user",
  handle(ctx) {
    return { status: domainOwner(ctx.store, ctx.params.domain.trim()) ? 200 : 404 };
  },
};

export const domainRoutes: Route[] = [addVerifiedDomain, domainAvailability];
