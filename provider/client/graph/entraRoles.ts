// Entra built-in role template ids that GDAP relationships and access assignments name
// (https://learn.microsoft.com/entra/identity/role-based-access-control/permissions-reference), so declarations can
// use role names. Any other role is given by its template id.
export const ENTRA_ROLES: Readonly<Record<string, string>> = {
  "Global Administrator": "62e90394-69f5-4237-9190-012177145e10",
  "User Administrator": "fe930be7-5e62-47db-91af-98c3a49a38b1",
  "Helpdesk Administrator": "729827e3-9c14-49f7-bb1b-9608f156bbb8",
  "License Administrator": "4d6ac14f-3453-41d0-bef9-a3e0c569773a",
  "Directory Readers": "88d8e3e3-8f55-4a1e-953a-9b9898b8876b",
  "Directory Writers": "9360feb5-f418-4baa-8175-e2a00bac4301",
  "Exchange Administrator": "29232cdf-9323-42fd-ade2-1d097af3e4de",
  "Security Reader": "5d6b6bb7-de71-4623-b4af-96380a352509",
  "Security Administrator": "194ae4cb-b126-40b2-bd5b-6091b380977d",
  "Privileged Role Administrator": "e8611ab8-c189-46e8-94e1-60213ab1f814",
  "Privileged Authentication Administrator": "7be44c8a-adaf-4e2a-84d6-ab2649e08a13",
  "Global Reader": "f2ef992c-3afb-46b9-b7cf-a126ee74c451",
  "Service Support Administrator": "f023fd81-a637-4b56-95fd-791ac0226033",
  "Cloud Application Administrator": "158c047a-c907-4556-b7ef-446551a6b5f7",
  "Application Administrator": "9b895d92-2cd3-44c7-9d02-a6ac2d5ea5c3",
  "Intune Administrator": "3a2c62db-5318-420d-8d74-23affee5d9d5",
  "Teams Administrator": "69091246-20e8-4a56-aa4d-066075b2a7a8",
  "SharePoint Administrator": "f28a1f50-f6e7-4571-818b-6a12f2af6b6c",
  "Authentication Administrator": "c4e39bd9-1100-46d3-8c65-fb160da0071f",
  "Authentication Policy Administrator": "0526716b-113d-4c15-b2c8-68e3c22b9f80",
  "Conditional Access Administrator": "b1be1c3e-b65d-4f19-8427-f6fa0d97feb9",
  "Cloud Device Administrator": "7698a772-787b-4ac8-901f-60d6b08affd2",
  "Billing Administrator": "b0f54661-2d74-4c50-afa3-1ec803f12efe",
  "Domain Name Administrator": "8329153b-31d0-4727-b945-745eb3bc5f31",
  "External Identity Provider Administrator": "be2f45a1-457d-42af-a067-6ec1fa63bc45",
  "Dynamics 365 Administrator": "44367163-eba1-44c3-98af-f5787879f96a",
};

export const GLOBAL_ADMINISTRATOR_ID = ENTRA_ROLES["Global Administrator"];
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A role name (any case) or template id -> the lower-case template id; undefined for an unknown name. */
export function roleIdOf(nameOrId: string): string | undefined {
  if (GUID.test(nameOrId)) return nameOrId.toLowerCase();
  const key = Object.keys(ENTRA_ROLES).find((k) => k.toLowerCase() === nameOrId.trim().toLowerCase());
  return key ? ENTRA_ROLES[key] : undefined;
}

/** The role's name when it is one of the listed roles, else its id (for export and messages). */
export function roleNameOf(id: string): string {
  return Object.entries(ENTRA_ROLES).find(([, v]) => v === id.toLowerCase())?.[0] ?? id.toLowerCase();
}
