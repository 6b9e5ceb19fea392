// The seeded world: two partners, the default one with three customers (Fabrikam has the custom domain fabrikam.example),
// each with users, the standard directory roles, subscribed SKUs, subscriptions, orders and entitlements: orders of two
// billing cycles (Power BI Pro is billed annually) and software entitlements; Fabrikam, Adventure Works and Litware also
// have an active monthly-billed Azure VM reservation (a reservedInstance entitlement, which blocks removing the reseller
// relationship), Wingtip Toys and Tailspin Toys none. Tailspin Toys signed the Microsoft Customer Agreement directly.
// Ids are derived from fixed names (store/ids.ts) so they are the same on every run; only the app certificates
// (passed in) and the token signing key differ.
// Emulator choice: `seed: false` keeps the partners, their app registrations, agreement metadata and validation codes
// but no customers, so an "empty" emulator can still issue tokens.
// Emulator choice: directory roles carry the documented role-template ids as `id` in every customer tenant.
import type {
  AppRegistration,
  CustomerRecord,
  EntitlementRecord,
  OrderLineItemRecord,
  OrderRecord,
  PartnerRecord,
  RoleRecord,
  StoreData,
  SubscribedSkuRecord,
  SubscriptionRecord,
  UserRecord,
} from "./store/types";
import { guidFrom, secretFrom } from "./store/ids";
import { seedGdap } from "./graph/seed";

export interface CertificatePair {
  certificatePem: string;
  privateKeyPem: string;
  thumbprintSha256: string;
}

export interface SeedInfo {
  defaultPartnerId: string;
  partners: Array<{
    tenantId: string;
    name: string;
    /** verified domain names of the partner tenant; each may stand for the tenant id in the token endpoint path */
    domains: string[];
    app: { clientId: string; clientSecret: string };
    appCertificate: { clientId: string; certificatePem: string; privateKeyPem: string; thumbprintSha256: string };
    user: { clientId: string; clientSecret: string; refreshToken: string; userId: string; userPrincipalName: string };
    customers: Array<{
      id: string;
      domain: string;
      companyName: string;
      customDomains: string[];
      subscriptions: Array<{ id: string; offerName: string; friendlyName: string }>;
      skus: Array<{
        id: string;
        skuPartNumber: string;
        totalUnits: number;
        servicePlans: Array<{ id: string; serviceName: string }>;
      }>;
      roles: Array<{ id: string; name: string }>;
    }>;
  }>;
  validationCodes: Array<{ partnerId: string; validationId: string; organizationName: string }>;
  agreementTemplates: { mca: string; mcloud: string };
}

export const AGREEMENT_TEMPLATES = {
  mca: "117a77b0-9360-443b-8795-c6dedc750cf9",
  mcloud: "998b88de-aa99-4388-a42c-1b3517d49490",
};

/** Standard Entra directory roles with their well-known role-template ids. */
export const STANDARD_ROLES: Array<{ id: string; name: string }> = [
  { id: "62e90394-69f5-4237-9190-012177145e10", name: "Global Administrator" },
  { id: "fe930be7-5e62-47db-91af-98c3a49a38b1", name: "User Administrator" },
  { id: "729827e3-9c14-49f7-bb1b-9608f156bbb8", name: "Helpdesk Administrator" },
  { id: "b0f54661-2d74-4c50-afa3-1ec803f12efe", name: "Billing Administrator" },
  { id: "4d6ac14f-3453-41d0-bef9-a3e0c569773a", name: "License Administrator" },
  { id: "88d8e3e3-8f55-4a1e-953a-9b9898b8876b", name: "Directory Readers" },
  { id: "9360feb5-f418-4baa-8175-e2a00bac4301", name: "Directory Writers" },
  { id: "f2ef992c-3afb-46b9-b7cf-a126ee74c451", name: "Global Reader" },
  { id: "e8611ab8-c189-46e8-94e1-60213ab1f814", name: "Privileged Role Administrator" },
  { id: "7be44c8a-adaf-4e2a-84d6-ab2649e08a13", name: "Privileged Authentication Administrator" },
  { id: "29232cdf-9323-42fd-ade2-1d097af3e4de", name: "Exchange Administrator" },
  { id: "f28a1f50-f6e7-4571-818b-6a12f2af6b6c", name: "SharePoint Administrator" },
  { id: "194ae4cb-b126-40b2-bd5b-6091b380977d", name: "Security Administrator" },
];
const GLOBAL_ADMIN = STANDARD_ROLES[0].id;
const USER_ADMIN = STANDARD_ROLES[1].id;

