// Every section of the tenant spec, in the order they appear in a file and are declared.
// Account settings (billing profile, usage budget, qualification, customer agreement) join here as one file
// each once their resource classes exist in provider/resources.

import { domainsSection } from "./domains";
import type { SpecSection } from "./section";
import { selfServePolicySection } from "./self-serve-policy";
import { subscriptionsSection } from "./subscriptions";
import { usersSection } from "./users";

export const SECTIONS: ReadonlyArray<SpecSection> = [usersSection, selfServePolicySection, subscriptionsSection, domainsSection] as ReadonlyArray<SpecSection>;

export type { DeclareContext, ExportContext, SpecSection } from "./section";
