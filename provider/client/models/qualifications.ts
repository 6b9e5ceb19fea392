// CustomerQualification (asynchronous) and the legacy synchronous string form.
// https://learn.microsoft.com/partner-center/developer/get-customer-qualification-asynchronous
// Choice: the date documented both as vettingCreateDate and vettingCreatedDate is read from either into vettingCreateDate.
import { z } from "zod";
import { nullableString } from "./common";

export const QualificationSchema = z
  .looseObject({
    qualification: z.string(),
    vettingStatus: nullableString,
    vettingReason: nullableString,
    vettingCreateDate: nullableString,
    vettingCreatedDate: nullableString,
  })
  .transform(({ vettingCreatedDate, ...q }) => ({
    ...q,
    vettingCreateDate: q.vettingCreateDate ?? vettingCreatedDate,
  }));
export type Qualification = z.infer<typeof QualificationSchema>;

export const QualificationRequestSchema = z
  .looseObject({
    qualification: z.enum(["Education", "GovernmentCommunityCloud", "StateOwnedEntity"]),
    educationSegment: z.enum(["K12", "HigherEducation"]).optional(),
    website: z.string().optional(),
    validationCode: z.string().optional(),
  })
  .superRefine((q, ctx) => {
    if (q.qualification === "Education" && !q.educationSegment)
      ctx.addIssue({
        code: "custom",
        path: ["educationSegment"],
        message: "is required for Education (K12 or HigherEducation)",
      });
    if (q.qualification === "GovernmentCommunityCloud" && !q.validationCode)
      ctx.addIssue({
        code: "custom",
        path: ["validationCode"],
        message: "is required for GovernmentCommunityCloud (see validations.listCodes())",
      });
  });
export type QualificationRequest = z.infer<typeof QualificationRequestSchema>;

export const LegacyQualificationSchema = z.string();
export const LegacyQualificationValueSchema = z.enum(["Education", "GovernmentCommunityCloud"]);
export type LegacyQualificationValue = z.infer<typeof LegacyQualificationValueSchema>;
