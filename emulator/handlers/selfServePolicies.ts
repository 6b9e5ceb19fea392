// Self-serve policies: create, list by customer, get, update (PUT at /v1/SelfServePolicy and /{id}), delete.
// https://learn.microsoft.com/partner-center/developer/create-a-self-serve-policy (and sibling pages)
// Emulator choice: App-only tokens are accepted (the pages say "Application+User credentials" without "only").
// Emulator choice: grantor.tenantID must be the caller's partner tenant and selfServeEntity.tenantID one of its
//   customers (else 400/2000 and 403/20002); types are answered as "customer"/"billToPartner" in any input case.
// Emulator choice: permissions resource AzureReservedInstances|AzureSavingsPlan, action Purchase (at least one).
// Emulator choice: an id that is not "<guid>_<guid>", or a PUT whose path id, body id and body tenants disagree
//   -> 404/600040; a well-formed id the caller can't see -> 404/600039 (also on DELETE).
// Emulator choice: PUT replaces permissions only; it needs the current etag (If-Match wins, else attributes.etag):
//   missing or different -> 400/2055. Each update issues a new etag (a quoted GUID). List needs entity_id (or entity_Id).
import { randomUUID } from "crypto";
import { z } from "zod";
import { ApiError, type RequestContext, type Route } from "../http/types";
import { collection } from "../http/collection";
import type { SelfServePolicyRecord } from "../store/types";
import { looseEnum, parseBody } from "./shared/body";
import { callerEtag, sameEtag } from "./shared/etag";

const GUID = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";
const ID_PATTERN = new RegExp(`^(${GUID})_(${GUID})$`);

const tenantRef = (typeField: "selfServeEntityType" | "grantorType", values: readonly string[]) =>
  z
    .object({
      [typeField]: looseEnum(values),
      tenantId: z.string().nullish(),
      tenantID: z.string().nullish(),
    })
    .transform((v, ctx) => {
      const tenant = v.tenantID ?? v.tenantId;
      if (!tenant || !new RegExp(`^${GUID}$`).test(tenant)) {
        ctx.addIssue({ code: "custom", message: "tenantID is required and must be a GUID", path: ["tenantID"] });
        return z.NEVER;
      }
      return { type: (v as Record<string, string>)[typeField], tenant: tenant.toLowerCase() };
    });

const policySchema = z.object({
  id: z.string().nullish(),
  selfServeEntity: tenantRef("selfServeEntityType", ["customer"]),
  grantor: tenantRef("grantorType", ["billToPartner"]),
  permissions: z
    .array(
      z.object({
        resource: looseEnum(["AzureReservedInstances", "AzureSavingsPlan"] as const),
        action: looseEnum(["Purchase"] as const),
      }),
    )
    .min(1, { message: "must list at least one permission" }),
});
const FIX =
  'Send {selfServeEntity:{selfServeEntityType:"customer", tenantID}, grantor:{grantorType:"billToPartner", tenantID}, permissions:[{resource:"AzureReservedInstances", action:"Purchase"}]}.';

function newEtag(): string {
  return `"${randomUUID()}"`;
}

function policyJson(p: SelfServePolicyRecord) {
  return {
    id: p.id,
    selfServeEntity: { selfServeEntityType: p.entityType, tenantID: p.entityTenantId },
    grantor: { grantorType: p.grantorType, tenantID: p.grantorTenantId },
    permissions: p.permissions.map((x) => ({ resource: x.resource, action: x.action })),
    attributes: { etag: p.etag, objectType: "SelfServePolicy" },
  };
}

function visibleTo(ctx: RequestContext, p: SelfServePolicyRecord): boolean {
  const partnerTenant = ctx.partner.tenantId.toLowerCase();
  return (
    p.grantorTenantId.toLowerCase() === partnerTenant ||
    ctx.partner.customers.some((c) => c.id.toLowerCase() === p.entityTenantId.toLowerCase())
  );
}

function wellFormedId(id: string): string {
  if (!ID_PATTERN.test(id))
    throw new ApiError(
      404,
      600040,
      `Self-serve policy identifier '${id.slice(0, 80)}' is incorrect; it is "<grantor tenantID>_<customer tenantID>".`,
    );
  return id.toLowerCase();
}

function findPolicy(ctx: RequestContext, rawId: string): SelfServePolicyRecord {
  const id = wellFormedId(rawId);
  const policy = ctx.store.selfServePolicies.find((p) => p.id.toLowerCase() === id);
  if (!policy || !visibleTo(ctx, policy)) throw new ApiError(404, 600039, `Self-serve policy ${rawId} not found.`);
  return policy;
}

function checkParties(ctx: RequestContext, entityTenant: string, grantorTenant: string): void {
  if (grantorTenant !== ctx.partner.tenantId.toLowerCase()) {
    throw new ApiError(400, 2000, `grantor.tenantID must be your partner tenant id (${ctx.partner.tenantId}).`);
  }
  if (!ctx.partner.customers.some((c) => c.id.toLowerCase() === entityTenant)) {
    throw new ApiError(
      403,
      20002,
      `Partner ${ctx.partner.tenantId} has no commerce relationship with customer ${entityTenant}.`,
    );
  }
}

