// Customer qualifications: current asynchronous GET/POST (bare arrays) and the legacy synchronous GET/PUT (bare strings).
// https://learn.microsoft.com/partner-center/developer/create-customer-qualification (and the removed 2021 pages)
// Emulator choice: Education and GovernmentCommunityCloud start InReview and become Approved on the first read at least
//   10 minutes of emulator clock after vettingCreateDate (POST /_emulator/clock moves it); StateOwnedEntity has no vetting.
// Emulator choice: GCC needs validationCode (body, or the 2021 ?code= query) naming one of the partner's validation
//   codes with remainingCreates > 0 (else 400/2000); it decrements remainingCreates and renews that code's eTag.
// Emulator choice: asking again for a qualification the customer has (not Denied) -> 409/600071.
// Emulator choice: the legacy GET answers the latest Approved qualification lower-cased without '_'
//   ("governmentcommunitycloud"), else "none"; the legacy PUT takes the enum as a JSON string or its integer value
//   (0 None, 1 Education, 2 Nonprofit, 3 GovernmentCommunityCloud, 4 StateOwnedEntity), accepts Education and
//   GovernmentCommunityCloud only, and is approved at once.
import { z } from "zod";
import { ApiError, type RequestContext, type Route } from "../http/types";
import { sameEnum } from "../http/collection";
import type { CustomerRecord, QualificationRecord } from "../store/types";
import { looseEnum, parseBody } from "./shared/body";
import { routeCustomer } from "./shared/lookup";

export const VETTING_DELAY_MS = 10 * 60 * 1000;
const ENUM = ["None", "Education", "Nonprofit", "GovernmentCommunityCloud", "StateOwnedEntity"] as const;

const createSchema = z.object({
  qualification: looseEnum(ENUM),
  educationSegment: looseEnum(["K12", "HigherEducation"] as const)
    .nullish()
    .transform((v) => v ?? undefined),
  website: z
    .string()
    .nullish()
    .transform((v) => v ?? undefined),
  validationCode: z
    .union([z.string(), z.number()])
    .nullish()
    .transform((v) => (v === null || v === undefined ? undefined : String(v))),
});
const CREATE_FIX =
  'Send {"qualification":"Education","educationSegment":"K12"}, {"qualification":"GovernmentCommunityCloud","validationCode":"<id>"} or {"qualification":"StateOwnedEntity"}.';

function progressVetting(ctx: RequestContext, customer: CustomerRecord): void {
  const now = ctx.now().getTime();
  for (const q of customer.qualifications) {
    if (
      q.vettingStatus === "InReview" &&
      q.vettingCreateDate &&
      Date.parse(q.vettingCreateDate) + VETTING_DELAY_MS <= now
    ) {
      q.vettingStatus = "Approved";
      customer.legacyQualification = legacyName(q.qualification);
      ctx.changed();
    }
  }
}

function legacyName(qualification: string): string {
  return qualification.replace(/_/g, "").toLowerCase();
}

function useValidationCode(ctx: RequestContext, code: string | undefined): string {
  if (!code)
    throw new ApiError(
      400,
      2000,
      "validationCode is required for GovernmentCommunityCloud; use a validationId from GET /v1/customers/all/validations.",
    );
  const found = ctx.partner.validationCodes.find((v) => v.validationId === code);
  if (!found)
    throw new ApiError(
      400,
      2000,
      `validationCode ${code} is not one of your validation codes; list them with GET /v1/customers/all/validations.`,
    );
  if (found.remainingCreates <= 0)
    throw new ApiError(400, 2000, `validationCode ${code} has no remaining creates (maxCreates ${found.maxCreates}).`);
  found.remainingCreates -= 1;
  found.etag = `W/"datetime'${encodeURIComponent(ctx.now().toISOString())}'"`;
  return code;
}

function qualificationJson(q: QualificationRecord) {
  return {
    qualification: q.qualification,
    ...(q.vettingStatus ? { vettingStatus: q.vettingStatus } : {}),
    ...(q.vettingReason ? { vettingReason: q.vettingReason } : {}),
    ...(q.vettingCreateDate ? { vettingCreateDate: q.vettingCreateDate } : {}),
  };
}

