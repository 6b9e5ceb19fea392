import assert from "assert";
import { configureRuntime, provision, refresh, runtime, startFixture, type Fixture } from "./fixture";

const T = "SelfServePolicy";
const RI = { resource: "AzureReservedInstances", action: "Purchase" };
const SP = { resource: "AzureSavingsPlan", action: "Purchase" };

describe("resources/SelfServePolicy (against the emulator)", () => {
  let f: Fixture;
  const customers = () => f.partner.customers;
  const policyOf = async (id: string) => f.raw("GET", `/v1/SelfServePolicy/${id}`);

  before(async () => (f = await startFixture()));
  after(async () => f && (await f.close()));
  afterEach(async () => f.clearFaults());

  it("minimal create defaults the grantor to the partner; full create with an explicit grantor", async () => {
    const c0 = customers()[0];
    const { id, outs } = await provision(T, { customerId: c0.id, permissions: [RI] });
    assert.strictEqual(id, `${f.partner.tenantId}_${c0.id}`);
    assert.deepStrictEqual([outs.policyId, outs.grantorTenantId], [id, f.partner.tenantId]);
    assert.strictEqual((await policyOf(id)).status, 200);
    await runtime.delete(T, id, outs);
    assert.strictEqual((await policyOf(id)).status, 404);

    const c1 = customers()[1];
    const full = await provision(T, {
      customerId: c1.id,
      permissions: [RI, SP],
      grantorTenantId: f.partner.tenantId,
      adopt: false,
    });
    assert.strictEqual((await policyOf(full.id)).data.permissions.length, 2);
    await runtime.delete(T, full.id, full.outs);
  });

  it("permissions update in place with a fresh ETag; order and case are not changes; customer or grantor replaces", async () => {
    const c = customers()[0];
    const { id, outs, inputs } = await provision(T, { customerId: c.id, permissions: [RI, SP] });
    const etag = (await policyOf(id)).data.attributes.etag;
    assert.strictEqual(
      (
        await runtime.diff(T, id, outs, {
          ...inputs,
          permissions: [SP, { resource: "azurereservedinstances", action: "purchase" }],
        })
      ).changes,
      false,
    );
    assert.deepStrictEqual((await runtime.diff(T, id, outs, { ...inputs, customerId: customers()[1].id })).replaces, [
      "customerId",
    ]);
    assert.deepStrictEqual(
      (await runtime.diff(T, id, outs, { ...inputs, grantorTenantId: "00000000-0000-0000-0000-000000000009" }))
        .replaces,
      ["grantorTenantId"],
    );
    const news = { ...inputs, permissions: [SP] };
    const d = await runtime.diff(T, id, outs, news);
    assert.deepStrictEqual([d.changes, d.replaces], [true, []]);
    await f.faults({
      method: "PUT",
      path: "/SelfServePolicy",
      status: 400,
      code: "2055",
      description: "Etag is no longer valid",
      times: 1,
    });
    await runtime.update(T, id, outs, news);
    const after = (await policyOf(id)).data;
    assert.deepStrictEqual(
      after.permissions.map((p: { resource: string }) => p.resource),
      ["AzureSavingsPlan"],
    );
    assert.notStrictEqual(after.attributes.etag, etag);
    await runtime.delete(T, id, outs);
  });

  it("adopt: an existing policy is an error without adopt and taken over with it", async () => {
    const c = customers()[1];
    const made = await f.raw("POST", "/v1/SelfServePolicy", {
      selfServeEntity: { selfServeEntityType: "customer", tenantID: c.id },
      grantor: { grantorType: "billToPartner", tenantID: f.partner.tenantId },
      permissions: [RI],
    });
    assert.strictEqual(made.status, 201);
    await assert.rejects(provision(T, { customerId: c.id, permissions: [RI, SP] }), /adopt: true/);
    const { id, outs } = await provision(T, { customerId: c.id, permissions: [RI, SP], adopt: true });
    assert.strictEqual(id, made.data.id);
    assert.strictEqual((await policyOf(id)).data.permissions.length, 2);
    await runtime.delete(T, id, outs);
  });

  it("drift shows in read and diff; a policy deleted behind Pulumi's back reads as gone", async () => {
    const c = customers()[2] ?? customers()[0];
    const { id, outs, inputs } = await provision(T, { customerId: c.id, permissions: [RI] });
    await configureRuntime(f.emu);
    assert.strictEqual((await refresh(T, id, outs, inputs)).diff!.changes, false);
    const current = (await policyOf(id)).data;
    assert.strictEqual(
      (await f.raw("PUT", `/v1/SelfServePolicy/${id}`, { ...current, permissions: [SP] })).status,
      200,
    );
    await configureRuntime(f.emu);
    const drift = await refresh(T, id, outs, inputs);
    assert.deepStrictEqual(drift.read.props.permissions, [SP]);
    assert.strictEqual(drift.diff!.changes, true);
    assert.strictEqual((await f.raw("DELETE", `/v1/SelfServePolicy/${id}`)).status, 204);
    await configureRuntime(f.emu);
    assert.strictEqual((await runtime.read(T, id, outs)).id, "");
  });

  for (const status of [403, 500]) {
    it(`a ${status} on read throws instead of reporting the policy gone`, async () => {
      const c = customers()[0];
      const { id, outs } = await provision(T, { customerId: c.id, permissions: [RI] });
      await configureRuntime(f.emu, { "partnercenter:maxRetries": "0" });
      await f.faults({ method: "GET", path: "/SelfServePolicy", status, code: String(status) });
      await assert.rejects(
        runtime.read(T, id, outs),
        (e: Error) => e.message.includes(T) && e.message.includes(`HTTP ${status}`) && /request id/.test(e.message),
      );
      await f.clearFaults();
      await runtime.delete(T, id, outs);
    });
  }

  it("429 and a 5xx after commit during create end with exactly one policy", async () => {
    const c = customers()[0];
    await configureRuntime(f.emu);
    await f.faults([
      { method: "POST", path: "/SelfServePolicy$", status: 429, retryAfter: 0, times: 1 },
      { method: "POST", path: "/SelfServePolicy$", applyThenFail: true, status: 500, times: 1 },
    ]);
    const { id, outs } = await provision(T, { customerId: c.id, permissions: [RI] });
    const list = (await f.raw("GET", `/v1/SelfServePolicy?entity_id=${c.id}`)).data.items;
    assert.strictEqual(list.length, 1);
    assert.strictEqual(list[0].id, id);
    await runtime.delete(T, id, outs);
  });

  it("check: unknown permission values and empty lists name the field and the fix", async () => {
    const r = await runtime.check(
      T,
      {},
      { customerId: customers()[0].id, permissions: [{ resource: "AzureVMs", action: "Buy" }] },
    );
    assert.deepStrictEqual(
      r.failures.map((x) => x.property),
      ["permissions[0].resource", "permissions[0].action"],
    );
    assert.match(r.failures[0].reason, /AzureReservedInstances/);
    const empty = await runtime.check(T, {}, { customerId: customers()[0].id, permissions: [] });
    assert.deepStrictEqual(
      empty.failures.map((x) => x.property),
      ["permissions"],
    );
    for (const x of [...r.failures, ...empty.failures]) assert.ok(x.reason.includes("Fix:"), x.reason);
  });
});
