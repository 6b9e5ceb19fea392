// Every section of the tenant spec, in the order they appear in a file and are declared.
// The account settings (usage budget, billing profile, qualifications, MCA acceptances) come last: they are the
// customer's, not a directory object's.

import { billingProfileSection } from "./billing-profile";
import { customerAgreementsSection } from "./customer-agreements";
import { domainsSection } from "./domains";
import { gdapSection } from "./gdap";
import { qualificationsSection } from "./qualifications";
import type { SpecSection } from "./section";
import { selfServePolicySection } from "./self-serve-policy";
import { subscriptionsSection } from "./subscriptions";
import { usageBudgetSection } from "./usage-budget";
import { usersSection } from "./users";

export const SECTIONS: ReadonlyArray<SpecSection> = [
  usersSection,
  selfServePolicySection,
  subscriptionsSection,
  domainsSection,
  usageBudgetSection,
  billingProfileSection,
  qualificationsSection,
  customerAgreementsSection,
  gdapSection,
] as ReadonlyArray<SpecSection>;

export type { DeclareContext, ExportContext, SpecSection } from "./section";
