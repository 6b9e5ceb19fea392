// pulumi-partner-center — the package's public API (these names are a contract with users).
//
//   Resources (Pulumi dynamic resources, type pulumi-nodejs:dynamic/partnercenter:<ClassName>):
//     CustomerUser, UserRoleAssignment, UserLicenseAssignment, SelfServePolicy, SubscriptionNickname, VerifiedDomain,
//     Customer, CustomerBillingProfile, CustomerUsageBudget, CustomerQualification, CustomerAgreement
//   Lookups (plain async functions): listCustomers, getCustomer, findCustomers, listSubscriptions, getSubscription,
//     listOrders, listEntitlements, listAvailableLicenses, listUserLicenses, listDirectoryRoles, listUserRoles,
//     listUsers, listDeletedUsers, listSelfServePolicies, getRelationshipRequestUrl, getBillingProfile, getCompanyProfile,
//     getUsageBudget, getAgreementMetadata, listCustomerAgreements, getDirectSignStatus, getValidationCodes, getQualifications,
//     checkDomainAvailability
//   Configuration: stack config partnercenter:* (or PARTNERCENTER_* environment variables).

export { CustomerUser, type CustomerUserInputs } from "./resources/customer-user";
export { UserRoleAssignment, type UserRoleAssignmentInputs } from "./resources/user-role-assignment";
export { UserLicenseAssignment, type UserLicenseAssignmentInputs } from "./resources/user-license-assignment";
export { SelfServePolicy, type SelfServePolicyInputs } from "./resources/self-serve-policy";
export { SubscriptionNickname, type SubscriptionNicknameInputs } from "./resources/subscription-nickname";
export { VerifiedDomain, type VerifiedDomainInputs } from "./resources/verified-domain";
export { Customer, type CustomerInputs } from "./resources/customer";
export { CustomerBillingProfile, type CustomerBillingProfileInputs } from "./resources/customer-billing-profile";
export { CustomerUsageBudget, type CustomerUsageBudgetInputs } from "./resources/customer-usage-budget";
export { CustomerQualification, type CustomerQualificationInputs } from "./resources/customer-qualification";
export { CustomerAgreement, type CustomerAgreementInputs } from "./resources/customer-agreement";
export {
  DelegatedAdminRelationship,
  type DelegatedAdminRelationshipInputs,
} from "./resources/delegated-admin-relationship";
export {
  DelegatedAdminAccessAssignment,
  type DelegatedAdminAccessAssignmentInputs,
} from "./resources/delegated-admin-access-assignment";
export * from "./lookups";
export { CONFIG_KEYS, envName, type ConfigKey, type ProviderConfig } from "./config";
export { PartnerCenterClient, PartnerCenterError } from "./client";
export type {
  Customer as CustomerRecord,
  CustomerUser as CustomerUserRecord,
  DirectoryRole,
  Entitlement,
  License,
  Order,
  SelfServePolicy as SelfServePolicyRecord,
  SubscribedSku,
  Subscription,
} from "./client";
