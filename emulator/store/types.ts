// The emulator's own records. They follow the documented wire shapes (camelCase) but are defined here,
// independently of the client's models, so that a wrong client model can never be echoed back.
import type { PartnerGdapRecord } from "../graph/records";

export interface AddressRecord {
  country?: string;
  region?: string;
  city?: string;
  state?: string;
  addressLine1?: string;
  addressLine2?: string;
  postalCode?: string;
  firstName?: string;
  middleName?: string;
  lastName?: string;
  phoneNumber?: string;
}

export interface BillingProfileRecord {
  id: string;
  firstName?: string;
  lastName?: string;
  email: string;
  culture: string;
  language: string;
  companyName: string;
  defaultAddress: AddressRecord;
  etag: string;
}

export interface CompanyProfileRecord {
  tenantId: string;
  domain: string;
  companyName: string;
  address?: AddressRecord;
  email?: string;
  organizationRegistrationNumber?: string;
}

export interface UserRecord {
  id: string;
  userPrincipalName: string;
  firstName?: string;
  lastName?: string;
  displayName: string;
  usageLocation?: string;
  immutableId?: string;
  phoneNumber?: string;
  /** Stored only to check resets; never returned by GET/list and masked in /_emulator/state. */
  password: string;
  forceChangePassword: boolean;
  passwordChangedAt: string;
  userDomainType: "none" | "managed" | "federated";
  state: "active" | "inactive";
  softDeletionTime: string | null;
  lastDirectorySyncTime: string | null;
  createdAt: string;
  /** eventual consistency: number of reads for which the user is still invisible */
  invisibleReads?: number;
}

export interface RoleRecord {
  id: string;
  name: string;
  memberIds: string[];
}

export interface ServicePlanRecord {
  id: string;
  displayName: string;
  serviceName: string;
  targetType: "User" | "Tenant";
}

export interface SubscribedSkuRecord {
  id: string;
  name: string;
  skuPartNumber: string;
  targetType: "User" | "Tenant";
  licenseGroupId: "group1" | "group2";
  activeUnits: number;
  warningUnits: number;
  suspendedUnits: number;
  servicePlans: ServicePlanRecord[];
}

/** One SKU assigned to one user; consumedUnits of a SKU = count of these. */
export interface LicenseAssignmentRecord {
  userId: string;
  skuId: string;
  excludedPlans: string[];
}

export interface SubscriptionRecord {
  id: string;
  offerId: string;
  entitlementId: string;
  offerName: string;
  friendlyName: string;
  quantity: number;
  unitType: string;
  parentSubscriptionId?: string;
  creationDate: string;
  effectiveStartDate: string;
  commitmentEndDate: string;
  status: string;
  autoRenewEnabled: boolean;
  billingType: string;
  billingCycle: string;
  contractType: string;
  orderId: string;
  termDuration: string;
  partnerId?: string;
  etagVersion: number;
}

export interface OrderLineItemRecord {
  lineItemNumber: number;
  offerId: string;
  subscriptionId?: string;
  friendlyName: string;
  quantity: number;
  termDuration?: string;
}
export interface OrderRecord {
  id: string;
  referenceCustomerId: string;
  billingCycle: string;
  currencyCode: string;
  creationDate: string;
  status: string;
  transactionType?: string;
  lineItems: OrderLineItemRecord[];
  etagVersion: number;
}

export interface EntitlementRecord {
  referenceOrder: { id: string; lineItemId: string; alternateId?: string };
  productId: string;
  skuId: string;
  quantity: number;
  entitlementType: string;
  expiryDate?: string;
  entitledArtifacts: Array<{
    artifactType: string;
    link?: unknown;
    resourceId?: string;
    dynamicAttributes?: Record<string, unknown>;
  }>;
  includedEntitlements: EntitlementRecord[];
}

