// Account settings: one customer's billing profile (company name, billing contact, address) and its usage spending budget;
// with newCustomerDomain set, also a new customer tenant whose generated admin credentials are secret stack outputs.
// In the repository, "pulumi-partner-center" resolves to the checkout (npm run build links it); elsewhere, npm install.
import * as pulumi from "@pulumi/pulumi";
import { Customer, CustomerBillingProfile, CustomerUsageBudget } from "pulumi-partner-center";

const config = new pulumi.Config();
const customerId = config.require("customerId");
const budget = config.require("budget");

const profile = new CustomerBillingProfile("billing-profile", {
  customerId,
  companyName: config.require("companyName"),
  email: config.require("billingEmail"),
  culture: "en-US",
  language: "en",
  defaultAddress: { country: "US", city: "Redmond", addressLine1: "1 Microsoft Way", postalCode: "98052", state: "WA" },
});

const usageBudget = new CustomerUsageBudget("usage-budget", {
  customerId,
  amount: budget === "none" ? "none" : Number(budget),
});

export const billingProfileId = profile.billingProfileId;
export const hasBudget = usageBudget.hasBudget;

const newCustomerDomain = config.get("newCustomerDomain");
const newCustomer = newCustomerDomain
  ? new Customer("new-customer", {
      domain: newCustomerDomain,
      companyName: "Fabrikam New Ltd",
      email: "billing@fabrikam.example",
      defaultAddress: { country: "US", city: "Seattle", addressLine1: "1 Pine St", postalCode: "98101", state: "WA" },
      // deletionPolicy: "delete" would delete it on destroy (integration sandbox only); the default keeps it.
    })
  : undefined;

export const newCustomerId = newCustomer?.customerId;
export const newCustomerAdmin = newCustomer?.adminUserName; // secret
export const newCustomerAdminPassword = newCustomer?.adminPassword; // secret
