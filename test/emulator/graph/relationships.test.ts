import assert from "node:assert/strict";
import { expectGraphError, RELATIONSHIPS, ROLE, useGraph } from "./graphFixture";

describe("emulator graph: delegatedAdminRelationships", () => {
  const g = useGraph();
  const customerId = () => g.emu.seed.partners[0].customers[0].id;

  it("seeds relationships in each state, with endDateTime only once activated", async () => {
    const res = await g.call("GET", RELATIONSHIPS);
    assert.equal(res.status, 200);
    assert.match(res.data["@odata.context"], /\/v1\.0\/tenantRelationships\/\$metadata#delegatedAdminRelationships$/);
    const statuses = res.data.value.map((r: { status: string }) => r.status).sort();
    assert.deepEqual(statuses, ["active", "active", "approvalPending", "created", "expired", "terminated"]);
    const created = res.data.value.find((r: { status: string }) => r.status === "created");
    assert.equal(created.endDateTime, null);
    const expiring = res.data.value.find((r: { displayName: string }) => r.displayName.endsWith("-expiring"));
    const days = (Date.parse(expiring.endDateTime) - Date.now()) / 86_400_000;
    assert.ok(days > 9 && days <= 10, `ends in ${days} days`);
    for (const r of res.data.value) assert.match(r["@odata.etag"], /^W\/"[A-Za-z0-9+/=]+"$/);
  });

  it("creates one (201, Location, etag, status created, echoed input, 73-character id)", async () => {
    const res = await g.call("POST", RELATIONSHIPS, {
      body: {
        displayName: "Contoso-GDAP_1",
        duration: "P730D",
        customer: { tenantId: customerId() },
        accessDetails: { unifiedRoles: [{ roleDefinitionId: ROLE.helpdesk }] },
      },
    });
    assert.equal(res.status, 201, JSON.stringify(res.data));
    assert.equal(res.data.id.length, 73);
    assert.equal(res.headers.location, `${g.emu.url}${RELATIONSHIPS}/${res.data.id}`);
    assert.equal(res.data.status, "created");
    assert.equal(res.data.autoExtendDuration, "PT0S");
    assert.equal(res.data.customer.displayName, "Fabrikam, Inc.");
    assert.deepEqual(res.data.accessDetails, { unifiedRoles: [{ roleDefinitionId: ROLE.helpdesk }] });
    assert.equal((await g.call("GET", `${RELATIONSHIPS}/${res.data.id}`)).data.displayName, "Contoso-GDAP_1");
  });

  const invalid: Array<[string, Record<string, unknown>, RegExp]> = [
    ["a missing displayName", { displayName: undefined }, /displayName is required/],
    ["a 51-character displayName", { displayName: "x".repeat(51) }, /51 characters long; the maximum is 50/],
    ["a duration over two years", { duration: "P731D" }, /outside P1D\.\.P2Y/],
    ["a zero duration", { duration: "P0D" }, /outside P1D\.\.P2Y/],
    ["a duration in months", { duration: "P6M" }, /write days/],
    ["an unknown auto-extend value", { autoExtendDuration: "P90D" }, /PT0S, P0D, P180D/],
    [
      "Global Administrator with auto-extend",
      { autoExtendDuration: "P180D", accessDetails: { unifiedRoles: [{ roleDefinitionId: ROLE.globalAdmin }] } },
      /Global Administrator cannot auto-extend/,
    ],
    ["no roles", { accessDetails: { unifiedRoles: [] } }, /at least one/],
    ["a role that is not a GUID", { accessDetails: { unifiedRoles: [{ roleDefinitionId: "Helpdesk" }] } }, /GUID/],
    ["a read-only property", { status: "active" }, /'status' is not settable/],
  ];
  for (const [what, change, message] of invalid) {
    it(`refuses ${what} with 400 badRequest`, async () => {
      const body = {
        displayName: "valid-name",
        duration: "P30D",
        accessDetails: { unifiedRoles: [{ roleDefinitionId: ROLE.helpdesk }] },
        ...change,
      };
      expectGraphError(await g.call("POST", RELATIONSHIPS, { body }), 400, "badRequest", message);
    });
  }

  it("accepts the bounds P1D and P2Y, and Global Administrator without auto-extend", async () => {
    await g.create({ duration: "P1D" });
    await g.create({ duration: "P2Y", accessDetails: { unifiedRoles: [{ roleDefinitionId: ROLE.globalAdmin }] } });
  });

  it("refuses a second relationship with the same name (any case) with 409 conflict", async () => {
    await g.create({ displayName: "Same-Name" });
    expectGraphError(
      await g.call("POST", RELATIONSHIPS, {
        body: {
          displayName: "same-name",
          duration: "P30D",
          accessDetails: { unifiedRoles: [{ roleDefinitionId: ROLE.user }] },
        },
      }),
      409,
      "conflict",
    );
  });

  it("PATCHes a created relationship with If-Match (200, new etag); refuses a missing (400) or stale (412) etag", async () => {
    const rel = await g.create();
    const url = `${RELATIONSHIPS}/${rel.id}`;
    expectGraphError(await g.call("PATCH", url, { body: { duration: "P31D" } }), 400, "badRequest", /If-Match/);
    expectGraphError(
      await g.call("PATCH", url, { body: { duration: "P31D" }, headers: { "If-Match": 'W/"c3RhbGU="' } }),
      412,
      "preconditionFailed",
    );
    const res = await g.call("PATCH", url, { body: { duration: "P31D" }, headers: { "If-Match": rel["@odata.etag"] } });
    assert.equal(res.status, 200, JSON.stringify(res.data));
    assert.equal(res.data.duration, "P31D");
    assert.notEqual(res.data["@odata.etag"], rel["@odata.etag"]);
  });

  it("locks for approval (201 request, then approvalPending) and then refuses PATCH, DELETE and a second lock", async () => {
    const rel = await g.create();
    const url = `${RELATIONSHIPS}/${rel.id}`;
    const lock = await g.call("POST", `${url}/requests`, { body: { action: "lockForApproval" } });
    assert.equal(lock.status, 201);
    assert.equal(lock.data.status, "created");
    assert.equal(lock.headers.location, `${g.emu.url}${url}/requests/${lock.data.id}`);
    const now = (await g.call("GET", url)).data;
    assert.equal(now.status, "approvalPending");
    assert.equal((await g.call("GET", `${url}/requests/${lock.data.id}`)).data.status, "succeeded");
    const etag = { "If-Match": now["@odata.etag"] };
    expectGraphError(
      await g.call("PATCH", url, { body: { displayName: "renamed" }, headers: etag }),
      400,
      "badRequest",
      /approvalPending: it can't be changed/,
    );
    expectGraphError(await g.call("DELETE", url, { headers: etag }), 400, "badRequest", /only a created relationship/);
    expectGraphError(
      await g.call("POST", `${url}/requests`, { body: { action: "lockForApproval" } }),
      400,
      "badRequest",
      /only while it is created/,
    );
    expectGraphError(
      await g.call("POST", `${url}/requests`, { body: { action: "terminate" } }),
      400,
      "badRequest",
      /only an active relationship/,
    );
  });

  it("deletes a created relationship (204, then 404)", async () => {
    const rel = await g.create();
    const url = `${RELATIONSHIPS}/${rel.id}`;
    assert.equal((await g.call("DELETE", url, { headers: { "If-Match": rel["@odata.etag"] } })).status, 204);
    expectGraphError(await g.call("GET", url), 404, "notFound");
  });

  it("pages with $top and an absolute @odata.nextLink, filters with eq/and, refuses $top over 300", async () => {
    for (let i = 0; i < 5; i++) await g.create();
    const seen: string[] = [];
    let res = await g.call("GET", `${RELATIONSHIPS}?$top=4`);
    let pages = 1;
    while (res.data["@odata.nextLink"]) {
      assert.ok(res.data.value.length <= 4);
      seen.push(...res.data.value.map((r: { id: string }) => r.id));
      assert.ok(res.data["@odata.nextLink"].startsWith(`${g.emu.url}${RELATIONSHIPS}?`));
      res = await g.call("GET", res.data["@odata.nextLink"].slice(g.emu.url.length));
      pages++;
    }
    seen.push(...res.data.value.map((r: { id: string }) => r.id));
    assert.equal(pages, 3);
    assert.equal(new Set(seen).size, 11);
    const filtered = await g.call(
      "GET",
      `${RELATIONSHIPS}?$filter=status eq 'active' and customer/tenantId eq '${customerId()}'`,
    );
    assert.equal(filtered.status, 200);
    assert.equal(filtered.data.value.length, 2);
    expectGraphError(await g.call("GET", `${RELATIONSHIPS}?$top=301`), 400, "badRequest", /1 to 300/);
    expectGraphError(await g.call("GET", `${RELATIONSHIPS}?$filter=duration gt 'P1D'`), 400, "badRequest");
  });

  it("$select keeps the named properties and the annotations", async () => {
    const rel = await g.create();
    const res = await g.call("GET", `${RELATIONSHIPS}/${rel.id}?$select=status`);
    assert.deepEqual(Object.keys(res.data).sort(), ["@odata.context", "@odata.etag", "@odata.type", "status"]);
  });
});
