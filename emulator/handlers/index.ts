// The single list of every Partner Center API route the emulator serves; one module per API area.
import type { Route } from "../http/types";
import { agreementRoutes } from "./agreements";
import { budgetRoutes } from "./budget";
import { customerRoutes } from "./customers";
import { domainRoutes } from "./domains";
import { entitlementRoutes } from "./entitlements";
import { licenseRoutes } from "./licenses";
import { orderRoutes } from "./orders";
import { profileRoutes } from "./profiles";
import { qualificationRoutes } from "./qualifications";
import { roleRoutes } from "./roles";
import { selfServePolicyRoutes } from "./selfServePolicies";
import { subscriptionRoutes } from "./subscriptions";
import { userRoutes } from "./users";
import { validationRoutes } from "./validations";

export const routes: Route[] = [
  ...customerRoutes,
  ...orderRoutes,
  ...entitlementRoutes,
  ...subscriptionRoutes,
  ...profileRoutes,
  ...budgetRoutes,
  ...domainRoutes,
  ...agreementRoutes,
  ...validationRoutes,
  ...qualificationRoutes,
  ...userRoutes,
  ...roleRoutes,
  ...licenseRoutes,
  ...selfServePolicyRoutes,
];
