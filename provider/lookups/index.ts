// Read-only lookups (plain async functions) for programs, the CLI and scripts.
export { lookupClient, type LookupConfig, type LookupOptions } from "./client";
export {
  findCustomers,
  getCustomer,
  getRelationshipRequestUrl,
  listCustomers,
  type FindCustomersOptions,
} from "./customers";
export { getSubscription, listEntitlements, listOrders, listSubscriptions } from "./subscriptions";
export {
  getSelfServePolicy,
  listAvailableLicenses,
  listDeletedUsers,
  listDirectoryRoles,
  listSelfServePolicies,
  listUserLicenses,
  listUserRoles,
  listUsers,
} from "./directory";
export {
  checkDomainAvailability,
  getAgreementMetadata,
  getBillingProfile,
  getCompanyProfile,
  getDirectSignStatus,
  getQualifications,
  getUsageBudget,
  getValidationCodes,
  listCustomerAgreements,
  type AgreementTypeOptions,
} from "./account";
