// A customer shaped like a real one for export tests: a user with two roles and two licenses (one with an excluded
// service plan), a deleted user, a self-serve policy, a renamed subscription, a usage budget, a State Owned Entity
// and an Education qualification and two MCA acceptances, made through the client against the emulator.
import type { Emulator } from "../../../emulator";
import type { PartnerCenterClient } from "../../../provider/client";

export const ZOE_PASSWORD = "Zoe!Initial-Passw0rd-77";

/** Gives the customer a user with roles and licenses (one with an excluded plan), a deleted user, a self-serve
 *  policy, a renamed subscription and a budget. */
export async function shapeCustomer(
  client: PartnerCenterClient,
  c: Emulator["seed"]["partners"][0]["customers"][0],
  partnerTenantId: string,
) {
  const zoe = await client.users.create(c.id, {
    userPrincipalName: `zoe@${c.domain}`,
    displayName: "Zoë Zeta",
    firstName: "Zoë",
    lastName: "Zeta",
    usageLocation: "DE",
    passwordProfile: { password: ZOE_PASSWORD, forceChangePassword: true },
  });
  for (const name of ["User Administrator", "Helpdesk Administrator"]) {
    await client.roles.addMember(c.id, c.roles.find((r) => r.name === name)!.id, {
      id: zoe.id,
      displayName: zoe.displayName!,
      userPrincipalName: zoe.userPrincipalName,
    });
  }
  const m365 = c.skus.find((s) => s.skuPartNumber === "O365_BUSINESS_PREMIUM")!;
  const bi = c.skus.find((s) => s.skuPartNumber === "POWER_BI_PRO")!;
  const yammer = m365.servicePlans.find((p) => p.serviceName === "YAMMER_ENTERPRISE")!.id;
  await client.licenses.update(c.id, zoe.id, {
    licensesToAssign: [
      { skuId: m365.id, excludedPlans: [yammer] },
      { skuId: bi.id, excludedPlans: [] },
    ],
  });
  const gone = await client.users.create(c.id, {
    userPrincipalName: `gone@${c.domain}`,
    displayName: "Gone",
    passwordProfile: { password: ZOE_PASSWORD, forceChangePassword: true },
  });
  await client.users.delete(c.id, gone.id);
  await client.selfServePolicies.create({
    selfServeEntity: { selfServeEntityType: "customer", tenantID: c.id },
    grantor: { grantorType: "billToPartner", tenantID: partnerTenantId },
    permissions: [
      { resource: "AzureSavingsPlan", action: "Purchase" },
      { resource: "AzureReservedInstances", action: "Purchase" },
    ],
  });
  const sub = await client.subscriptions.get(c.id, c.subscriptions[0].id);
  await client.subscriptions.update(c.id, { ...sub, friendlyName: "Fabrikam: Microsoft 365 #1" });
  await client.budget.update(c.id, 750);
  await client.qualifications.create(c.id, { qualification: "StateOwnedEntity" });
  await client.qualifications.create(c.id, {
    qualification: "Education",
    educationSegment: "K12",
    website: "https://school.example",
  });
  const [template] = await client.agreements.listMetadata("MicrosoftCustomerAgreement").toArray();
  for (const [first, email] of [
    ["Uma", "uma@fabrikam.example"],
    ["Ada", "Ada.Admin@fabrikam.example"],
  ]) {
    await client.agreements.confirm(c.id, {
      primaryContact: { firstName: first, lastName: "Signer", email, phoneNumber: "4255550100" },
      templateId: template.templateId,
      dateAgreed: "2026-02-03T00:00:00Z",
      type: "MicrosoftCustomerAgreement",
    });
  }
}
