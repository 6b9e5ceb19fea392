import assert from "node:assert/strict";
import { PartnerCenterError } from "../../../../provider/client/errors";
import { invitationUrl } from "../../../../provider/client/graph/delegatedAdminRelationships";
import { skewMs, type ClockSkew } from "../../../../provider/client/graph/serverClock";
import { clientFor, useEmulator } from "../emulatorClient";

const HELPDESK = "729827e3-9c14-49f7-bb1b-9608f156bbb8";
const USER_ADMIN = "fe930be7-5e62-47db-91af-98c3a49a38b1";
const DAY_MS = 86_400_000;

describe("client: Microsoft Graph GDAP operations against the emulator", () => {
  const ctx = useEmulator();

  it("gets Graph-audience tokens from the same credentials and lists the seeded relationships (App+User and App-only)", async () => {
    for (const credential of ["user", "secret", "certificate"] as const) {
      const all = await clientFor(ctx.emu, credential).graph.relationships.list();
      assert.equal(all.length, 6, credential);
    }
    const one = await clientFor(ctx.emu, "user").graph.relationships.list({ customerTenantId: ctx.customer.id });
    assert.deepEqual(one.map((r) => r.displayName).sort(), ["fabrikamtenant-expiring", "fabrikamtenant-helpdesk"]);
  });

  it("follows @odata.nextLink until the last page", async () => {
    const graph = clientFor(ctx.emu, "user").graph;
    for (let i = 0; i < 120; i++)
      await graph.relationships.create({ displayName: `bulk-${i}`, duration: "P30D", roleDefinitionIds: [HELPDESK] });
    const requests: string[] = [];
    const logged = clientFor(ctx.emu, "user", { logger: (line) => requests.push(line) }).graph;
    const all = await logged.relationships.list();
    assert.equal(all.length, 126);
    assert.equal(requests.filter((l) => l.startsWith("--> gdap.relationships.list")).length, 2, "two pages of 100");
  });

  it("creates, locks, reads, and after approval assigns a group found by name, then terminates", async () => {
    const graph = clientFor(ctx.emu, "user").graph;
    const rel = await graph.relationships.create({
      displayName: "client-test",
      duration: "P365D",
      roleDefinitionIds: [HELPDESK, USER_ADMIN],
      customerTenantId: ctx.customer.id,
    });
    assert.equal(rel.status, "created");
    assert.equal((await graph.relationships.lockForApproval(rel.id)).action, "lockForApproval");
    assert.equal((await graph.relationships.get(rel.id)).status, "approvalPending");
    assert.match(invitationUrl(rel.id), new RegExp(`granularAdminRelationships/${rel.id}$`));
    await ctx.admin("POST", `/gdap/relationships/${rel.id}/approve`, {});
    const active = await graph.relationships.get(rel.id);
    assert.equal(active.status, "active");
    const [group] = await graph.groups.findByDisplayName("Helpdesk Agents");
    assert.ok(group, "the seeded group is found by name");
    const asg = await graph.accessAssignments.create(rel.id, group.id, [HELPDESK]);
    assert.equal(asg.status, "pending");
    const current = await graph.accessAssignments.get(rel.id, asg.id);
    const update = await graph.accessAssignments.update(rel.id, asg.id, current["@odata.etag"]!, [
      HELPDESK,
      USER_ADMIN,
    ]);
    assert.ok(update.operationUrl, "a role change is a long-running operation");
    const opId = update.operationUrl.split("/").pop()!;
    assert.equal((await graph.relationships.operation(rel.id, opId)).status, "succeeded");
    await graph.relationships.terminate(rel.id);
    assert.equal((await graph.relationships.get(rel.id)).status, "terminated");
  });

  it("surfaces Graph errors with status, Graph code, message and request ids (409 duplicate name, 404, 412)", async () => {
    const graph = clientFor(ctx.emu, "user").graph;
    await graph.relationships.create({ displayName: "dup", duration: "P30D", roleDefinitionIds: [HELPDESK] });
    const dup = await graph.relationships
      .create({ displayName: "dup", duration: "P30D", roleDefinitionIds: [HELPDESK] })
      .catch((e: unknown) => e);
    assert.ok(dup instanceof PartnerCenterError);
    assert.equal(dup.status, 409);
    assert.equal(dup.code, "conflict");
    assert.match(dup.description, /already exists/);
    assert.match(dup.requestId ?? "", /^[0-9a-f-]{36}$/);
    const missing = await graph.relationships.get("nope").catch((e: unknown) => e);
    assert.ok(missing instanceof PartnerCenterError && missing.status === 404 && missing.code === "notFound");
    const created = await graph.relationships.create({
      displayName: "stale",
      duration: "P30D",
      roleDefinitionIds: [HELPDESK],
    });
    const stale = await graph.relationships.delete(created.id, 'W/"c3RhbGU="').catch((e: unknown) => e);
    assert.ok(stale instanceof PartnerCenterError && stale.status === 412);
    await graph.relationships.delete(created.id, created["@odata.etag"]!);
  });

  it("says what App-only needs when the service principal is missing (403), without leaking the secret", async () => {
    const client = clientFor(ctx.emu, "secret", {}, 1);
    const error = await client.graph.relationships.list().then(
      () => undefined,
      (e: unknown) => e,
    );
    assert.ok(error instanceof PartnerCenterError);
    assert.equal(error.status, 403);
    assert.equal(error.code, "Authorization_RequestDenied");
    assert.match(error.message, /Partner Customer Delegated Administration.*2832473f-ec63-45fb-976f-5d45a7d4bb91/);
    assert.match(error.message, /POST https:\/\/graph\.microsoft\.com\/v1\.0\/servicePrincipals/);
    assert.ok(!error.message.includes(ctx.emu.seed.partners[1].app.clientSecret));
  });

  it("retries a throttled Graph call (429 with Retry-After) with the same client-request-id", async () => {
    await ctx.admin("POST", "/faults", { path: "delegatedAdminRelationships$", status: 429, retryAfter: 1, times: 1 });
    const all = await clientFor(ctx.emu, "user").graph.relationships.list();
    assert.equal(all.length, 6);
    const log: Array<{ path: string; status: number; correlationId: string }> = await ctx.admin("GET", "/requests");
    const calls = log.filter((e) => e.path.endsWith("delegatedAdminRelationships"));
    assert.deepEqual(
      calls.map((c) => c.status),
      [429, 200],
    );
    assert.equal(calls[0].correlationId, calls[1].correlationId);
  });

  it("reports Graph's clock from its Date headers once it is 5 minutes or more off this machine's, and again when it moves", async () => {
    const skews: ClockSkew[] = [];
    const graph = clientFor(ctx.emu, "user", { onServerClockSkew: (s) => skews.push(s) }).graph;
    await graph.relationships.list();
    assert.deepEqual(skews, [], "the emulator's clock not advanced: no skew");
    await ctx.admin("POST", "/clock", { advanceMs: 11 * DAY_MS });
    await graph.relationships.list();
    await graph.relationships.list({ customerTenantId: ctx.customer.id });
    assert.equal(skews.length, 1, "reported once");
    assert.ok(Math.abs(skewMs(skews[0]) - 11 * DAY_MS) < 60_000, `skew ${skewMs(skews[0])} ms`);
    await ctx.admin("POST", "/clock", { advanceMs: DAY_MS });
    await graph.relationships.list();
    assert.equal(skews.length, 2, "reported again when it moved");
    assert.ok(Math.abs(skewMs(skews[1]) - 12 * DAY_MS) < 60_000, `skew ${skewMs(skews[1])} ms`);
  });
});
