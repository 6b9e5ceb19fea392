// The registry: every dynamic resource this package defines, by type name (the `<ClassName>` of the type
// token pulumi-nodejs:dynamic/partnercenter:<ClassName>). The runtime dispatches engine calls through it.
// Adding a resource: one file with the fixed shape (see customer-user.ts), one line here, one test file.

import { customer } from "./customer";
import { customerAgreement } from "./customer-agreement";
import { customerBillingProfile } from "./customer-billing-profile";
import { customerQualification } from "./customer-qualification";
import { customerUsageBudget } from "./customer-usage-budget";
import { customerUser } from "./customer-user";
import { delegatedAdminAccessAssignment } from "./delegated-admin-access-assignment";
import { delegatedAdminRelationship } from "./delegated-admin-relationship";
import type { ResourceDefinition } from "./kit/define-resource";
import { selfServePolicy } from "./self-serve-policy";
import { subscriptionNickname } from "./subscription-nickname";
import { userLicenseAssignment } from "./user-license-assignment";
import { userRoleAssignment } from "./user-role-assignment";
import { verifiedDomain } from "./verified-domain";

export const resources: Readonly<Record<string, ResourceDefinition>> = Object.freeze(
  Object.fromEntries(
    [
      customerUser,
      userRoleAssignment,
      userLicenseAssignment,
      selfServePolicy,
      subscriptionNickname,
      verifiedDomain,
      customer,
      customerBillingProfile,
      customerUsageBudget,
      customerQualification,
      customerAgreement,
      delegatedAdminRelationship,
      delegatedAdminAccessAssignment,
    ].map((d) => [d.type, d]),
  ),
);

export function resourceDefinition(type: string): ResourceDefinition {
  const def = resources[type];
  if (!def)
    throw new Error(
      `pulumi-partner-center: unknown resource type "${type}"; known types: ${Object.keys(resources).join(", ")}. The state may come from a newer version of this package.`,
    );
  return def;
}

export { CustomerUser } from "./customer-user";
export { UserRoleAssignment } from "./user-role-assignment";
export { UserLicenseAssignment } from "./user-license-assignment";
export { SelfServePolicy } from "./self-serve-policy";
export { SubscriptionNickname } from "./subscription-nickname";
export { VerifiedDomain } from "./verified-domain";
export { Customer } from "./customer";
export { CustomerBillingProfile } from "./customer-billing-profile";
export { CustomerUsageBudget } from "./customer-usage-budget";
export { CustomerQualification } from "./customer-qualification";
export { CustomerAgreement } from "./customer-agreement";
export { DelegatedAdminRelationship } from "./delegated-admin-relationship";
export { DelegatedAdminAccessAssignment } from "./delegated-admin-access-assignment";