function refuseDuplicate(customer: CustomerRecord, qualification: string): void {
  const existing = customer.qualifications.find(
    (q) => sameEnum(q.qualification, qualification) && q.vettingStatus !== "Denied",
  );
  if (existing)
    throw new ApiError(
      409,
      600071,
      `The customer already has the ${qualification} qualification (${existing.vettingStatus ?? "set"}).`,
    );
}

const listQualifications: Route = {
  method: "GET",
  pattern: "/v1/customers/:customerId/qualifications",
  auth: "app-or-user",
  handle(ctx) {
    const customer = routeCustomer(ctx);
    progressVetting(ctx, customer);
    return { status: 200, body: customer.qualifications.map(qualificationJson) };
  },
};

const createQualification: Route = {
  method: "POST",
  pattern: "/v1/customers/:customerId/qualifications",
  auth: "user-only",
  handle(ctx) {
    const customer = routeCustomer(ctx);
    const body = parseBody(createSchema, ctx.body, "qualification", CREATE_FIX);
    if (body.qualification === "None" || body.qualification === "Nonprofit") {
      throw new ApiError(
        400,
        2000,
        `${body.qualification} can't be requested; qualification must be Education, GovernmentCommunityCloud or StateOwnedEntity.`,
      );
    }
    if (body.qualification === "Education" && !body.educationSegment) {
      throw new ApiError(400, 2000, "educationSegment is required for Education: send K12 or HigherEducation.");
    }
    refuseDuplicate(customer, body.qualification);
    const now = ctx
      .now()
      .toISOString()
      .replace(/\.\d{3}Z$/, "Z");
    const record: QualificationRecord =
      body.qualification === "StateOwnedEntity"
        ? { qualification: "StateOwnedEntity" }
        : { qualification: body.qualification, vettingStatus: "InReview", vettingCreateDate: now };
    if (body.qualification === "GovernmentCommunityCloud")
      record.validationCode = useValidationCode(ctx, body.validationCode ?? ctx.query.get("code") ?? undefined);
    if (body.educationSegment) record.educationSegment = body.educationSegment;
    if (body.website) record.website = body.website;
    customer.qualifications.push(record);
    ctx.changed();
    return { status: 201, body: qualificationJson(record) };
  },
};

const getLegacyQualification: Route = {
  method: "GET",
  pattern: "/v1/customers/:customerId/qualification",
  auth: "app-or-user",
  handle(ctx) {
    const customer = routeCustomer(ctx);
    progressVetting(ctx, customer);
    return { status: 200, body: customer.legacyQualification || "none" };
  },
};

const updateLegacyQualification: Route = {
  method: "PUT",
  pattern: "/v1/customers/:customerId/qualification",
  auth: "user-only",
  handle(ctx) {
    const customer = routeCustomer(ctx);
    const raw: unknown = ctx.body;
    const name =
      typeof raw === "number" && Number.isInteger(raw)
        ? ENUM[raw]
        : typeof raw === "string"
          ? ENUM.find((e) => sameEnum(e, raw))
          : undefined;
    if (name !== "Education" && name !== "GovernmentCommunityCloud") {
      throw new ApiError(
        400,
        2000,
        'The body must be the qualification as a JSON string ("Education" or "GovernmentCommunityCloud") or its enum value (1 or 3).',
      );
    }
    refuseDuplicate(customer, name);
    const record: QualificationRecord = {
      qualification: name,
      vettingStatus: "Approved",
      vettingCreateDate: ctx
        .now()
        .toISOString()
        .replace(/\.\d{3}Z$/, "Z"),
    };
    if (name === "GovernmentCommunityCloud")
      record.validationCode = useValidationCode(ctx, ctx.query.get("code") ?? undefined);
    customer.qualifications.push(record);
    customer.legacyQualification = legacyName(name);
    ctx.changed();
    return { status: 200, body: customer.legacyQualification };
  },
};

export const qualificationRoutes: Route[] = [
  listQualifications,
  createQualification,
  getLegacyQualification,
  updateLegacyQualification,
];
