// Which customer-account features each Partner Center cloud offers (docs "Applies to" lines, reference §1.11),
// and the check() rule that refuses a resource in a cloud without the feature, naming the cloud.
// Choice: the cloud is the configured partnercenter:cloud that the runtime hands to check(), else
// PARTNERCENTER_CLOUD, else "global".
// Choice: billing/company profiles, qualifications, validation codes, domain availability and customer creation have
// no documented cloud limit, so they are allowed everywhere.

import type { CloudName } from "../../client";
import { envName } from "../../config";
import type { CheckContext, CrossFieldRule } from "./check";

export type AccountFeature = "agreements" | "usageBudget";

export const CLOUD_LABELS: Readonly<Record<CloudName, string>> = {
  global: "global (public) cloud",
  usgov: "US Government cloud (usgov)",
  china: "21Vianet cloud (china)",
};

const AVAILABILITY: Readonly<Record<AccountFeature, { clouds: readonly CloudName[]; what: string }>> = {
  agreements: {
    clouds: ["global"],
    what: "Microsoft Customer Agreement metadata, confirmation and direct-sign status",
  },
  usageBudget: { clouds: ["global", "usgov"], what: "the customer usage spending budget" },
};

const isCloud = (v: unknown): v is CloudName => v === "global" || v === "usgov" || v === "china";

/** The cloud the provider is configured for. */
export function configuredCloud(ctx: CheckContext = {}, env: NodeJS.ProcessEnv = process.env): CloudName {
  if (isCloud(ctx.cloud)) return ctx.cloud;
  const fromEnv = env[envName("cloud")]?.trim().toLowerCase();
  return isCloud(fromEnv) ? fromEnv : "global";
}

/** Why `feature` cannot be used in `cloud`, or undefined when it can. */
export function unavailableReason(feature: AccountFeature, cloud: CloudName): string | undefined {
  const { clouds, what } = AVAILABILITY[feature];
  if (clouds.includes(cloud)) return undefined;
  return `Partner Center does not offer ${what} in the ${CLOUD_LABELS[cloud]}; it exists only in the ${clouds.map((c) => CLOUD_LABELS[c]).join(" and ")}.`;
}

/** check() rule: the resource cannot exist in the configured cloud. Reported on `property`. */
export function cloudRule(feature: AccountFeature, resource: string, property: string): CrossFieldRule {
  return (_inputs, ctx) => {
    const cloud = configuredCloud(ctx);
    const reason = unavailableReason(feature, cloud);
    if (!reason) return [];
    return [
      {
        property,
        reason: `${resource} cannot be used here: ${reason} Fix: remove this ${resource} from stacks whose partnercenter:cloud is ${cloud}, or use a stack configured for the ${AVAILABILITY[feature].clouds.join(" or ")} cloud.`,
      },
    ];
  };
}
