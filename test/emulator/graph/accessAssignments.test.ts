import assert from "node:assert/strict";
import { expectGraphError, RELATIONSHIPS, ROLE, useGraph } from "./graphFixture";

describe("emulator graph: delegatedAdminAccessAssignments", () => {
  const g = useGraph();
  const body = (groupId: string, roles = [ROLE.helpdesk]) => ({
    accessContainer: { accessContainerId: groupId, accessContainerType: "securityGroup" },
    accessDetails: { unifiedRoles: roles.map((roleDefinitionId) => ({ roleDefinitionId })) },
  });

  it("lists the seeded partner security groups and finds one by display name", async () => {
    const res = await g.call("GET", "/v1.0/groups");
    assert.deepEqual(
      res.data.value.map((x: { displayName: string }) => x.displayName),
      ["Helpdesk Agents", "Tier 2 Support", "Security Operations", "Sales Agents"],
    );
    assert.match(await g.groupId("Tier 2 Support"), /^[0-9a-f-]{36}$/);
  });

  it("creates one (201 pending, then active), lists it and filters by group", async () => {
    const rel = await g.active();
    const groupId = await g.groupId("Tier 2 Support");
    await g.admin("/gdap/config", { assignmentDelayMs: 60_000 });
    const res = await g.call("POST", `${RELATIONSHIPS}/${rel.id}/accessAssignments`, { body: body(groupId) });
    assert.equal(res.status, 201, JSON.stringify(res.data));
    assert.equal(res.data.status, "pending");
    assert.equal(res.headers.location, `${g.emu.url}${RELATIONSHIPS}/${rel.id}/accessAssignments/${res.data.id}`);
    await g.admin("/clock", { advanceMs: 61_000 });
    const list = await g.call(
      "GET",
      `${RELATIONSHIPS}/${rel.id}/accessAssignments?$filter=accessContainer/accessContainerId eq '${groupId}'`,
    );
    assert.equal(list.data.value.length, 1);
    assert.equal(list.data.value[0].status, "active");
  });

  it("refuses: relationship not active (400), unknown group (400), roles outside the relationship (400), wrong type (400)", async () => {
    const groupId = await g.groupId("Tier 2 Support");
    const created = await g.create();
    expectGraphError(
      await g.call("POST", `${RELATIONSHIPS}/${created.id}/accessAssignments`, { body: body(groupId) }),
      400,
      "badRequest",
      /created: access can be assigned only in an active relationship/,
    );
    const rel = await g.active();
    const url = `${RELATIONSHIPS}/${rel.id}/accessAssignments`;
    expectGraphError(
      await g.call("POST", url, { body: body("00000000-0000-4000-8000-000000000000") }),
      400,
      "badRequest",
      /not a security group in the partner tenant/,
    );
    expectGraphError(
      await g.call("POST", url, { body: body(groupId, [ROLE.license]) }),
      400,
      "badRequest",
      new RegExp(`roles the relationship does not grant: ${ROLE.license}`),
    );
    expectGraphError(
      await g.call("POST", url, {
        body: { ...body(groupId), accessContainer: { accessContainerId: groupId, accessContainerType: "user" } },
      }),
      400,
      "badRequest",
      /securityGroup/,
    );
  });

  it("refuses a second assignment of the same group with 409 'The resource already exists.'", async () => {
    const rel = await g.active();
    const groupId = await g.groupId("Tier 2 Support");
    const url = `${RELATIONSHIPS}/${rel.id}/accessAssignments`;
    assert.equal((await g.call("POST", url, { body: body(groupId) })).status, 201);
    expectGraphError(
      await g.call("POST", url, { body: body(groupId, [ROLE.user]) }),
      409,
      "conflict",
      /already exists/,
    );
  });

  it("updates roles with If-Match (202 + operation; 200 when unchanged) and deletes (204, deleting then deleted)", async () => {
    const rel = await g.active();
    const groupId = await g.groupId("Sales Agents");
    const created = await g.call("POST", `${RELATIONSHIPS}/${rel.id}/accessAssignments`, { body: body(groupId) });
    const url = `${RELATIONSHIPS}/${rel.id}/accessAssignments/${created.data.id}`;
    const current = (await g.call("GET", url)).data;
    assert.equal(current.status, "active");
    expectGraphError(
      await g.call("PATCH", url, { body: { accessDetails: body(groupId).accessDetails } }),
      400,
      "badRequest",
      /If-Match/,
    );
    const same = await g.call("PATCH", url, {
      body: { accessDetails: body(groupId).accessDetails },
      headers: { "If-Match": current["@odata.etag"] },
    });
    assert.equal(same.status, 200);
    const changed = await g.call("PATCH", url, {
      body: { accessDetails: body(groupId, [ROLE.helpdesk, ROLE.user]).accessDetails },
      headers: { "If-Match": current["@odata.etag"] },
    });
    assert.equal(changed.status, 202, JSON.stringify(changed.data));
    const op = (await g.call("GET", new URL(changed.headers.location).pathname)).data;
    assert.equal(op.operationType, "delegatedAdminAccessAssignmentUpdate");
    assert.deepEqual(JSON.parse(op.data).accessDetails.unifiedRoles.length, 2);
    const ops = await g.call("GET", `${RELATIONSHIPS}/${rel.id}/operations`);
    assert.equal(ops.data.value.length, 1);
    const latest = (await g.call("GET", url)).data;
    await g.admin("/gdap/config", { assignmentDelayMs: 60_000 });
    assert.equal((await g.call("DELETE", url, { headers: { "If-Match": latest["@odata.etag"] } })).status, 204);
    assert.equal((await g.call("GET", url)).data.status, "deleting");
    await g.admin("/clock", { advanceMs: 61_000 });
    assert.equal((await g.call("GET", url)).data.status, "deleted");
    assert.equal(
      (await g.call("POST", `${RELATIONSHIPS}/${rel.id}/accessAssignments`, { body: body(groupId) })).status,
      201,
      "a deleted assignment frees the group",
    );
  });

  it("operations are read-only (405)", async () => {
    const rel = await g.active();
    expectGraphError(
      await g.call("POST", `${RELATIONSHIPS}/${rel.id}/operations`, { body: {} }),
      405,
      "methodNotAllowed",
    );
  });
});
