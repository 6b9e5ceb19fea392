// The seeded GDAP world of each partner: four security groups, and for the first three customers of the default
// partner one relationship in each interesting state, dated relative to the moment of seeding.
// Emulator choice: the default partner holds the "Partner Customer Delegated Administration" service principal; the
// second partner does not, so its App-only Graph calls show the documented prerequisite (403).
// Emulator choice: seeded relationships (customer: relationship, status): first customer: `<prefix>-helpdesk`
// active, auto-extended, with the "Helpdesk Agents" group assigned Helpdesk Administrator, and `<prefix>-expiring`
// active, ending in 10 days without auto-extend; second: `<prefix>-pending` approvalPending and `<prefix>-draft`
// created; third: `<prefix>-old` terminated and `<prefix>-lapsed` expired.
import { guidFrom } from "../store/ids";
import type { CustomerRecord, PartnerRecord } from "../store/types";
import { addDays, DAY_MS } from "./durations";
import { newEtag } from "./odata";
import { DEFAULT_GDAP_SETTINGS, type GdapRelationshipRecord, type RelationshipStatus } from "./records";

export const SEEDED_GROUPS = ["Helpdesk Agents", "Tier 2 Support", "Security Operations", "Sales Agents"];
const ROLES = {
  helpdesk: "729827e3-9c14-49f7-bb1b-9608f156bbb8",
  user: "fe930be7-5e62-47db-91af-98c3a49a38b1",
  license: "4d6ac14f-3453-41d0-bef9-a3e0c569773a",
  readers: "88d8e3e3-8f55-4a1e-953a-9b9898b8876b",
  globalReader: "f2ef992c-3afb-46b9-b7cf-a126ee74c451",
};

const groupId = (partner: PartnerRecord, name: string) => guidFrom(`group/${partner.tenantId}/${name}`);

function relationship(
  customer: CustomerRecord,
  suffix: string,
  status: RelationshipStatus,
  nowMs: number,
  options: { activatedDaysAgo?: number; durationDays?: number; autoExtend?: string; roles?: string[] } = {},
): GdapRelationshipRecord {
  const prefix = customer.companyProfile.domain.split(".")[0];
  const key = `gdap/${customer.id}/${suffix}`;
  const durationDays = options.durationDays ?? 730;
  const activated =
    options.activatedDaysAgo === undefined ? null : new Date(nowMs - options.activatedDaysAgo * DAY_MS).toISOString();
  const created = new Date(nowMs - ((options.activatedDaysAgo ?? 2) + 1) * DAY_MS).toISOString();
  let end = activated ? addDays(activated, durationDays) : null;
  if (status === "terminated") end = new Date(nowMs - 30 * DAY_MS).toISOString();
  return {
    id: `${guidFrom(`${key}/a`)}-${guidFrom(`${key}/b`)}`,
    displayName: `${prefix}-${suffix}`,
    duration: `P${durationDays}D`,
    autoExtendDuration: options.autoExtend ?? "PT0S",
    customer: { tenantId: customer.id, displayName: customer.companyProfile.companyName },
    roles: options.roles ?? [ROLES.helpdesk, ROLES.user, ROLES.license, ROLES.readers],
    status,
    createdDateTime: created,
    lastModifiedDateTime: end && Date.parse(end) < nowMs ? end : created,
    activatedDateTime: activated,
    endDateTime: end,
    lockedAt: status === "approvalPending" ? new Date(nowMs - 2 * DAY_MS).toISOString() : undefined,
    etag: newEtag(),
    requests: [],
    accessAssignments: [],
    operations: [],
  };
}

/** Adds the GDAP records to a freshly seeded partner (index 0 is the default partner) and returns it. */
export function seedGdap(partner: PartnerRecord, index: number, nowMs: number): PartnerRecord {
  const relationships: GdapRelationshipRecord[] = [];
  const [first, second, third] = index === 0 ? partner.customers : [];
  if (first) {
    const helpdesk = relationship(first, "helpdesk", "active", nowMs, { activatedDaysAgo: 100, autoExtend: "P180D" });
    helpdesk.accessAssignments.push({
      id: guidFrom(`gdap/${first.id}/helpdesk/assignment`),
      groupId: groupId(partner, "Helpdesk Agents"),
      roles: [ROLES.helpdesk],
      status: "active",
      createdDateTime: helpdesk.activatedDateTime!,
      lastModifiedDateTime: helpdesk.activatedDateTime!,
      etag: newEtag(),
    });
    relationships.push(
      helpdesk,
      relationship(first, "expiring", "active", nowMs, { activatedDaysAgo: 355, durationDays: 365 }),
    );
  }
  if (second)
    relationships.push(
      relationship(second, "pending", "approvalPending", nowMs),
      relationship(second, "draft", "created", nowMs),
    );
  if (third)
    relationships.push(
      relationship(third, "old", "terminated", nowMs, { activatedDaysAgo: 200, roles: [ROLES.globalReader] }),
      relationship(third, "lapsed", "expired", nowMs, { activatedDaysAgo: 400, durationDays: 390 }),
    );
  partner.gdap = {
    servicePrincipal: index === 0,
    securityGroups: SEEDED_GROUPS.map((name) => ({
      id: groupId(partner, name),
      displayName: name,
      description: `Partner security group ${name}`,
    })),
    relationships,
    settings: { ...DEFAULT_GDAP_SETTINGS },
  };
  return partner;
}