interface SkuTemplate {
  id: string;
  name: string;
  skuPartNumber: string;
  group: "group1" | "group2";
  units: number;
  offerId: string;
  /** BillingCycleType of its subscription and order (default monthly) */
  billingCycle?: "monthly" | "annual";
  plans: Array<[string, string, string]>;
}

// Product and service-plan ids as published on "Product names and service plan identifiers for licensing".
const SKU_TEMPLATES: SkuTemplate[] = [
  {
    id: "f245ecc8-75af-4f8e-b61f-27d8114de5f3",
    name: "Microsoft 365 Business Standard",
    skuPartNumber: "O365_BUSINESS_PREMIUM",
    group: "group1",
    units: 10,
    offerId: "CFQ7TTC0LDPB:0001",
    plans: [
      ["9aaf7827-d63c-4b61-89c3-182f06f82e5c", "EXCHANGE_S_STANDARD", "Exchange Online (Plan 1)"],
      ["c7699d2e-19aa-44de-8edf-1736da088ca1", "SHAREPOINTSTANDARD", "SharePoint (Plan 1)"],
      ["0feaeb32-d00e-4d66-bd5a-43b5b83db82c", "MCOSTANDARD", "Skype for Business Online (Plan 2)"],
      ["57ff2da0-773e-42df-b2af-ffb7a2317929", "TEAMS1", "Microsoft Teams"],
      ["43de0ff5-c92c-492b-9116-175376d08c38", "OFFICESUBSCRIPTION", "Microsoft 365 Apps for enterprise"],
      ["7547a3fe-08ee-4ccb-b430-5077c5041653", "YAMMER_ENTERPRISE", "Yammer Enterprise"],
    ],
  },
  {
    id: "f8a1db68-be16-40ed-86d5-cb42ce701560",
    name: "Power BI Pro",
    skuPartNumber: "POWER_BI_PRO",
    group: "group1",
    units: 1,
    offerId: "CFQ7TTC0L5JP:0001",
    billingCycle: "annual",
    plans: [["70d33638-9c74-4d01-bfd3-562de28bd4ba", "BI_AZURE_P2", "Power BI Pro"]],
  },
  {
    id: guidFrom("sku/MINECRAFT_EDU"),
    name: "Minecraft: Education Edition",
    skuPartNumber: "MINECRAFT_EDU",
    group: "group2",
    units: 5,
    offerId: "CFQ7TTC0MINE:0001",
    plans: [
      [guidFrom("plan/MINECRAFT_EDUCATION_EDITION"), "MINECRAFT_EDUCATION_EDITION", "Minecraft Education Edition"],
    ],
  },
];

interface CustomerTemplate {
  key: string;
  companyName: string;
  domainPrefix: string;
  customDomains: string[];
  /** the customer signed the Microsoft Customer Agreement itself (directSignedMicrosoftCustomerAgreementStatus) */
  directSignedMca?: boolean;
  /** the customer has an active Azure VM reservation (order + reservedInstance entitlement) */
  reservedVm?: boolean;
  city: string;
  state: string;
  postalCode: string;
}
interface PartnerTemplate {
  key: string;
  name: string;
  domainPrefix: string;
  customers: CustomerTemplate[];
}

const PARTNERS: PartnerTemplate[] = [
  {
    key: "contoso-partner",
    name: "Contoso Cloud Partner",
    domainPrefix: "contosopartner",
    customers: [
      {
        key: "fabrikam",
        reservedVm: true,
        companyName: "Fabrikam, Inc.",
        domainPrefix: "fabrikamtenant",
        customDomains: ["fabrikam.example"],
        city: "Redmond",
        state: "WA",
        postalCode: "98052",
      },
      {
        key: "wingtip",
        companyName: "Wingtip Toys",
        domainPrefix: "wingtiptoys",
        customDomains: [],
        city: "Seattle",
        state: "WA",
        postalCode: "98101",
      },
      {
        key: "tailspin",
        companyName: "Tailspin Toys",
        domainPrefix: "tailspintoys",
        customDomains: [],
        directSignedMca: true,
        city: "Portland",
        state: "OR",
        postalCode: "97201",
      },
    ],
  },
  {
    key: "northwind-partner",
    name: "Northwind Traders CSP",
    domainPrefix: "northwindpartner",
    customers: [
      {
        key: "adventureworks",
        reservedVm: true,
        companyName: "Adventure Works Cycles",
        domainPrefix: "adventureworkscycles",
        customDomains: [],
        city: "Bothell",
        state: "WA",
        postalCode: "98011",
      },
      {
        key: "litware",
        reservedVm: true,
        companyName: "Litware, Inc.",
        domainPrefix: "litwareinc",
        customDomains: ["litware.example"],
        city: "Austin",
        state: "TX",
        postalCode: "73301",
      },
    ],
  },
];

