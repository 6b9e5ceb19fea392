// Multi-customer: one baseline applied to every customer in `customerIds` — a break-glass Global
// Administrator, a self-serve policy for Azure reservations, subscription nicknames and, where asked for,
// a verified custom domain.
import * as pulumi from "@pulumi/pulumi";
import {
  CustomerUser,
  SelfServePolicy,
  SubscriptionNickname,
  UserRoleAssignment,
  VerifiedDomain,
} from "pulumi-partner-center";

interface CustomerSettings {
  /** a domain of the customer for sign-in names, e.g. contoso.onmicrosoft.com */
  domain: string;
  /** subscription id -> nickname */
  nicknames?: Record<string, string>;
  /** a custom domain to add as verified (Partner Center cannot remove it again) */
  verifiedDomain?: string;
}

const config = new pulumi.Config();
const customerIds = config.requireObject<string[]>("customerIds");
const settings = config.requireObject<Record<string, CustomerSettings>>("customers");

export const breakGlassUserIds: Record<string, pulumi.Output<string>> = {};
for (const customerId of customerIds) {
  const s = settings[customerId];
  if (!s?.domain)
    throw new Error(
      `config "customers" has no domain for customer ${customerId}. Fix: add { "${customerId}": { "domain": "<its domain>" } }`,
    );
  const key = customerId.slice(0, 8);

  const admin = new CustomerUser(`${key}-breakglass`, {
    customerId,
    userPrincipalName: `breakglass@${s.domain}`,
    displayName: "Break-glass administrator",
    usageLocation: "US",
  });
  new UserRoleAssignment(`${key}-breakglass-ga`, {
    customerId,
    userId: admin.userId,
    roleName: "Global Administrator",
  });
  breakGlassUserIds[customerId] = admin.userId;

  new SelfServePolicy(`${key}-reservations`, {
    customerId,
    permissions: [{ resource: "AzureReservedInstances", action: "Purchase" }],
  });

  for (const [subscriptionId, nickname] of Object.entries(s.nicknames ?? {})) {
    new SubscriptionNickname(`${key}-${subscriptionId.slice(0, 8)}-nickname`, { customerId, subscriptionId, nickname });
  }

  if (s.verifiedDomain) {
    new VerifiedDomain(`${key}-${s.verifiedDomain}`, {
      customerId,
      domainName: s.verifiedDomain,
      authenticationType: "Managed",
      capability: "Email",
    });
  }
}
