// `selfServePolicy:` — the customer's self-serve policy (Azure reservations / savings plans bought by the
// customer, billed to the partner). Becomes one SelfServePolicy (provider/resources).
// Choice: one policy per spec (Partner Center keeps one per grantor and customer); the grantor defaults to the
// configured partner tenant, and export writes grantorTenantId only when the policy's grantor is another tenant.

import { z } from "zod";
import { collect } from "../../client";
import { PERMISSION_ACTIONS, PERMISSION_RESOURCES, SelfServePolicy } from "../../resources/self-serve-policy";
import { adoptField, guid, list, oneOf } from "../fields";
import { defineSection } from "./section";

const Permission = z.strictObject({
  resource: oneOf(PERMISSION_RESOURCES, "What the customer may buy itself."),
  action: oneOf(PERMISSION_ACTIONS, "The permitted action."),
});

const SelfServePolicySpec = z
  .strictObject({
    permissions: list(
      Permission,
      "What the customer may do itself.",
      "[{ resource: AzureReservedInstances, action: Purchase }]",
    ).min(1, { error: "must not be empty. Fix: give at least one { resource, action }, or remove selfServePolicy" }),
    grantorTenantId: guid("grantor (partner) tenant id; default: the configured partner").optional(),
    adopt: adoptField(),
  })
  .meta({ description: "The customer's self-serve policy." });

export const selfServePolicySection = defineSection({
  key: "selfServePolicy",
  schema: SelfServePolicySpec,
  declare(policy, ctx) {
    new SelfServePolicy(
      ctx.name("selfServePolicy"),
      {
        customerId: ctx.customerId,
        permissions: policy.permissions,
        grantorTenantId: policy.grantorTenantId,
        adopt: policy.adopt ?? ctx.adopt,
      },
      ctx.opts,
    );
  },
  async export({ client, customerId, partnerTenantId }) {
    const policies = (await collect(client.selfServePolicies.list(customerId))).filter(
      (p) => p.selfServeEntity.tenantID.toLowerCase() === customerId.toLowerCase(),
    );
    const policy =
      policies.find((p) => p.grantor.tenantID.toLowerCase() === partnerTenantId.toLowerCase()) ?? policies[0];
    if (!policy || policy.permissions.length === 0) return undefined;
    const permissions = policy.permissions.map((p) => ({ resource: p.resource, action: p.action })) as z.input<
      typeof Permission
    >[];
    const foreign = policy.grantor.tenantID.toLowerCase() !== partnerTenantId.toLowerCase();
    return { permissions, ...(foreign ? { grantorTenantId: policy.grantor.tenantID } : {}) };
  },
});