const SEED_TIME = "2026-01-05T09:00:00Z";
const etagOf = (name: string) =>
  String(BigInt.asIntN(64, BigInt(`0x${guidFrom(`etag/${name}`).replace(/-/g, "").slice(0, 16)}`)));

function seedUser(customerKey: string, domain: string, alias: string, first: string, last: string): UserRecord {
  return {
    id: guidFrom(`user/${customerKey}/${alias}`),
    userPrincipalName: `${alias}@${domain}`,
    firstName: first,
    lastName: last,
    displayName: `${first} ${last}`,
    usageLocation: "US",
    password: `Seed-${secretFrom(`password/${customerKey}/${alias}`, 12)}!1`,
    forceChangePassword: false,
    passwordChangedAt: SEED_TIME,
    userDomainType: "managed",
    state: "active",
    softDeletionTime: null,
    lastDirectorySyncTime: null,
    createdAt: SEED_TIME,
  };
}

const RESERVED_VM = { productId: "DZH318Z0BQ4B", skuId: "000Z", availabilityId: "DZH318Z0DSPL" };

/** A completed one-line order placed at seed time. */
function seedOrder(id: string, customerId: string, billingCycle: string, lineItem: OrderLineItemRecord): OrderRecord {
  return {
    id,
    referenceCustomerId: customerId,
    billingCycle,
    currencyCode: "USD",
    creationDate: SEED_TIME,
    status: "completed",
    transactionType: "UserPurchase",
    etagVersion: 1,
    lineItems: [lineItem],
  };
}

/** A three-year Azure VM reservation billed monthly: an order without a subscription, and its reservedInstance entitlement. */
function reservedInstanceOrder(key: string, customerId: string): OrderRecord {
  return seedOrder(guidFrom(`order/${key}/reserved-vm`), customerId, "monthly", {
    lineItemNumber: 0,
    offerId: `${RESERVED_VM.productId}:${RESERVED_VM.skuId}:${RESERVED_VM.availabilityId}`,
    friendlyName: "Reserved VM Instance, Standard_D2s_v3, US East, 3 Years",
    quantity: 1,
    termDuration: "P3Y",
  });
}

function reservedInstanceEntitlement(key: string, customerId: string): EntitlementRecord {
  const orderId = guidFrom(`order/${key}/reserved-vm`);
  return {
    referenceOrder: { id: orderId, lineItemId: "0" },
    productId: RESERVED_VM.productId,
    skuId: RESERVED_VM.skuId,
    quantity: 1,
    entitlementType: "reservedInstance",
    expiryDate: "2029-01-05T09:00:00Z",
    entitledArtifacts: [
      {
        artifactType: "reservedinstance",
        resourceId: guidFrom(`reservation/${key}`),
        link: {
          uri: `/customers/${customerId}/orders/${orderId}/lineitems/0/resources/reservedinstance`,
          method: "GET",
        },
        dynamicAttributes: { reservationType: "virtualmachines" },
      },
    ],
    includedEntitlements: [],
  };
}

