// CustomerQualification — a customer's Education, Government Community Cloud or State Owned Entity qualification.
// REST: https://learn.microsoft.com/partner-center/developer/create-customer-qualification-asynchronous
// Lifecycle: create requests the qualification (Education and GCC go through vetting: InReview, then Approved or
// Denied), or adopts the customer's existing one of the same kind; a new customer or kind replaces; delete leaves the
// qualification (Partner Center has no API to remove one) and says so; read reports it gone only when the customer
// has none of that kind (or the customer is gone, 404).
// Partner Center quirk: the list returns only the kind and vetting fields, never the segment, website or code.
// Choice: educationSegment, website and validationCode are sent once, with the request: Partner Center has no API to
//   change or withdraw a qualification, so check() refuses a new value for an existing one (with how to ask again),
//   and they are not kept in the outputs, since no read can confirm them (state holds only kind and vetting).
// Choice: an existing qualification of the same kind that is not Denied is adopted (asking again is refused by
//   Partner Center, 600071), with a warning that its segment/website/code are Partner Center's, not the inputs'.
// Needs App+User credentials (partnercenter:refreshToken) to create.

import { z } from "zod";
import type { Qualification } from "../client";
import { adoptAfterLostAnswer } from "./kit/adopt-after-lost-answer";
import type { CheckFailure, CrossFieldRule } from "./kit/check";
import { defineResource, type ChangeRule, type ResourceContext } from "./kit/define-resource";
import { lowerCase } from "./kit/diff";
import { isNotFound } from "./kit/errors";
import { guid, oneOf, text } from "./kit/fields";
import { formatId, parseId } from "./kit/ids";
import { resourceClass } from "./kit/resource-class";

export const TYPE = "CustomerQualification";
const KINDS = ["Education", "GovernmentCommunityCloud", "StateOwnedEntity"] as const;

// ---- input schema ----
export const CustomerQualificationInputs = z.strictObject({
  customerId: guid("customer tenant id"),
  qualification: oneOf(KINDS),
  educationSegment: oneOf(
    ["K12", "HigherEducation"] as const,
    "use K12 or HigherEducation (Education only)",
  ).optional(),
  website: z
    .string({ error: "must be a string. Fix: give the school's website, e.g. https://school.example, or leave it out" })
    .trim()
    .regex(/^https?:\/\/[^\s]+$/i, { error: "must be a web address. Fix: write it as https://school.example" })
    .optional(),
  validationCode: text("give one of your validation codes (getValidationCodes lists them)").optional(),
});
export type CustomerQualificationInputs = z.input<typeof CustomerQualificationInputs>;
type In = z.output<typeof CustomerQualificationInputs>;

// ---- state schema ----
export const CustomerQualificationOutputs = z.object({
  vettingStatus: z.string().optional(),
  vettingReason: z.string().optional(),
  vettingCreateDate: z.string().optional(),
});
type Out = z.output<typeof CustomerQualificationOutputs>;
type Stored = In & Partial<Out>;

/** Which extra fields each kind needs or refuses (create-customer-qualification page). */
const kindRules: CrossFieldRule = (inputs) => {
  const kind = inputs.qualification;
  if (typeof kind !== "string" || !(KINDS as readonly string[]).includes(kind)) return []; // unknown, or reported by the schema
  const has = (k: string) => inputs[k] !== undefined && inputs[k] !== null && inputs[k] !== "";
  const failures: CheckFailure[] = [];
  if (kind === "Education" && !has("educationSegment"))
    failures.push({
      property: "educationSegment",
      reason: "educationSegment is required for the Education qualification. Fix: set it to K12 or HigherEducation.",
    });
  if (kind === "GovernmentCommunityCloud" && !has("validationCode"))
    failures.push({
      property: "validationCode",
      reason:
        "validationCode is required for the GovernmentCommunityCloud qualification. Fix: give one of your validation codes (getValidationCodes lists them).",
    });
  for (const [key, only] of [
    ["educationSegment", "Education"],
    ["website", "Education"],
    ["validationCode", "GovernmentCommunityCloud"],
  ] as const) {
    if (kind !== only && has(key))
      failures.push({
        property: key,
        reason: `${key} applies only to the ${only} qualification, not ${kind}. Fix: remove ${key}.`,
      });
  }
  return failures;
};

/** The fields sent with the request only: Partner Center neither returns nor changes them. */
const SUBMITTED_ONCE = ["educationSegment", "website", "validationCode"] as const;

/** A new segment/website/code for the same customer and kind would never reach Partner Center: refuse it at preview. */
const submittedOnceRule: ChangeRule = (olds, news) => {
  const norm = (v: unknown) => (typeof v === "string" ? v.toLowerCase() : (v ?? ""));
  const same = (a: unknown, b: unknown) => norm(a) === norm(b);
  if (!same(olds.customerId, news.customerId) || !same(olds.qualification, news.qualification)) return [];
  const failures: CheckFailure[] = [];
  for (const key of SUBMITTED_ONCE) {
    const before = olds[key];
    const after = news[key];
    if (after === undefined || same(before, after)) continue;
    const was = before === undefined ? "left out" : JSON.stringify(before);
    failures.push({
      property: key,
      reason: `${key} cannot change once the ${String(news.qualification)} qualification is requested: Partner Center has no API to change or withdraw a qualification, so ${JSON.stringify(after)} would never be applied (it was ${was}). Fix: put back ${before === undefined ? `no ${key}` : `${key}: ${JSON.stringify(before)}`}; to ask again after a Denied vetting, remove this resource, run \`pulumi up\`, then declare it again with the new value.`,
    });
  }
  return failures;
};

