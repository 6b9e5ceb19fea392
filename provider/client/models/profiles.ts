// The billing and company profiles read and written on their own routes.
// https://learn.microsoft.com/partner-center/developer/get-a-customer-s-billing-profile
export {
  BillingProfileSchema,
  CompanyProfileSchema,
  AddressSchema,
  type BillingProfile,
  type CompanyProfile,
  type Address,
} from "./customers";
