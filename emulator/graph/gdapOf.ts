// A partner's GDAP records, created empty (with the service principal present) for a state file written before GDAP.
import type { PartnerRecord } from "../store/types";
import { DEFAULT_GDAP_SETTINGS, type PartnerGdapRecord } from "./records";

export function gdapOf(partner: PartnerRecord): PartnerGdapRecord {
  partner.gdap ??= {
    servicePrincipal: true,
    securityGroups: [],
    relationships: [],
    settings: { ...DEFAULT_GDAP_SETTINGS },
  };
  return partner.gdap;
}
