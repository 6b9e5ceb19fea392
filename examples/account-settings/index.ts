// Account settings: one customer's billing profile (company name, billing contact, address) and its usage spending budget.
// Outside this repository, import from "pulumi-partner-center" instead of "../../provider".
import * as pulumi from "@pulumi/pulumi";
import { CustomerBillingProfile, CustomerUsageBudget } from "../../provider";

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
