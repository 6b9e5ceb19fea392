// GDAP relationships about to expire, for the drift report: active relationships that are not auto-extended and
// whose end date falls within N days (default 30, the first of Partner Center's 30/7/1-day notices). They are
// warnings, apart from drift and errors, and do not change the exit code.
// Choice: the end date and status are the ones just read by the refresh (else the stored ones); a relationship
// already past its end is drift (it reads as gone), not a warning.
import type { EngineEvent } from "@pulumi/pulumi/automation";
import { isUserResource, parseUrn, resourceRef, type ResourceRef } from "./resources";
import type { Bag } from "./values";

export const DEFAULT_EXPIRING_DAYS = 30;
const DAY_MS = 86_400_000;

export interface ExpiryWarning {
  ref: ResourceRef;
  displayName: string;
  endDateTime: string;
  daysLeft: number;
  message: string;
}

export function expiringRelationships(events: EngineEvent[], withinDays: number, now: Date): ExpiryWarning[] {
  const warnings: ExpiryWarning[] = [];
  for (const e of events) {
    const done = e.resOutputsEvent?.metadata;
    if (!done || !isUserResource(done.urn) || parseUrn(done.urn).type !== "DelegatedAdminRelationship") continue;
    const state = ((done.new ?? done.old) as { outputs?: Bag } | undefined)?.outputs;
    if (!state || state.status !== "active" || state.autoExtend === true || typeof state.endDateTime !== "string")
      continue;
    const left = (Date.parse(state.endDateTime) - now.getTime()) / DAY_MS;
    if (!(left >= 0 && left <= withinDays)) continue;
    const daysLeft = Math.floor(left);
    const ref = resourceRef(done.urn, state);
    const displayName = typeof state.displayName === "string" ? state.displayName : ref.name;
    warnings.push({
      ref,
      displayName,
      endDateTime: state.endDateTime,
      daysLeft,
      message: `GDAP relationship "${displayName}" expires in ${daysLeft} day${daysLeft === 1 ? "" : "s"} (${state.endDateTime}) and is not auto-extended: set autoExtend: true (not possible with Global Administrator) or declare a new relationship for the customer to approve.`,
    });
  }
  return warnings.sort((a, b) => a.daysLeft - b.daysLeft);
}
