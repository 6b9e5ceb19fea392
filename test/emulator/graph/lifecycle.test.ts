import assert from "node:assert/strict";
import { expectGraphError, RELATIONSHIPS, ROLE, useGraph } from "./graphFixture";

describe("emulator graph: relationship lifecycle (customer approval, clock, termination)", () => {
  const g = useGraph();

  it("the customer's approval makes it active with activatedDateTime and endDateTime = activation + duration", async () => {
    const rel = await g.active({ duration: "P30D" });
    assert.equal(rel.status, "active");
    assert.equal(Date.parse(rel.endDateTime) - Date.parse(rel.activatedDateTime), 30 * 86_400_000);
    const customers = await g.call("GET", "/v1.0/tenantRelationships/delegatedAdminCustomers");
    assert.ok(customers.data.value.some((c: { id: string }) => c.id === rel.customer.tenantId));
  });

  it("reads activating during the approval's activation delay", async () => {
    const rel = await g.create();
    await g.call("POST", `${RELATIONSHIPS}/${rel.id}/requests`, { body: { action: "lockForApproval" } });
    const ok = await g.admin(`/gdap/relationships/${rel.id}/approve`, { activationDelayMs: 60_000 });
    assert.equal(ok.data.status, "activating");
    await g.admin("/clock", { advanceMs: 61_000 });
    assert.equal((await g.call("GET", `${RELATIONSHIPS}/${rel.id}`)).data.status, "active");
  });

  it("refuses approval of a relationship that was not locked, and a declined invitation disappears", async () => {
    const rel = await g.create();
    const res = await g.admin(`/gdap/relationships/${rel.id}/approve`);
    assert.equal(res.status, 400);
    assert.match(res.data.description, /created: only an approvalPending/);
    await g.call("POST", `${RELATIONSHIPS}/${rel.id}/requests`, { body: { action: "lockForApproval" } });
    assert.equal((await g.admin(`/gdap/relationships/${rel.id}/decline`)).status, 200);
    expectGraphError(await g.call("GET", `${RELATIONSHIPS}/${rel.id}`), 404, "notFound");
  });

  it("expires at endDateTime without auto-extend (expiring for an hour, then expired)", async () => {
    const rel = await g.active({ duration: "P30D" });
    await g.advanceDays(30);
    assert.equal((await g.call("GET", `${RELATIONSHIPS}/${rel.id}`)).data.status, "expiring");
    await g.advanceDays(1);
    const after = (await g.call("GET", `${RELATIONSHIPS}/${rel.id}`)).data;
    assert.equal(after.status, "expired");
    expectGraphError(
      await g.call("PATCH", `${RELATIONSHIPS}/${rel.id}`, {
        body: { autoExtendDuration: "P180D" },
        headers: { "If-Match": after["@odata.etag"] },
      }),
      400,
      "badRequest",
      /expired/,
    );
  });

  it("auto-extends by 180 days with P180D and stays active", async () => {
    const rel = await g.active({ duration: "P30D", autoExtendDuration: "P180D" });
    await g.advanceDays(31);
    const after = (await g.call("GET", `${RELATIONSHIPS}/${rel.id}`)).data;
    assert.equal(after.status, "active");
    assert.equal(Date.parse(after.endDateTime) - Date.parse(rel.endDateTime), 180 * 86_400_000);
  });

  it("while active allows only autoExtendDuration and the removal of Global Administrator (202 operation)", async () => {
    const rel = await g.active({
      accessDetails: { unifiedRoles: [{ roleDefinitionId: ROLE.globalAdmin }, { roleDefinitionId: ROLE.user }] },
    });
    const url = `${RELATIONSHIPS}/${rel.id}`;
    expectGraphError(
      await g.call("PATCH", url, { body: { displayName: "renamed" }, headers: { "If-Match": rel["@odata.etag"] } }),
      400,
      "badRequest",
      /only autoExtendDuration/,
    );
    expectGraphError(
      await g.call("PATCH", url, {
        body: { autoExtendDuration: "P180D" },
        headers: { "If-Match": rel["@odata.etag"] },
      }),
      400,
      "badRequest",
      /Global Administrator cannot auto-extend/,
    );
    const drop = await g.call("PATCH", url, {
      body: { accessDetails: { unifiedRoles: [{ roleDefinitionId: ROLE.user }] } },
      headers: { "If-Match": rel["@odata.etag"] },
    });
    assert.equal(drop.status, 202, JSON.stringify(drop.data));
    assert.equal(drop.headers["retry-after"], "5");
    const op = await g.call("GET", new URL(drop.headers.location).pathname);
    assert.equal(op.data.operationType, "delegatedAdminRelationshipUpdate");
    assert.equal(op.data.status, "succeeded");
    const now = (await g.call("GET", url)).data;
    assert.deepEqual(now.accessDetails.unifiedRoles, [{ roleDefinitionId: ROLE.user }]);
    const extend = await g.call("PATCH", url, {
      body: { autoExtendDuration: "P180D" },
      headers: { "If-Match": now["@odata.etag"] },
    });
    assert.equal(extend.status, 200, JSON.stringify(extend.data));
    assert.equal(extend.data.autoExtendDuration, "P180D");
  });

  it("terminates an active relationship (terminated, endDateTime = termination time, assignments deleted)", async () => {
    const rel = await g.active();
    const groupId = await g.groupId("Tier 2 Support");
    await g.call("POST", `${RELATIONSHIPS}/${rel.id}/accessAssignments`, {
      body: {
        accessContainer: { accessContainerId: groupId, accessContainerType: "securityGroup" },
        accessDetails: { unifiedRoles: [{ roleDefinitionId: ROLE.user }] },
      },
    });
    const term = await g.call("POST", `${RELATIONSHIPS}/${rel.id}/requests`, { body: { action: "terminate" } });
    assert.equal(term.status, 201);
    const after = (await g.call("GET", `${RELATIONSHIPS}/${rel.id}`)).data;
    assert.equal(after.status, "terminated");
    assert.ok(Date.parse(after.endDateTime) < Date.parse(rel.endDateTime));
    const asg = await g.call("GET", `${RELATIONSHIPS}/${rel.id}/accessAssignments`);
    assert.equal(asg.data.value.length, 1);
    assert.equal(asg.data.value[0].status, "deleted");
  });

  it("plays the customer removing the partner's roles (customerTerminate)", async () => {
    const rel = await g.active();
    assert.equal((await g.admin(`/gdap/relationships/${rel.id}/customerTerminate`)).data.status, "terminated");
  });

  it("removes an approvalPending relationship after 90 days", async () => {
    const rel = await g.create();
    await g.call("POST", `${RELATIONSHIPS}/${rel.id}/requests`, { body: { action: "lockForApproval" } });
    await g.advanceDays(90);
    expectGraphError(await g.call("GET", `${RELATIONSHIPS}/${rel.id}`), 404, "notFound");
  });
});
