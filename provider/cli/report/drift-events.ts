// The drift report, built from the engine events of a refresh preview (`pulumi refresh --preview-only`):
// resources whose properties changed outside Pulumi, resources that are gone, and resources that could not be
// read (errors: a 403 or 500 on read is never drift). Exit code: 0 no drift, 2 drift, 1 any error.
// Choice: an error wins over drift in the exit code (1), because the report cannot promise the unread objects
// are in sync; the report still lists the drift found elsewhere.
// Choice: "changed" rows compare the stored outputs with the outputs just read (what Partner Center says now).
import type { EngineEvent } from "@pulumi/pulumi/automation";
import { propertyChanges, withoutCustomerId, type PropertyChange } from "./property-changes";
import { compareRefs, isUserResource, parseUrn, resourceRef, type ResourceRef } from "./resources";
import { scrubText, type Bag } from "./values";
import { DEFAULT_EXPIRING_DAYS, expiringRelationships, type ExpiryWarning } from "./gdap-expiry";

export type DriftKind = "changed" | "removed";
export type DriftResult = "no-drift" | "drift" | "error";

export const EXIT_NO_DRIFT = 0;
export const EXIT_ERROR = 1;
export const EXIT_DRIFT = 2;

export interface DriftItem {
  ref: ResourceRef;
  kind: DriftKind;
  changes: PropertyChange[];
  uncomparedSecrets: string[];
}

export interface DriftError {
  ref?: ResourceRef;
  message: string;
}

export interface DriftReport {
  stack: string;
  project?: string;
  checkedAt: string;
  result: DriftResult;
  exitCode: number;
  counts: { resources: number; inSync: number; changed: number; removed: number; unreadable: number; errors: number };
  drift: DriftItem[];
  errors: DriftError[];
  /** GDAP relationships expiring soon without auto-extend (not drift; no effect on the exit code) */
  warnings: ExpiryWarning[];
}

interface StepState {
  urn?: string;
  inputs?: Bag;
  outputs?: Bag;
}

export function buildDriftReport(input: {
  stack: string;
  events: EngineEvent[];
  failure?: string;
  checkedAt?: Date;
  /** warn about GDAP relationships ending within this many days (default 30) */
  expiringWithinDays?: number;
}): DriftReport {
  const started = new Map<string, StepState | undefined>();
  const drift: DriftItem[] = [];
  const errorsByUrn = new Map<string, string[]>();
  const generalErrors: string[] = [];
  let project: string | undefined;
  let inSync = 0;
  for (const e of input.events) {
    const pre = e.resourcePreEvent?.metadata;
    if (pre && isUserResource(pre.urn)) {
      project ??= parseUrn(pre.urn).project;
      started.set(pre.urn, pre.old ?? undefined);
    }
    const done = e.resOutputsEvent?.metadata;
    if (done && isUserResource(done.urn)) {
      const old = (done.old ?? undefined) as StepState | undefined;
      const now = (done.new ?? undefined) as StepState | undefined;
      started.delete(done.urn);
      if (done.op === "same") inSync++;
      else if (done.op === "delete") {
        const { changes, uncomparedSecrets } = propertyChanges(old?.inputs, undefined, {
          allBags: [old?.inputs, old?.outputs],
        });
        const ref = resourceRef(done.urn, old?.inputs, old?.outputs);
        drift.push({
          ref,
          kind: "removed",
          changes: ref.customerId ? withoutCustomerId(changes) : changes,
          uncomparedSecrets,
        });
      } else {
        const { changes, uncomparedSecrets } = propertyChanges(old?.outputs, now?.outputs, {
          allBags: [old?.inputs, old?.outputs, now?.inputs, now?.outputs],
        });
        drift.push({
          ref: resourceRef(done.urn, old?.inputs, old?.outputs),
          kind: "changed",
          changes,
          uncomparedSecrets,
        });
      }
    }
    const diag = e.diagnosticEvent;
    if (diag && diag.severity === "error") {
      const message = scrubText(diag.message.replace(/^Preview failed: /, "").trim());
      if (diag.urn && isUserResource(diag.urn))
        errorsByUrn.set(diag.urn, [...(errorsByUrn.get(diag.urn) ?? []), message]);
      else if (message && !/^preview failed$/i.test(message)) generalErrors.push(message);
    }
  }
  const errors: DriftError[] = [];
  const states = new Map(started);
  for (const [urn, messages] of errorsByUrn) {
    errors.push({
      ref: resourceRef(urn, states.get(urn)?.inputs, states.get(urn)?.outputs),
      message: messages.join("\n"),
    });
    started.delete(urn);
  }
  for (const [urn, old] of started) {
    errors.push({
      ref: resourceRef(urn, old?.inputs, old?.outputs),
      message: "not read: the refresh stopped before this resource was read",
    });
  }
  for (const message of generalErrors) errors.push({ message });
  if (input.failure && errors.length === 0) errors.push({ message: scrubText(input.failure) });
  drift.sort((a, b) => compareRefs(a.ref, b.ref));
  errors.sort((a, b) => (a.ref && b.ref ? compareRefs(a.ref, b.ref) : a.ref ? -1 : b.ref ? 1 : 0));
  const result: DriftResult = errors.length > 0 ? "error" : drift.length > 0 ? "drift" : "no-drift";
  const changed = drift.filter((d) => d.kind === "changed").length;
  const unreadable = errors.filter((e) => e.ref).length;
  return {
    stack: input.stack,
    project,
    checkedAt: (input.checkedAt ?? new Date()).toISOString(),
    result,
    exitCode: result === "error" ? EXIT_ERROR : result === "drift" ? EXIT_DRIFT : EXIT_NO_DRIFT,
    counts: {
      resources: inSync + drift.length + unreadable,
      inSync,
      changed,
      removed: drift.length - changed,
      unreadable,
      errors: errors.length,
    },
    drift,
    errors,
    warnings: expiringRelationships(
      input.events,
      input.expiringWithinDays ?? DEFAULT_EXPIRING_DAYS,
      input.checkedAt ?? new Date(),
    ),
  };
}

/** The engine's own error lines from an Automation API failure, without the CLI command line. */
export function failureSummary(e: unknown): string {
  const text = e instanceof Error ? e.message : String(e);
  const lines = text
    .split("\n")
    .map((l) => l.trim())
    .filter(
      (l) =>
        /error|failed|not found|no stack/i.test(l) &&
        !/^(err\?: )?Error: Command failed with exit code|^stderr: Command failed|^code: /.test(l),
    );
  return [...new Set(lines)].slice(0, 6).join("\n") || text.split("\n").slice(0, 3).join(" ").slice(0, 400);
}
