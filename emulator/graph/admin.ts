// The GDAP part of the admin API (/_emulator/gdap/...), playing what no Graph call does: the customer's Global
// Administrator approving or declining an invitation, or removing the partner's roles; and the GDAP timing knobs.
//   POST /_emulator/gdap/relationships/{id}/approve    {customer?: {tenantId, displayName?}, activationDelayMs?}
//   POST /_emulator/gdap/relationships/{id}/decline
//   POST /_emulator/gdap/relationships/{id}/customerTerminate
//   POST /_emulator/gdap/config  {partnerId?, servicePrincipal?, activationDelayMs?, assignmentDelayMs?,
//                                 terminationDelayMs?, operationDelayMs?}
// Emulator choice: a declined invitation is removed (GET 404), as if its 90-day approval window had lapsed; Graph has
// no "declined" status. Approving a relationship created without `customer` needs `customer.tenantId` in the body.
import { z } from "zod";
import type { Reply } from "../http/types";
import type { Runtime } from "../middleware/exchange";
import { gdapOf } from "./gdapOf";
import { settle } from "./lifecycle";
import { touch } from "./odata";

const ApproveSchema = z.strictObject({
  customer: z.strictObject({ tenantId: z.uuid(), displayName: z.string().optional() }).optional(),
  activationDelayMs: z.number().int().min(0).optional(),
});
const EmptySchema = z.strictObject({});
const ConfigSchema = z.strictObject({
  partnerId: z.string().optional(),
  servicePrincipal: z.boolean().optional(),
  activationDelayMs: z.number().int().min(0).optional(),
  assignmentDelayMs: z.number().int().min(0).optional(),
  terminationDelayMs: z.number().int().min(0).optional(),
  operationDelayMs: z.number().int().min(0).optional(),
});

const answer = (status: number, description: string): Reply => ({
  status,
  body: { code: status === 404 ? 1000 : 2000, description, data: [], source: "Emulator" },
});

function parse<T>(schema: z.ZodType<T>, raw: Buffer, what: string): T | Reply {
  let json: unknown = {};
  try {
    if (raw.length) json = JSON.parse(raw.toString("utf8"));
  } catch (e) {
    return answer(400, `${what}: the body is not valid JSON (${(e as Error).message}).`);
  }
  const result = schema.safeParse(json);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  return answer(400, `${what}: field '${issue.path.join(".") || "(body)"}' ${issue.message}. See docs/gdap.md.`);
}

const isReply = (v: unknown): v is Reply => typeof v === "object" && v !== null && "status" in v && "body" in v;

/** Answers /_emulator/gdap/...; `sub` is the path after /_emulator. */
export function handleGdapAdmin(method: string, sub: string, raw: Buffer, runtime: Runtime): Reply {
  const now = new Date(runtime.clock.emulatedNow());
  const at = now.toISOString();
  if (sub === "/gdap/config" && method === "POST") {
    const body = parse(ConfigSchema, raw, "POST /_emulator/gdap/config");
    if (isReply(body)) return body;
    const partner = body.partnerId ? runtime.store.partner(body.partnerId) : runtime.store.data.partners[0];
    if (!partner) return answer(404, `No partner ${body.partnerId}.`);
    const gdap = gdapOf(partner);
    const delays = Object.fromEntries(
      Object.entries(body).filter(([k, v]) => k.endsWith("DelayMs") && v !== undefined),
    );
    if (body.servicePrincipal !== undefined) gdap.servicePrincipal = body.servicePrincipal;
    gdap.settings = { ...gdap.settings, ...delays };
    runtime.store.save();
    return { status: 200, body: { servicePrincipal: gdap.servicePrincipal, ...gdap.settings } };
  }
  const m = /^\/gdap\/relationships\/([^/]+)\/(approve|decline|customerTerminate)$/.exec(sub);
  if (!m || method !== "POST")
    return answer(
      404,
      `Unknown GDAP admin operation ${method} /_emulator${sub}; see the header of emulator/graph/admin.ts.`,
    );
  const id = decodeURIComponent(m[1]).toLowerCase();
  const partner = runtime.store.data.partners.find((p) => p.gdap?.relationships.some((r) => r.id.toLowerCase() === id));
  if (!partner) return answer(404, `No GDAP relationship ${id}.`);
  const gdap = gdapOf(partner);
  settle(gdap, now);
  const rel = gdap.relationships.find((r) => r.id.toLowerCase() === id);
  if (!rel) return answer(404, `No GDAP relationship ${id} (it was cleaned up).`);
  if (m[2] === "approve") {
    const body = parse(ApproveSchema, raw, "POST /_emulator/gdap/relationships/{id}/approve");
    if (isReply(body)) return body;
    if (rel.status !== "approvalPending")
      return answer(
        400,
        `The relationship is ${rel.status}: only an approvalPending invitation can be approved (lock it for approval first).`,
      );
    if (!rel.customer && !body.customer)
      return answer(400, "The relationship names no customer: send customer.tenantId of the approving tenant.");
    if (!rel.customer && body.customer) {
      const known = partner.customers.find((c) => c.id.toLowerCase() === body.customer!.tenantId.toLowerCase());
      rel.customer = {
        tenantId: body.customer.tenantId.toLowerCase(),
        displayName: known?.companyProfile.companyName ?? body.customer.displayName ?? null,
      };
    }
    rel.status = "approved";
    rel.activateAt = new Date(
      now.getTime() + (body.activationDelayMs ?? gdap.settings.activationDelayMs),
    ).toISOString();
  } else {
    const body = parse(EmptySchema, raw, `POST /_emulator/gdap/relationships/{id}/${m[2]}`);
    if (isReply(body)) return body;
    if (m[2] === "decline") {
      if (rel.status !== "approvalPending")
        return answer(400, `The relationship is ${rel.status}: only an approvalPending invitation can be declined.`);
      gdap.relationships = gdap.relationships.filter((r) => r !== rel);
      runtime.store.save();
      return { status: 200, body: { id: rel.id, removed: true } };
    }
    if (rel.status !== "active")
      return answer(400, `The relationship is ${rel.status}: the customer can remove roles only from an active one.`);
    rel.status = "terminationRequested";
    rel.terminateAt = at;
  }
  touch(rel, at);
  settle(gdap, now);
  runtime.store.save();
  return { status: 200, body: { id: rel.id, status: rel.status } };
}