export interface DomainRecord {
  name: string;
  authenticationType: "managed" | "federated";
  capability: string;
  isDefault: boolean;
  isInitial: boolean;
  rootDomain?: string;
  status: "unverified" | "verified" | "pending_deletion";
  verificationMethod: "none" | "dns_record" | "email";
  federationSettings?: Record<string, unknown>;
}

export interface AgreementRecord {
  primaryContact: { firstName: string; lastName: string; email: string; phoneNumber?: string };
  templateId: string;
  dateAgreed: string;
  type: string;
  agreementLink: string;
  userId?: string;
}

export interface QualificationRecord {
  qualification: string;
  vettingStatus?: string;
  vettingReason?: string;
  vettingCreateDate?: string;
  educationSegment?: string;
  website?: string;
  validationCode?: string;
}

export interface CustomerRecord {
  id: string;
  commerceId: string;
  partnerId: string;
  companyProfile: CompanyProfileRecord;
  billingProfile: BillingProfileRecord;
  relationshipToPartner: string;
  allowDelegatedAccess: boolean;
  customDomains: string[];
  associatedPartnerId?: string;
  enableGDAPByDefault?: boolean;
  isSandbox: boolean;
  users: UserRecord[];
  roles: RoleRecord[];
  skus: SubscribedSkuRecord[];
  licenses: LicenseAssignmentRecord[];
  subscriptions: SubscriptionRecord[];
  orders: OrderRecord[];
  entitlements: EntitlementRecord[];
  domains: DomainRecord[];
  agreements: AgreementRecord[];
  qualifications: QualificationRecord[];
  legacyQualification: string;
  usageBudget: number | null;
  directSignedMca: boolean;
}

export interface SelfServePolicyRecord {
  id: string;
  entityType: string;
  entityTenantId: string;
  grantorType: string;
  grantorTenantId: string;
  permissions: Array<{ resource: string; action: string }>;
  etag: string;
}

export interface AppRegistration {
  clientId: string;
  /** secret for client_credentials / refresh_token grants; masked in /_emulator/state */
  clientSecret?: string;
  /** PEM certificate whose key signs client assertions */
  certificatePem?: string;
  thumbprintSha256?: string;
  /** private key of certificatePem, kept only for the seeded app so SeedInfo can hand it out; masked in /_emulator/state */
  privateKeyPem?: string;
  /** which seeded credential this is (SeedInfo app / appCertificate / user) */
  purpose?: "app-only" | "app-certificate" | "app-user";
}

export interface RefreshTokenRecord {
  token: string;
  clientId: string;
  userId: string;
  userPrincipalName: string;
  revoked?: boolean;
  /** the seeded token (kept forever; issued ones are pruned oldest-first) */
  seeded?: boolean;
  issuedAt?: string;
}

export interface ValidationCodeRecord {
  validationId: string;
  organizationName: string;
  maxCreates: number;
  remainingCreates: number;
  etag: string;
}

export interface PartnerRecord {
  tenantId: string;
  name: string;
  /** the partner tenant's verified domain names (e.g. contosopartner.onmicrosoft.com); absent in older state files */
  domains?: string[];
  apps: AppRegistration[];
  refreshTokens: RefreshTokenRecord[];
  customers: CustomerRecord[];
  validationCodes: ValidationCodeRecord[];
  /** Microsoft Graph GDAP: security groups, relationships and their assignments (emulator/graph/) */
  gdap?: PartnerGdapRecord;
}

export interface AgreementMetadataRecord {
  templateId: string;
  agreementType: string;
  agreementLink: string;
  versionRank: number;
}

export interface StoreData {
  version: 1;
  partners: PartnerRecord[];
  selfServePolicies: SelfServePolicyRecord[];
  agreementMetadata: AgreementMetadataRecord[];
  /** secret used to sign access tokens (HS256); masked in /_emulator/state */
  tokenSigningKey: string;
  /** ms added to the real clock (POST /_emulator/clock) */
  clockOffsetMs: number;
  /** runtime knobs set by POST /_emulator/config (or startEmulator options) */
  settings?: { eventualConsistencyReads?: number; rateLimitPerMinute?: number };
}
