// The registry: every dynamic resource this package defines, by type name (the `<ClassName>` of the type
// token pulumi-nodejs:dynamic/partnercenter:<ClassName>). The runtime dispatches engine calls through it, and
// the tests that cover every resource (shim, public exports) read it. Adding a resource: docs/adding-a-resource.md.

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
