// Agreement (customer acceptance), AgreementMetaData, MCA direct-sign status.
// https://learn.microsoft.com/partner-center/developer/agreement-metadata-resources
import { z } from "zod";
import { nullableString } from "./common";

export const PrimaryContactSchema = z.looseObject({
  firstName: z.string(),
  lastName: z.string(),
  email: z.string(),
  phoneNumber: nullableString,
});

export const AgreementSchema = z.looseObject({
  templateId: z.string(),
  type: nullableString,
  dateAgreed: nullableString,
  primaryContact: PrimaryContactSchema.nullable().optional(),
  userId: nullableString,
  agreementLink: nullableString,
});
export type Agreement = z.infer<typeof AgreementSchema>;

export const AgreementConfirmationSchema = z.object({
  primaryContact: z.object({
    firstName: z.string().min(1),
    lastName: z.string().min(1),
    email: z.string().min(3),
    phoneNumber: z.string().optional(),
  }),
  templateId: z.string().min(1),
  dateAgreed: z.string().min(10),
  type: z.string().min(1).default("MicrosoftCustomerAgreement"),
});
export type AgreementConfirmation = z.input<typeof AgreementConfirmationSchema>;

export const AgreementMetadataSchema = z.looseObject({
  templateId: z.string(),
  agreementType: nullableString,
  agreementLink: nullableString,
  versionRank: z.number().nullable().optional(),
});
export type AgreementMetadata = z.infer<typeof AgreementMetadataSchema>;

export const DirectSignStatusSchema = z.looseObject({ isSigned: z.boolean() });
export type DirectSignStatus = z.infer<typeof DirectSignStatusSchema>;

export const AgreementTypeSchema = z.enum(["MicrosoftCloudAgreement", "MicrosoftCustomerAgreement", "*"]);
export type AgreementType = z.infer<typeof AgreementTypeSchema>;