const createPolicy: Route = {
  method: "POST",
  pattern: "/v1/SelfServePolicy",
  auth: "app-or-user",
  handle(ctx) {
    const body = parseBody(policySchema, ctx.body, "self-serve policy", FIX);
    checkParties(ctx, body.selfServeEntity.tenant, body.grantor.tenant);
    const id = `${body.grantor.tenant}_${body.selfServeEntity.tenant}`;
    if (ctx.store.selfServePolicies.some((p) => p.id.toLowerCase() === id)) {
      throw new ApiError(409, 600041, `Self-serve policy ${id} already exists; update it with PUT instead.`);
    }
    const record: SelfServePolicyRecord = {
      id,
      entityType: body.selfServeEntity.type,
      entityTenantId: body.selfServeEntity.tenant,
      grantorType: body.grantor.type,
      grantorTenantId: body.grantor.tenant,
      permissions: body.permissions.map((p) => ({ resource: p.resource, action: p.action })),
      etag: newEtag(),
    };
    ctx.store.selfServePolicies.push(record);
    ctx.changed();
    return { status: 201, body: policyJson(record) };
  },
};

const listPolicies: Route = {
  method: "GET",
  pattern: "/v1/SelfServePolicy",
  auth: "app-or-user",
  handle(ctx) {
    const key = [...ctx.query.keys()].find((k) => k.toLowerCase() === "entity_id");
    const entity = key ? ctx.query.get(key) : null;
    if (!entity)
      throw new ApiError(
        400,
        2000,
        "Query parameter entity_id is required: the customer tenant id whose self-serve policies to list.",
      );
    const items = ctx.store.selfServePolicies.filter(
      (p) => p.entityTenantId.toLowerCase() === entity.toLowerCase() && visibleTo(ctx, p),
    );
    return {
      status: 200,
      body: collection(items.map(policyJson), `/v1/SelfServePolicy?entity_id=${encodeURIComponent(entity)}`),
    };
  },
};

const getPolicy: Route = {
  method: "GET",
  pattern: "/v1/SelfServePolicy/:id",
  auth: "app-or-user",
  handle(ctx) {
    return { status: 200, body: policyJson(findPolicy(ctx, ctx.params.id)) };
  },
};

function updatePolicy(ctx: RequestContext, pathId: string | undefined) {
  const body = parseBody(
    policySchema,
    ctx.body,
    "self-serve policy",
    `${FIX} Include id and attributes.etag from the last GET.`,
  );
  const bodyId = body.id ?? undefined;
  const id = pathId ?? bodyId;
  if (!id)
    throw new ApiError(
      404,
      600040,
      "Self-serve policy identifier is missing: send the policy's id in the body (or PUT /v1/SelfServePolicy/{id}).",
    );
  const policy = findPolicy(ctx, id);
  const expected = `${body.grantor.tenant}_${body.selfServeEntity.tenant}`;
  if ((bodyId && bodyId.toLowerCase() !== policy.id) || expected !== policy.id) {
    throw new ApiError(
      404,
      600040,
      `Self-serve policy identifier is incorrect: the path id, body id and grantor/selfServeEntity tenants must all name ${policy.id}.`,
    );
  }
  const etag = callerEtag(ctx);
  if (etag === undefined || !sameEtag(etag, policy.etag)) {
    throw new ApiError(
      400,
      2055,
      "Etag is no longer valid. GET the self-serve policy and send its current attributes.etag (or If-Match).",
    );
  }
  policy.permissions = body.permissions.map((p) => ({ resource: p.resource, action: p.action }));
  policy.etag = newEtag();
  ctx.changed();
  return { status: 200, body: policyJson(policy) };
}

const updatePolicyByBody: Route = {
  method: "PUT",
  pattern: "/v1/SelfServePolicy",
  auth: "app-or-user",
  handle: (ctx) => updatePolicy(ctx, undefined),
};

const updatePolicyById: Route = {
  method: "PUT",
  pattern: "/v1/SelfServePolicy/:id",
  auth: "app-or-user",
  handle: (ctx) => updatePolicy(ctx, ctx.params.id),
};

const deletePolicy: Route = {
  method: "DELETE",
  pattern: "/v1/SelfServePolicy/:id",
  auth: "app-or-user",
  handle(ctx) {
    const policy = findPolicy(ctx, ctx.params.id);
    ctx.store.selfServePolicies = ctx.store.selfServePolicies.filter((p) => p !== policy);
    ctx.changed();
    return { status: 204 };
  },
};

export const selfServePolicyRoutes: Route[] = [
  createPolicy,
  listPolicies,
  getPolicy,
  updatePolicyByBody,
  updatePolicyById,
  deletePolicy,
];
