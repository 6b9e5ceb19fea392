// GDAP relationships about to expire, for the drift report: active relationships that are not auto-extended and
// whose end date falls within N days (default 30, the first of Partner Center's 30/7/1-day notices). They are
// warnings, apart from drift and errors, and do not change the exit code.
// Choice: the end date and status are the ones just read by the refresh (else the stored ones), compared with
// Graph's clock and rounded to whole days; a relationship already past its end is drift (it reads as gone).
// Graph's clock is this machine's moved by the skew the provider warned of during the refresh (the `Date` headers
// of Graph's answers, client/graph/serverClock.ts; the last warning wins), else this machine's.
import type { EngineEvent } from "@pulumi/pulumi/automation";
import { clockSkewIn, skewMs } from "../../client/graph/serverClock";
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

/** `machineNow` moved by the last Graph clock skew the provider reported in the events. */
export function graphNow(events: EngineEvent[], machineNow: Date): Date {
  let skew = 0;
  for (const e of events) {
    const found = e.diagnosticEvent ? clockSkewIn(e.diagnosticEvent.message) : undefined;
    if (found) skew = skewMs(found);
  }
  return new Date(machineNow.getTime() + skew);
}

export function expiringRelationships(events: EngineEvent[], withinDays: number, machineNow: Date): ExpiryWarning[] {
  const warnings: ExpiryWarning[] = [];
  const now = graphNow(events, machineNow);
  for (const e of events) {
    const done = e.resOutputsEvent?.metadata;
    if (!done || !isUserResource(done.urn) || parseUrn(done.urn).type !== "DelegatedAdminRelationship") continue;
    const state = ((done.new ?? done.old) as { outputs?: Bag } | undefined)?.outputs;
    if (!state || state.status !== "active" || state.autoExtend === true || typeof state.endDateTime !== "string")
      continue;
    const left = (Date.parse(state.endDateTime) - now.getTime()) / DAY_MS;
    if (!(left >= 0 && left <= withinDays)) continue;
    const daysLeft = Math.round(left);
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