// ---- diff rules ----
const diffRules = {
  replaceOn: ["customerId", "qualification"],
  inPlace: [],
  normalize: { customerId: lowerCase },
  naturalKey: (p: Partial<Stored>) =>
    p.customerId && p.qualification ? `${p.customerId}/${p.qualification}`.toLowerCase() : undefined,
};

// ---- CRUD ----
const describe = (p: Partial<In>) =>
  `${TYPE} ${p.qualification ?? "(unknown)"} of customer ${p.customerId ?? "(unknown)"}`;
const sameKind = (a: string, b: string) => a.replace(/_/g, "").toLowerCase() === b.replace(/_/g, "").toLowerCase();

/** The customer's current qualification of this kind: the last one not Denied, else the last one. */
async function current(ctx: ResourceContext, customerId: string, kind: string): Promise<Qualification | undefined> {
  const all = (await ctx.client.qualifications.list(customerId).toArray()).filter((q) =>
    sameKind(q.qualification, kind),
  );
  return [...all].reverse().find((q) => q.vettingStatus !== "Denied") ?? all[all.length - 1];
}

function outputsOf(q: Qualification): Out {
  return {
    vettingStatus: q.vettingStatus ?? undefined,
    vettingReason: q.vettingReason ?? undefined,
    vettingCreateDate: q.vettingCreateDate ?? undefined,
  };
}

async function create(ctx: ResourceContext, inputs: In): Promise<{ id: string; outs: Out }> {
  const id = formatId(inputs.customerId.toLowerCase(), inputs.qualification);
  const existing = await current(ctx, inputs.customerId, inputs.qualification);
  if (existing && existing.vettingStatus !== "Denied") {
    const given = SUBMITTED_ONCE.filter((k) => inputs[k] !== undefined);
    ctx.warn(
      `${describe(inputs)}: the customer already has this qualification (${existing.vettingStatus ?? "no vetting"}); it is adopted as it is.` +
        (given.length
          ? ` Its ${given.join(", ")} stay what was first requested (Partner Center does not return them), whatever the inputs say.`
          : ""),
    );
    return { id, outs: outputsOf(existing) };
  }
  const body = {
    qualification: inputs.qualification,
    ...(inputs.educationSegment ? { educationSegment: inputs.educationSegment } : {}),
    ...(inputs.website ? { website: inputs.website } : {}),
    ...(inputs.validationCode ? { validationCode: inputs.validationCode } : {}),
  };
  try {
    return { id, outs: outputsOf(await ctx.client.qualifications.create(inputs.customerId, body)) };
  } catch (e) {
    // Retried with the same MS-RequestId and still failed: if the qualification exists now, it is this request's.
    const appeared = await adoptAfterLostAnswer(e, async () => {
      const q = await current(ctx, inputs.customerId, inputs.qualification);
      return q?.vettingStatus === "Denied" ? undefined : q;
    });
    return { id, outs: outputsOf(appeared) };
  }
}

async function read(ctx: ResourceContext, id: string) {
  const [customerId, kind] = parseId(TYPE, id, 2);
  let q: Qualification | undefined;
  try {
    q = await current(ctx, customerId, kind);
  } catch (e) {
    if (isNotFound(e)) return undefined;
    throw e;
  }
  if (!q) return undefined;
  return {
    customerId,
    qualification: kind as In["qualification"],
    vettingStatus: q.vettingStatus ?? null,
    vettingReason: q.vettingReason ?? null,
    vettingCreateDate: q.vettingCreateDate ?? null,
  };
}

async function update(): Promise<Out> {
  throw new Error(`${TYPE}: a qualification cannot be changed; an in-place update is never planned`);
}

async function remove(ctx: ResourceContext, _id: string, props: Stored): Promise<void> {
  ctx.warn(
    `${describe(props)}: Partner Center has no way to remove a qualification, so it stays on the customer; Pulumi no longer manages it.`,
  );
}

// ---- export ----
export const customerQualification = defineResource({
  type: TYPE,
  inputs: CustomerQualificationInputs,
  outputs: CustomerQualificationOutputs,
  rules: [kindRules],
  changeRules: [submittedOnceRule],
  inputOnly: SUBMITTED_ONCE,
  diff: diffRules,
  describe,
  create,
  read,
  update,
  delete: remove,
});

/** A customer qualification; `vettingStatus` is InReview, Approved or Denied (none for StateOwnedEntity). */
export const CustomerQualification = resourceClass(customerQualification);
export type CustomerQualification = InstanceType<typeof CustomerQualification>;
