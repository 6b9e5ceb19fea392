// The time-driven side of GDAP, settled on every Graph or admin call from the emulator's domain clock
// (POST /_emulator/clock moves it): activation after approval, expiry or auto-extension, termination, the 90-day
// approval window, the one-year cleanup, assignment pending/deleting and running operations.
// Emulator choice: approved relationships read `activating` until the approval's activation delay (default 0) has
// passed, then `active` with activatedDateTime = that moment and endDateTime = activatedDateTime + duration;
// endDateTime is null before activation.
// Emulator choice: at endDateTime a `P180D` relationship stays `active` and its end moves 180 days on (as often as
// needed); otherwise it reads `expiring` for one hour and then `expired`, and its access assignments read `deleted`.
// Emulator choice: a terminate request reads `terminationRequested` and becomes `terminated` after the termination
// delay (default 0); endDateTime becomes the termination time and the assignments read `deleted`.
// Emulator choice: `approvalPending` for 90 days, or `expired`/`terminated` for a year, removes the relationship
// (GET 404), as the Partner Center cleanup does; `deleted` assignments stay listed for one day.
import { addDays, AUTO_EXTEND_DAYS, DAY_MS, durationDays } from "./durations";
import { touch } from "./odata";
import type { GdapRelationshipRecord, PartnerGdapRecord } from "./records";

const HOUR_MS = 3_600_000;

function endAssignments(rel: GdapRelationshipRecord, at: string): void {
  for (const a of rel.accessAssignments) {
    if (a.status !== "deleted") {
      a.status = "deleted";
      a.transitionAt = at;
      touch(a, at);
    }
  }
}

/** Applies every transition due at `now`; returns true when anything changed (the store must be saved). */
export function settle(gdap: PartnerGdapRecord, now: Date): boolean {
  const nowMs = now.getTime();
  let changed = false;
  const keep: GdapRelationshipRecord[] = [];
  for (const rel of gdap.relationships) {
    if (rel.status === "approvalPending" && rel.lockedAt && Date.parse(rel.lockedAt) + 90 * DAY_MS <= nowMs) {
      changed = true;
      continue;
    }
    if ((rel.status === "approved" || rel.status === "activating") && rel.activateAt) {
      if (Date.parse(rel.activateAt) <= nowMs) {
        rel.status = "active";
        rel.activatedDateTime = rel.activateAt;
        rel.endDateTime = addDays(rel.activateAt, durationDays(rel.duration) ?? 0);
        touch(rel, rel.activateAt);
        changed = true;
      } else if (rel.status === "approved") {
        rel.status = "activating";
        changed = true;
      }
    }
    if (rel.status === "active" && rel.endDateTime && Date.parse(rel.endDateTime) <= nowMs) {
      if (rel.autoExtendDuration === "P180D") {
        while (Date.parse(rel.endDateTime) <= nowMs) rel.endDateTime = addDays(rel.endDateTime, AUTO_EXTEND_DAYS);
        touch(rel, now.toISOString());
      } else {
        rel.status = "expiring";
        touch(rel, rel.endDateTime);
      }
      changed = true;
    }
    if (rel.status === "expiring" && rel.endDateTime && Date.parse(rel.endDateTime) + HOUR_MS <= nowMs) {
      rel.status = "expired";
      touch(rel, new Date(Date.parse(rel.endDateTime) + HOUR_MS).toISOString());
      endAssignments(rel, rel.lastModifiedDateTime);
      changed = true;
    }
    if ((rel.status === "terminationRequested" || rel.status === "terminating") && rel.terminateAt) {
      if (Date.parse(rel.terminateAt) <= nowMs) {
        rel.status = "terminated";
        rel.endDateTime = rel.terminateAt;
        touch(rel, rel.terminateAt);
        endAssignments(rel, rel.terminateAt);
      } else rel.status = "terminating";
      changed = true;
    }
    if (
      (rel.status === "expired" || rel.status === "terminated") &&
      Date.parse(rel.lastModifiedDateTime) + 365 * DAY_MS <= nowMs
    ) {
      changed = true;
      continue;
    }
    for (const a of rel.accessAssignments) {
      if (a.transitionAt && Date.parse(a.transitionAt) <= nowMs) {
        if (a.status === "pending") a.status = "active";
        else if (a.status === "deleting") a.status = "deleted";
        else continue;
        touch(a, a.transitionAt);
        changed = true;
      }
    }
    const before = rel.accessAssignments.length;
    rel.accessAssignments = rel.accessAssignments.filter(
      (a) => !(a.status === "deleted" && a.transitionAt && Date.parse(a.transitionAt) + DAY_MS <= nowMs),
    );
    if (rel.accessAssignments.length !== before) changed = true;
    for (const op of rel.operations) {
      if (op.status !== "succeeded" && op.status !== "failed" && Date.parse(op.doneAt) <= nowMs) {
        op.status = "succeeded";
        touch(op, op.doneAt);
        changed = true;
      }
    }
    keep.push(rel);
  }
  if (keep.length !== gdap.relationships.length) gdap.relationships = keep;
  return changed;
}
