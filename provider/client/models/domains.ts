// Verified domain (request and the Domain answer). https://learn.microsoft.com/partner-center/developer/add-a-verified-domain
import { z } from "zod";
import { nullableString } from "./common";

export const DomainSchema = z.looseObject({
  name: z.string(),
  authenticationType: nullableString,
  capability: nullableString,
  isDefault: z.boolean().nullable().optional(),
  isInitial: z.boolean().nullable().optional(),
  rootDomain: nullableString,
  status: nullableString,
  verificationMethod: nullableString,
});
export type Domain = z.infer<typeof DomainSchema>;

export const VerifiedDomainRequestSchema = z.looseObject({
  verifiedDomainName: z.string().min(3),
  domain: z.looseObject({
    authenticationType: z.string().min(1),
    capability: z.string().min(1),
    isDefault: z.boolean().nullable().optional(),
    isInitial: z.boolean().nullable().optional(),
    name: z.string().min(3),
    rootDomain: z.string().optional(),
    status: z.string().min(1),
    verificationMethod: z.string().min(1),
  }),
  domainFederationSettings: z.looseObject({}).optional(),
});
export type VerifiedDomainRequest = z.infer<typeof VerifiedDomainRequestSchema>;
