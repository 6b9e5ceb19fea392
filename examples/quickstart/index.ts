// Quickstart: two users in one customer tenant, each with a directory role and a Microsoft 365 license.
// In the repository, "pulumi-partner-center" resolves to the checkout (npm run build links it); elsewhere, npm install.
import * as pulumi from "@pulumi/pulumi";
import { CustomerUser, UserLicenseAssignment, UserRoleAssignment } from "pulumi-partner-center";

const config = new pulumi.Config();
const customerId = config.require("customerId");
const domain = config.require("domain");

const people = [
  { alias: "olivia.ops", displayName: "Olivia Ops", firstName: "Olivia", lastName: "Ops", role: "User Administrator" },
  { alias: "hugo.help", displayName: "Hugo Help", firstName: "Hugo", lastName: "Help", role: "Helpdesk Administrator" },
];

const userIds: Record<string, pulumi.Output<string>> = {};
for (const p of people) {
  const user = new CustomerUser(p.alias, {
    customerId,
    userPrincipalName: `${p.alias}@${domain}`,
    displayName: p.displayName,
    firstName: p.firstName,
    lastName: p.lastName,
    usageLocation: "US",
  });
  new UserRoleAssignment(`${p.alias}-role`, { customerId, userId: user.userId, roleName: p.role });
  new UserLicenseAssignment(`${p.alias}-m365`, {
    customerId,
    userId: user.userId,
    skuPartNumber: "O365_BUSINESS_PREMIUM",
  });
  userIds[p.alias] = user.userId;
}

export { userIds };
