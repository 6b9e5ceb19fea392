import assert from "assert";
import { randomUUID } from "crypto";
import { expectError, useEmulator } from "./apiFixture";

describe("emulator handlers: self-serve policies", () => {
  const api = useEmulator();
  const partner = () => api.emu.seed.partners[0].tenantId;
  const cid = () => api.customer(0).id;
  const policy = (customerId = cid()) => ({
    selfServeEntity: { selfServeEntityType: "customer", tenantID: customerId },
    grantor: { grantorType: "billToPartner", tenantID: partner() },
    permissions: [{ resource: "AzureReservedInstances", action: "Purchase" }],
  });
  const create = async () => {
    const res = await api.call("POST", "/v1/SelfServePolicy", { body: policy() });
    assert.strictEqual(res.status, 201, JSON.stringify(res.data));
    return res.data;
  };

  it("creates a policy with id grantor_entity and an etag; a second create is 409/600041", async () => {
    const created = await create();
    assert.strictEqual(created.id, `${partner()}_${cid()}`.toLowerCase());
    assert.strictEqual(created.selfServeEntity.tenantID, cid().toLowerCase());
    assert.strictEqual(created.attributes.objectType, "SelfServePolicy");
    assert.match(created.attributes.etag, /^"[0-9a-f-]{36}"$/);
    expectError(await api.call("POST", "/v1/SelfServePolicy", { body: policy() }), 409, 600041);
  });

  it("accepts PascalCase with TenantID and upper-case enum values", async () => {
    const res = await api.call("POST", "/v1/SelfServePolicy", {
      body: {
        SelfServeEntity: { SelfServeEntityType: "Customer", TenantID: cid() },
        Grantor: { GrantorType: "BillToPartner", TenantID: partner() },
        Permissions: [{ Resource: "AzureSavingsPlan", Action: "Purchase" }],
      },
    });
    assert.strictEqual(res.status, 201, JSON.stringify(res.data));
    assert.strictEqual(res.data.selfServeEntity.selfServeEntityType, "customer");
    assert.strictEqual(res.data.grantor.grantorType, "billToPartner");
  });

  it("refuses another partner's customer (403/20002) and a foreign grantor (400/2000)", async () => {
    expectError(
      await api.call("POST", "/v1/SelfServePolicy", { body: policy(api.emu.seed.partners[1].customers[0].id) }),
      403,
      20002,
    );
    expectError(
      await api.call("POST", "/v1/SelfServePolicy", {
        body: { ...policy(), grantor: { grantorType: "billToPartner", tenantID: randomUUID() } },
      }),
      400,
      2000,
      /grantor/,
    );
    expectError(
      await api.call("POST", "/v1/SelfServePolicy", {
        body: { ...policy(), permissions: [{ resource: "Nope", action: "Purchase" }] },
      }),
      400,
      2000,
      /permissions\.0\.resource/,
    );
  });

  it("gets and lists by entity_id or entity_Id", async () => {
    const created = await create();
    assert.deepStrictEqual((await api.call("GET", `/v1/SelfServePolicy/${created.id}`)).data, created);
    for (const name of ["entity_id", "entity_Id"]) {
      const list = await api.call("GET", `/v1/SelfServePolicy?${name}=${cid()}`);
      assert.strictEqual(list.status, 200);
      assert.deepStrictEqual(
        list.data.items.map((p: { id: string }) => p.id),
        [created.id],
      );
    }
    expectError(await api.call("GET", "/v1/SelfServePolicy"), 400, 2000, /entity_id/);
  });

  it("answers 404/600040 for a malformed id and 404/600039 for an unknown one", async () => {
    expectError(await api.call("GET", "/v1/SelfServePolicy/not-an-id"), 404, 600040);
    expectError(await api.call("GET", `/v1/SelfServePolicy/${randomUUID()}_${randomUUID()}`), 404, 600039);
    expectError(await api.call("DELETE", `/v1/SelfServePolicy/${randomUUID()}_${randomUUID()}`), 404, 600039);
  });

  for (const where of ["/v1/SelfServePolicy", "/v1/SelfServePolicy/{id}"]) {
    it(`updates with PUT ${where}: current etag required, a new etag each time`, async () => {
      const created = await create();
      const url = where.replace("{id}", created.id);
      const changed = { ...created, permissions: [{ resource: "AzureSavingsPlan", action: "Purchase" }] };
      const { attributes: _a, ...withoutEtag } = changed;
      expectError(await api.call("PUT", url, { body: withoutEtag }), 400, 2055);
      const res = await api.call("PUT", url, { body: changed });
      assert.strictEqual(res.status, 200, JSON.stringify(res.data));
      assert.deepStrictEqual(res.data.permissions, [{ resource: "AzureSavingsPlan", action: "Purchase" }]);
      assert.notStrictEqual(res.data.attributes.etag, created.attributes.etag);
      expectError(await api.call("PUT", url, { body: changed }), 400, 2055);
      const viaHeader = await api.call("PUT", url, {
        body: withoutEtag,
        headers: { "If-Match": res.data.attributes.etag },
      });
      assert.strictEqual(viaHeader.status, 200, JSON.stringify(viaHeader.data));
    });
  }

  it("refuses a PUT whose ids disagree with 404/600040", async () => {
    const created = await create();
    const other = `${partner()}_${api.customer(1).id}`;
    expectError(await api.call("PUT", `/v1/SelfServePolicy/${other}`, { body: created }), 404, 600039);
    expectError(await api.call("PUT", "/v1/SelfServePolicy", { body: { ...created, id: "bad" } }), 404, 600040);
  });

  it("deletes (204); the policy is then gone", async () => {
    const created = await create();
    assert.strictEqual((await api.call("DELETE", `/v1/SelfServePolicy/${created.id}`)).status, 204);
    expectError(await api.call("GET", `/v1/SelfServePolicy/${created.id}`), 404, 600039);
  });
});