function seedCustomer(partnerId: string, t: CustomerTemplate, withOrders: boolean): CustomerRecord {
  const id = guidFrom(`customer/${t.key}`);
  const domain = `${t.domainPrefix}.onmicrosoft.com`;
  const users = [
    seedUser(t.key, domain, "admin", "Ada", "Admin"),
    seedUser(t.key, domain, "helpdesk", "Henry", "Helpdesk"),
    seedUser(t.key, domain, "sales", "Sam", "Sales"),
  ];
  const roles: RoleRecord[] = STANDARD_ROLES.map((r) => ({ id: r.id, name: r.name, memberIds: [] }));
  roles.find((r) => r.id === GLOBAL_ADMIN)!.memberIds.push(users[0].id);
  roles.find((r) => r.id === USER_ADMIN)!.memberIds.push(users[1].id);

  const skus: SubscribedSkuRecord[] = SKU_TEMPLATES.map((s) => ({
    id: s.id,
    name: s.name,
    skuPartNumber: s.skuPartNumber,
    targetType: "User",
    licenseGroupId: s.group,
    activeUnits: s.units,
    warningUnits: 0,
    suspendedUnits: 0,
    servicePlans: s.plans.map(([planId, serviceName, displayName]) => ({
      id: planId,
      serviceName,
      displayName,
      targetType: "User" as const,
    })),
  }));
  const subscriptions: SubscriptionRecord[] = SKU_TEMPLATES.map((s) => ({
    id: guidFrom(`subscription/${t.key}/${s.skuPartNumber}`),
    offerId: s.offerId,
    entitlementId: guidFrom(`entitlement/${t.key}/${s.skuPartNumber}`),
    offerName: s.name,
    friendlyName: s.name,
    quantity: s.units,
    unitType: "Licenses",
    creationDate: SEED_TIME,
    effectiveStartDate: SEED_TIME,
    commitmentEndDate: "2027-01-04T00:00:00Z",
    status: "active",
    autoRenewEnabled: true,
    billingType: "license",
    billingCycle: s.billingCycle ?? "monthly",
    contractType: "subscription",
    orderId: guidFrom(`order/${t.key}/${s.skuPartNumber}`),
    termDuration: "P1Y",
    partnerId: partnerId,
    etagVersion: 1,
  }));
  return {
    id,
    commerceId: guidFrom(`commerce/${t.key}`),
    partnerId,
    companyProfile: {
      tenantId: id,
      domain,
      companyName: t.companyName,
      email: `admin@${domain}`,
      address: {
        country: "US",
        region: t.state,
        city: t.city,
        addressLine1: "1 Microsoft Way",
        postalCode: t.postalCode,
        phoneNumber: "4255550100",
      },
    },
    billingProfile: {
      id: guidFrom(`billing/${t.key}`),
      firstName: "Ada",
      lastName: "Admin",
      email: `billing@${domain}`,
      culture: "en-US",
      language: "en",
      companyName: t.companyName,
      etag: etagOf(`billing/${t.key}`),
      defaultAddress: {
        country: "US",
        city: t.city,
        state: t.state,
        addressLine1: "1 Microsoft Way",
        postalCode: t.postalCode,
        firstName: "Ada",
        lastName: "Admin",
        phoneNumber: "4255550100",
      },
    },
    relationshipToPartner: "reseller",
    allowDelegatedAccess: true,
    customDomains: [...t.customDomains],
    isSandbox: false,
    users,
    roles,
    skus,
    licenses: [{ userId: users[0].id, skuId: SKU_TEMPLATES[0].id, excludedPlans: [] }],
    subscriptions,
    orders: withOrders
      ? [
          ...subscriptions.map((s) =>
            seedOrder(s.orderId, id, s.billingCycle, {
              lineItemNumber: 0,
              offerId: s.offerId,
              subscriptionId: s.id,
              friendlyName: s.friendlyName,
              quantity: s.quantity,
              termDuration: "P1Y",
            }),
          ),
          ...(t.reservedVm ? [reservedInstanceOrder(t.key, id)] : []),
        ]
      : [],
    entitlements: [
      ...subscriptions.map((s, i) => ({
        referenceOrder: { id: s.orderId, lineItemId: "0" },
        productId: SKU_TEMPLATES[i].offerId.split(":")[0],
        skuId: SKU_TEMPLATES[i].offerId.split(":")[1],
        quantity: s.quantity,
        entitlementType: "software",
        expiryDate: s.commitmentEndDate,
        entitledArtifacts: [],
        includedEntitlements: [],
      })),
      ...(t.reservedVm ? [reservedInstanceEntitlement(t.key, id)] : []),
    ],
    domains: [
      {
        name: domain,
        authenticationType: "managed",
        capability: "email",
        isDefault: t.customDomains.length === 0,
        isInitial: true,
        status: "verified",
        verificationMethod: "none",
      },
      ...t.customDomains.map((d, i) => ({
        name: d,
        authenticationType: "managed" as const,
        capability: "email",
        isDefault: i === 0,
        isInitial: false,
        status: "verified" as const,
        verificationMethod: "dns_record" as const,
      })),
    ],
    agreements: [],
    qualifications: [],
    legacyQualification: "none",
    usageBudget: null,
    directSignedMca: t.directSignedMca ?? false,
  };
}

