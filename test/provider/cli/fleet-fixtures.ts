// Drift reports of a small fleet, built by the real report builder from engine events, written as the drift command
// writes them (one drift-report.json per stack folder, as downloaded artifacts are laid out).
import type { EngineEvent } from "@pulumi/pulumi/automation";
import { mkdirSync, writeFileSync } from "fs";
import { join } from "path";
import { buildDriftReport, type DriftReport } from "../../../provider/cli/report/drift-events";

export const PLANTED_SECRET = "Planted-S3cret-Value-42";
export const HOSTILE_NAME = `<img src=x onerror="alert(1)">`;
const SIG = "4dabf18193072939515e22adb298388d";

function urn(stack: string, type: string, name: string): string {
  return `urn:pulumi:${stack}::tenants::partnercenter:index:${type}::${name}`;
}

function same(stack: string, type: string, name: string, outputs: Record<string, unknown>): EngineEvent[] {
  const u = urn(stack, type, name);
  const state = { urn: u, inputs: outputs, outputs };
  return [
    { sequence: 0, timestamp: 0, resourcePreEvent: { metadata: { op: "refresh", urn: u, type, old: state } } },
    { sequence: 0, timestamp: 0, resOutputsEvent: { metadata: { op: "same", urn: u, type, old: state, new: state } } },
  ] as unknown as EngineEvent[];
}

function changed(
  stack: string,
  type: string,
  name: string,
  before: Record<string, unknown>,
  after: Record<string, unknown>,
): EngineEvent[] {
  const u = urn(stack, type, name);
  const old = { urn: u, inputs: before, outputs: before };
  const now = { urn: u, inputs: before, outputs: after };
  return [
    { sequence: 0, timestamp: 0, resourcePreEvent: { metadata: { op: "refresh", urn: u, type, old } } },
    { sequence: 0, timestamp: 0, resOutputsEvent: { metadata: { op: "update", urn: u, type, old, new: now } } },
  ] as unknown as EngineEvent[];
}

function unreadable(stack: string, type: string, name: string, message: string): EngineEvent[] {
  const u = urn(stack, type, name);
  const old = { urn: u, inputs: { customerId: "c-err" }, outputs: { customerId: "c-err" } };
  return [
    { sequence: 0, timestamp: 0, resourcePreEvent: { metadata: { op: "refresh", urn: u, type, old } } },
    { sequence: 0, timestamp: 0, diagnosticEvent: { urn: u, severity: "error", message, color: "never" } },
  ] as unknown as EngineEvent[];
}

/** `count` stacks (at least 4): one of each status first, then in-sync ones. */
export function fleetReports(
  count = 4,
  checkedAt = new Date("2026-12-01T03:17:00Z"),
  opts: { hostile?: boolean } = {},
): DriftReport[] {
  const hostile = opts.hostile ?? true;
  const soon = new Date(checkedAt.getTime() + 5 * 86_400_000).toISOString();
  const reports: DriftReport[] = [];
  const drift = "tenant-contoso.onmicrosoft.com";
  reports.push(
    buildDriftReport({
      stack: drift,
      checkedAt,
      events: [
        ...same(drift, "Customer", "contoso", { customerId: "c-1", domain: "contoso.onmicrosoft.com" }),
        ...changed(
          drift,
          "CustomerUser",
          hostile ? HOSTILE_NAME : "alice",
          {
            customerId: "c-1",
            displayName: "Alice",
            usageLocation: "US",
            password: { [SIG]: "1b47061264138c4ac30d75fd1eb44270", plaintext: JSON.stringify(PLANTED_SECRET) },
          },
          {
            customerId: "c-1",
            displayName: hostile ? `Alice ${HOSTILE_NAME}` : "Alice Smith",
            usageLocation: "GB",
            password: { [SIG]: "1b47061264138c4ac30d75fd1eb44270", plaintext: JSON.stringify("other") },
          },
        ),
      ],
    }),
  );
  const err = "tenant-fabrikam.onmicrosoft.com";
  reports.push(
    buildDriftReport({
      stack: err,
      checkedAt: new Date(checkedAt.getTime() + 60_000),
      events: [
        ...same(err, "Customer", "fabrikam", { customerId: "c-err" }),
        ...unreadable(err, "CustomerUser", "bob", `403 Forbidden: client_secret=${PLANTED_SECRET} rejected`),
      ],
    }),
  );
  const gdap = "tenant-adatum.onmicrosoft.com";
  reports.push(
    buildDriftReport({
      stack: gdap,
      checkedAt,
      events: same(gdap, "DelegatedAdminRelationship", "helpdesk", {
        customerId: "c-3",
        displayName: "Helpdesk",
        status: "active",
        autoExtend: false,
        endDateTime: soon,
      }),
    }),
  );
  for (let i = 3; i < count; i++) {
    const stack = `tenant-customer${String(i).padStart(3, "0")}.onmicrosoft.com`;
    reports.push(
      buildDriftReport({
        stack,
        checkedAt,
        events: same(stack, "Customer", `customer${i}`, { customerId: `c-${i}` }),
      }),
    );
  }
  return reports;
}

/** Writes each report as `<dir>/partner-center-drift-<stack>/drift-report.json`. */
export function writeFleet(dir: string, reports: DriftReport[]): void {
  for (const r of reports) {
    const sub = join(dir, `partner-center-drift-${r.stack}`);
    mkdirSync(sub, { recursive: true });
    writeFileSync(join(sub, "drift-report.json"), `${JSON.stringify(r, null, 2)}\n`);
  }
}
