import assert from "assert";
import { expectError, useEmulator } from "./apiFixture";

interface SkuJson {
  availableUnits: number;
  activeUnits: number;
  consumedUnits: number;
  totalUnits: number;
  warningUnits: number;
  productSku: { id: string; skuPartNumber: string; licenseGroupId: string };
}

describe("emulator handlers: licenses", () => {
  const api = useEmulator();
  const cid = () => api.customer(0).id;
  const sku = (part: string) => api.customer(0).skus.find((s) => s.skuPartNumber === part)!;
  const skus = async (query = ""): Promise<SkuJson[]> => {
    const res = await api.call("GET", `/v1/customers/${cid()}/subscribedskus${query}`);
    assert.strictEqual(res.status, 200, JSON.stringify(res.data));
    return res.data.items;
  };
  const skuJson = async (part: string) =>
    (await skus("?licenseGroupIds=Group1&licenseGroupIds=Group2")).find((s) => s.productSku.skuPartNumber === part)!;
  const createUser = async (alias: string) => {
    const res = await api.call("POST", `/v1/customers/${cid()}/users`, {
      body: {
        userPrincipalName: `${alias}@${api.customer(0).domain}`,
        displayName: alias,
        usageLocation: "US",
        passwordProfile: { password: "Str0ng!Passw0rd" },
      },
    });
    assert.strictEqual(res.status, 201);
    return res.data as { id: string; userPrincipalName: string };
  };
  const update = (userId: string, body: unknown) =>
    api.call("POST", `/v1/customers/${cid()}/users/${userId}/licenseupdates`, { body });

  it("lists group1 SKUs by default with consistent arithmetic", async () => {
    const items = await skus();
    assert.ok(items.length > 0);
    for (const s of items) {
      assert.strictEqual(s.productSku.licenseGroupId, "group1");
      assert.strictEqual(s.totalUnits, s.activeUnits + s.warningUnits);
      assert.strictEqual(s.availableUnits, s.totalUnits - s.consumedUnits);
    }
    const group2 = await skus("?licenseGroupIds=Group2");
    assert.ok(group2.every((s) => s.productSku.licenseGroupId === "group2"));
    expectError(await api.call("GET", `/v1/customers/${cid()}/subscribedskus?licenseGroupIds=Group9`), 400, 2000);
  });

  it("assigns with excluded plans (201), uses one seat, and lists the user's plans minus the excluded ones", async () => {
    const user = await createUser("lic");
    const premium = sku("O365_BUSINESS_PREMIUM");
    const before = await skuJson("O365_BUSINESS_PREMIUM");
    const excluded = premium.servicePlans[0].id;
    const res = await update(user.id, {
      LicensesToAssign: [{ SkuId: premium.id, ExcludedPlans: [excluded] }],
      LicensesToRemove: null,
      Attributes: { ObjectType: "LicenseUpdate" },
    });
    assert.strictEqual(res.status, 201, JSON.stringify(res.data));
    assert.deepStrictEqual(res.data.licenseWarnings, []);
    assert.strictEqual(res.data.attributes.objectType, "LicenseUpdate");
    assert.strictEqual(res.data.licensesToAssign[0].skuId, premium.id);
    const after = await skuJson("O365_BUSINESS_PREMIUM");
    assert.strictEqual(after.consumedUnits, before.consumedUnits + 1);
    assert.strictEqual(after.availableUnits, before.availableUnits - 1);
    const licenses = await api.call("GET", `/v1/customers/${cid()}/users/${user.id}/licenses`);
    assert.strictEqual(licenses.data.totalCount, 1);
    const plans = licenses.data.items[0].servicePlans;
    assert.deepStrictEqual(
      plans.map((p: { id: string }) => p.id),
      premium.servicePlans.slice(1).map((p) => p.id),
    );
    assert.ok(plans.every((p: { capabilityStatus: string }) => p.capabilityStatus === "Assigned"));
    assert.deepStrictEqual(licenses.data.items[0].attributes, { objectType: "License" });
  });

  it("re-assigning an assigned SKU changes its excluded plans without using a seat", async () => {
    const user = await createUser("reassign");
    const premium = sku("O365_BUSINESS_PREMIUM");
    await update(user.id, { licensesToAssign: [{ skuId: premium.id, excludedPlans: [premium.servicePlans[0].id] }] });
    const before = await skuJson("O365_BUSINESS_PREMIUM");
    assert.strictEqual(
      (await update(user.id, { licensesToAssign: [{ skuId: premium.id, excludedPlans: [] }] })).status,
      201,
    );
    assert.strictEqual((await skuJson("O365_BUSINESS_PREMIUM")).consumedUnits, before.consumedUnits);
    const licenses = await api.call("GET", `/v1/customers/${cid()}/users/${user.id}/licenses`);
    assert.strictEqual(licenses.data.items[0].servicePlans.length, premium.servicePlans.length);
  });

  it("answers 400/60012 with the documented data when no seat is left", async () => {
    const pbi = await skuJson("POWER_BI_PRO");
    const users = [];
    for (let i = 0; i <= pbi.availableUnits; i++) users.push(await createUser(`pbi${i}`));
    for (const u of users.slice(0, pbi.availableUnits))
      assert.strictEqual((await update(u.id, { licensesToAssign: [{ skuId: pbi.productSku.id }] })).status, 201);
    const res = await update(users[users.length - 1].id, { licensesToAssign: [{ skuId: pbi.productSku.id }] });
    expectError(res, 400, 60012, /run out of licenses/);
    assert.deepStrictEqual(res.data.data, [
      `LicenseQuotaExceededException : Subscription with Account ${cid()} and SKU ${pbi.productSku.id} does not have any available licenses left.`,
    ]);
    assert.strictEqual((await skuJson("POWER_BI_PRO")).availableUnits, 0);
  });

  it("removes and assigns in one request; removal frees the seat", async () => {
    const user = await createUser("swap");
    const premium = sku("O365_BUSINESS_PREMIUM");
    const pbi = sku("POWER_BI_PRO");
    const pbiFree = (await skuJson("POWER_BI_PRO")).availableUnits;
    assert.ok(pbiFree >= 1, "seed leaves a Power BI seat");
    await update(user.id, { licensesToAssign: [{ skuId: pbi.id }] });
    const before = await skuJson("O365_BUSINESS_PREMIUM");
    const res = await update(user.id, { licensesToAssign: [{ skuId: premium.id }], licensesToRemove: [pbi.id] });
    assert.strictEqual(res.status, 201, JSON.stringify(res.data));
    assert.strictEqual((await skuJson("POWER_BI_PRO")).availableUnits, pbiFree);
    assert.strictEqual((await skuJson("O365_BUSINESS_PREMIUM")).consumedUnits, before.consumedUnits + 1);
    const licenses = await api.call("GET", `/v1/customers/${cid()}/users/${user.id}/licenses`);
    assert.deepStrictEqual(
      licenses.data.items.map((l: { productSku: { id: string } }) => l.productSku.id),
      [premium.id],
    );
  });

  it("accepts the user's UPN instead of its id", async () => {
    const user = await createUser("byupn");
    assert.strictEqual(
      (await update(user.userPrincipalName, { licensesToAssign: [{ skuId: sku("O365_BUSINESS_PREMIUM").id }] })).status,
      201,
    );
  });

  it("refuses invalid updates without changing anything", async () => {
    const user = await createUser("bad");
    const premium = sku("O365_BUSINESS_PREMIUM");
    const minecraft = api.customer(0).skus.find((s) => s.skuPartNumber === "MINECRAFT_EDU");
    const before = await skuJson("O365_BUSINESS_PREMIUM");
    expectError(
      await update(user.id, { licensesToAssign: [{ skuId: "00000000-0000-0000-0000-000000000000" }] }),
      400,
      60028,
    );
    expectError(
      await update(user.id, { licensesToAssign: [{ skuId: premium.id, excludedPlans: ["not-a-plan"] }] }),
      400,
      60029,
    );
    expectError(await update(user.id, { licensesToRemove: [premium.id] }), 400, 60030);
    expectError(await update(user.id, {}), 400, 2000, /nothing to assign or remove/);
    assert.ok(minecraft, "seed customer 0 has a group2 SKU");
    expectError(
      await update(user.id, { licensesToAssign: [{ skuId: premium.id }, { skuId: minecraft.id }] }),
      400,
      60027,
    );
    assert.strictEqual((await skuJson("O365_BUSINESS_PREMIUM")).consumedUnits, before.consumedUnits);
    assert.strictEqual((await api.call("GET", `/v1/customers/${cid()}/users/${user.id}/licenses`)).data.totalCount, 0);
  });

  it("a soft-deleted user's license holds no seat", async () => {
    const user = await createUser("seat");
    const premium = sku("O365_BUSINESS_PREMIUM");
    await update(user.id, { licensesToAssign: [{ skuId: premium.id }] });
    const assigned = await skuJson("O365_BUSINESS_PREMIUM");
    await api.call("DELETE", `/v1/customers/${cid()}/users/${user.id}`);
    assert.strictEqual((await skuJson("O365_BUSINESS_PREMIUM")).consumedUnits, assigned.consumedUnits - 1);
  });

  it("restoring a user whose seat was taken meanwhile drops that license instead of over-assigning", async () => {
    const pbi = sku("POWER_BI_PRO");
    const free = (await skuJson("POWER_BI_PRO")).availableUnits;
    const holders = [];
    for (let i = 0; i < free; i++) {
      const u = await createUser(`holder${i}`);
      assert.strictEqual((await update(u.id, { licensesToAssign: [{ skuId: pbi.id }] })).status, 201);
      holders.push(u);
    }
    await api.call("DELETE", `/v1/customers/${cid()}/users/${holders[0].id}`);
    const taker = await createUser("taker");
    assert.strictEqual((await update(taker.id, { licensesToAssign: [{ skuId: pbi.id }] })).status, 201);
    const restored = await api.call("PATCH", `/v1/customers/${cid()}/users/${holders[0].id}`, {
      body: { state: "active" },
    });
    assert.strictEqual(restored.status, 200);
    assert.strictEqual(
      (await api.call("GET", `/v1/customers/${cid()}/users/${holders[0].id}/licenses`)).data.totalCount,
      0,
    );
    const after = await skuJson("POWER_BI_PRO");
    assert.strictEqual(after.availableUnits, 0);
    assert.strictEqual(after.consumedUnits, after.totalUnits);
  });

  it("is App+User only", async () => {
    expectError(await api.call("GET", `/v1/customers/${cid()}/subscribedskus`, { as: "app" }), 403, 900329);
  });
});