function seedPartner(t: PartnerTemplate, certificate: CertificatePair, withCustomers: boolean): PartnerRecord {
  const tenantId = guidFrom(`partner/${t.key}`);
  const apps: AppRegistration[] = [
    {
      clientId: guidFrom(`app/${t.key}/app-only`),
      clientSecret: secretFrom(`app-secret/${t.key}/app-only`),
      purpose: "app-only",
    },
    {
      clientId: guidFrom(`app/${t.key}/app-certificate`),
      certificatePem: certificate.certificatePem,
      privateKeyPem: certificate.privateKeyPem,
      thumbprintSha256: certificate.thumbprintSha256,
      purpose: "app-certificate",
    },
    {
      clientId: guidFrom(`app/${t.key}/app-user`),
      clientSecret: secretFrom(`app-secret/${t.key}/app-user`),
      purpose: "app-user",
    },
  ];
  return {
    tenantId,
    name: t.name,
    domains: [`${t.domainPrefix}.onmicrosoft.com`],
    apps,
    refreshTokens: [
      {
        token: `0.seed.${secretFrom(`refresh/${t.key}`, 64)}`,
        clientId: apps[2].clientId,
        userId: guidFrom(`partner-user/${t.key}/adminagent`),
        userPrincipalName: `adminagent@${t.domainPrefix}.onmicrosoft.com`,
        seeded: true,
        issuedAt: SEED_TIME,
      },
    ],
    customers: withCustomers ? t.customers.map((c) => seedCustomer(tenantId, c, true)) : [],
    validationCodes: [
      {
        validationId: String(100000 + (parseInt(guidFrom(`validation/${t.key}`).slice(0, 6), 16) % 900000)),
        organizationName: t.name,
        maxCreates: 5,
        remainingCreates: 5,
        etag: `W/"datetime'2026-01-05T09%3A00%3A00Z'"`,
      },
    ],
  };
}

/** Builds a fresh store. `certificates[i]` is the app certificate of partner i (generate once and reuse across resets). */
export function createSeedStore(options: {
  customers: boolean;
  certificates: CertificatePair[];
  tokenSigningKey: string;
}): StoreData {
  return {
    version: 1,
    partners: PARTNERS.map((p, i) =>
      seedGdap(seedPartner(p, options.certificates[i], options.customers), i, Date.now()),
    ),
    selfServePolicies: [],
    agreementMetadata: [
      {
        templateId: AGREEMENT_TEMPLATES.mca,
        agreementType: "MicrosoftCustomerAgreement",
        agreementLink: "https://aka.ms/customeragreement",
        versionRank: 0,
      },
      {
        templateId: AGREEMENT_TEMPLATES.mcloud,
        agreementType: "MicrosoftCloudAgreement",
        agreementLink: "https://learn.microsoft.com/partner-center/agreements",
        versionRank: 0,
      },
    ],
    tokenSigningKey: options.tokenSigningKey,
    clockOffsetMs: 0,
    settings: {},
  };
}

export const SEED_PARTNER_COUNT = PARTNERS.length;

/** SeedInfo (GET /_emulator/seed) as read from a store: the default credentials and what each partner owns. */
export function seedInfoOf(data: StoreData): SeedInfo {
  const partners = data.partners.map((p) => {
    const byPurpose = (purpose: AppRegistration["purpose"]) => p.apps.find((a) => a.purpose === purpose);
    const app = byPurpose("app-only");
    const cert = byPurpose("app-certificate");
    const userApp = byPurpose("app-user");
    const refresh = p.refreshTokens.find((r) => r.seeded && !r.revoked);
    return {
      tenantId: p.tenantId,
      name: p.name,
      domains: [...(p.domains ?? [])],
      app: { clientId: app?.clientId ?? "", clientSecret: app?.clientSecret ?? "" },
      appCertificate: {
        clientId: cert?.clientId ?? "",
        certificatePem: cert?.certificatePem ?? "",
        privateKeyPem: cert?.privateKeyPem ?? "",
        thumbprintSha256: cert?.thumbprintSha256 ?? "",
      },
      user: {
        clientId: userApp?.clientId ?? "",
        clientSecret: userApp?.clientSecret ?? "",
        refreshToken: refresh?.token ?? "",
        userId: refresh?.userId ?? "",
        userPrincipalName: refresh?.userPrincipalName ?? "",
      },
      customers: p.customers.map((c) => ({
        id: c.id,
        domain: c.companyProfile.domain,
        companyName: c.companyProfile.companyName,
        customDomains: [...c.customDomains],
        subscriptions: c.subscriptions.map((s) => ({ id: s.id, offerName: s.offerName, friendlyName: s.friendlyName })),
        skus: c.skus.map((s) => ({
          id: s.id,
          skuPartNumber: s.skuPartNumber,
          totalUnits: s.activeUnits + s.warningUnits,
          servicePlans: s.servicePlans.map((sp) => ({ id: sp.id, serviceName: sp.serviceName })),
        })),
        roles: c.roles.map((r) => ({ id: r.id, name: r.name })),
      })),
    };
  });
  return {
    defaultPartnerId: partners[0]?.tenantId ?? "",
    partners,
    validationCodes: data.partners.flatMap((p) =>
      p.validationCodes.map((v) => ({
        partnerId: p.tenantId,
        validationId: v.validationId,
        organizationName: v.organizationName,
      })),
    ),
    agreementTemplates: { ...AGREEMENT_TEMPLATES },
  };
}
