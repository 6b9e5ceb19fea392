// The drift report's GDAP warnings: active relationships ending within N days (default 30) without auto-extend,
// listed apart from drift, without changing the exit code.
import assert from "node:assert/strict";
import type { EngineEvent } from "@pulumi/pulumi/automation";
import { buildDriftReport } from "../../../../provider/cli/report/drift-events";
import { renderDriftMarkdown } from "../../../../provider/cli/report/drift-markdown";
import { expiringRelationships } from "../../../../provider/cli/report/gdap-expiry";
import { clockSkewMessage } from "../../../../provider/client/graph/serverClock";

const CUSTOMER = "2ce0d80d-21a0-45ab-ad0b-a96bd10857c3";
const NOW = new Date("2026-12-01T12:00:00Z");
const inDays = (d: number) => new Date(NOW.getTime() + d * 86_400_000).toISOString();

function relationship(name: string, outputs: Record<string, unknown>): EngineEvent {
  const urn = `urn:pulumi:nightly::tenants::pulumi-nodejs:dynamic/partnercenter:DelegatedAdminRelationship::${name}`;
  const state = {
    type: "pulumi-nodejs:dynamic/partnercenter:DelegatedAdminRelationship",
    urn,
    id: `${name}-id`,
    inputs: { customerId: CUSTOMER, displayName: name },
    outputs: { customerId: CUSTOMER, displayName: name, status: "active", autoExtend: false, ...outputs },
  };
  return {
    sequence: 0,
    timestamp: 0,
    resOutputsEvent: { metadata: { op: "same", urn, type: state.type, old: state, new: state, provider: "" } },
  } as unknown as EngineEvent;
}

describe("cli/report/gdap-expiry: relationships about to expire", () => {
  const events = [
    relationship("in-10-days", { endDateTime: inDays(10.2) }),
    relationship("in-40-days", { endDateTime: inDays(40) }),
    relationship("auto-extended", { endDateTime: inDays(3), autoExtend: true }),
    relationship("pending", { status: "approvalPending" }),
    relationship("tomorrow", { endDateTime: inDays(1.2) }),
  ];

  it("lists active, not auto-extended relationships ending within 30 days, soonest first", () => {
    const warnings = expiringRelationships(events, 30, NOW);
    assert.deepEqual(
      warnings.map((w) => [w.ref.name, w.daysLeft]),
      [
        ["tomorrow", 1],
        ["in-10-days", 10],
      ],
    );
    assert.match(warnings[1].message, /expires in 10 days .* not auto-extended: set autoExtend: true/);
    assert.equal(warnings[1].ref.customerId, CUSTOMER);
  });

  it("takes the window in days", () => {
    assert.deepEqual(
      expiringRelationships(events, 45, NOW).map((w) => w.ref.name),
      ["tomorrow", "in-10-days", "in-40-days"],
    );
    assert.deepEqual(expiringRelationships(events, 0, NOW), []);
  });

  it("counts the days by Graph's clock when the provider reported it ahead of this machine's (a sandbox's)", () => {
    const graphNow = new Date(NOW.getTime() + 30 * 86_400_000);
    const skew = clockSkewMessage({ serverTime: graphNow.toISOString(), localTime: NOW.toISOString() });
    const warning = {
      sequence: 1,
      timestamp: 0,
      diagnosticEvent: { message: `warning: ${skew}\n`, color: "never", severity: "info#err" },
    };
    const ending = relationship("sandbox", {
      endDateTime: new Date(graphNow.getTime() + 10.2 * 86_400_000).toISOString(),
    });
    const found = expiringRelationships([warning as EngineEvent, ending], 30, NOW);
    assert.deepEqual(
      found.map((w) => [w.ref.name, w.daysLeft]),
      [["sandbox", 10]],
    );
    assert.match(found[0].message, /expires in 10 days/);
    // without the provider's report, this machine's clock: 40 days left, beyond the window
    assert.deepEqual(expiringRelationships([ending], 30, NOW), []);
  });

  it("shows them in the drift report apart from drift, with exit code 0", () => {
    const report = buildDriftReport({ stack: "nightly", events, checkedAt: NOW });
    assert.equal(report.exitCode, 0);
    assert.equal(report.drift.length, 0);
    assert.equal(report.warnings.length, 2);
    const md = renderDriftMarkdown(report).text;
    assert.match(md, /#### Warnings \(not drift\)\n\n- `DelegatedAdminRelationship` `tomorrow`/);
    assert.match(md, /in-10-days.*expires in 10 days/);
    assert.match(md, /2 warnings/);
  });
});
