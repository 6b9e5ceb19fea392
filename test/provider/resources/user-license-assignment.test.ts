import assert from "assert";
import {
  apiCallsSince,
  callsByRoute,
  configureRuntime,
  provision,
  rawUser,
  refresh,
  runtime,
  useFixtureWithShortWaits,
  type Bag,
  type Fixture,
} from "./fixture";
import type { ShortWaits } from "./kit/short-waits";

const T = "UserLicenseAssignment";

describe("resources/UserLicenseAssignment (against the emulator)", () => {
  let f: Fixture;
  const premium = () => f.customer.skus.find((s) => s.skuPartNumber === "O365_BUSINESS_PREMIUM")!;
  const single = () => f.customer.skus.find((s) => s.skuPartNumber === "POWER_BI_PRO")!;
  const licensesOf = async (userId: string) =>
    (await f.raw("GET", `/v1/customers/${f.customer.id}/users/${userId}/licenses`)).data.items as Array<{
      productSku: { id: string };
      servicePlans: Array<{ id: string; serviceName: string }>;
    }>;
  const consumed = async (skuId: string) =>
    ((await f.raw("GET", `/v1/customers/${f.customer.id}/subscribedskus`)).data.items as Bag[]).find(
      (s) => (s.productSku as { id: string }).id === skuId,
    )!.consumedUnits as number;

  let waits: ShortWaits;

  useFixtureWithShortWaits((fixture, w) => {
    f = fixture;
    waits = w;
  });

  it("minimal create by part number assigns every plan", async () => {
    const u = await rawUser(f, "lic-min");
    const sku = premium();
    const { id, outs } = await provision(T, {
      customerId: f.customer.id,
      userId: u.id,
      skuPartNumber: "o365_business_premium",
    });
    assert.strictEqual(id, `${f.customer.id}/${u.id}/${sku.id}`.toLowerCase());
    assert.strictEqual(outs.skuId, sku.id);
    assert.deepStrictEqual(outs.assignedPlans, sku.servicePlans.map((p) => p.serviceName).sort());
    assert.deepStrictEqual(outs.excludedPlans, []);
    assert.strictEqual((await licensesOf(u.id)).length, 1);
  });

  it("creates share the customer's SKU list: one load, then each user's own license list and the assignment", async () => {
    const users = [await rawUser(f, "lic-many1"), await rawUser(f, "lic-many2"), await rawUser(f, "lic-many3")];
    await configureRuntime(f.emu);
    const seq = await f.lastSeq();
    const made: Array<{ id: string; outs: Bag }> = [];
    for (const u of users)
      made.push(
        await provision(T, { customerId: f.customer.id, userId: u.id, skuPartNumber: "O365_BUSINESS_PREMIUM" }),
      );
    assert.deepStrictEqual(await callsByRoute(f, seq), [
      "GET /v1/customers/{id}/subscribedskus x1",
      "GET /v1/customers/{id}/users/{id}/licenses x3",
      "POST /v1/customers/{id}/users/{id}/licenseupdates x3",
    ]);
    for (const m of made) await runtime.delete(T, m.id, m.outs); // the seats go back for the tests below
  });

  it("full create by skuId with excluded plans by id and by name; excluded plans update in place", async () => {
    const u = await rawUser(f, "lic-full");
    const sku = premium();
    const [p1, p2, p3] = sku.servicePlans;
    const { id, outs, inputs } = await provision(T, {
      customerId: f.customer.id,
      userId: u.id,
      skuId: sku.id,
      excludedPlans: [p1.id, p2.serviceName],
      adopt: false,
    });
    let plans = (await licensesOf(u.id))[0].servicePlans.map((p) => p.id);
    assert.ok(!plans.includes(p1.id) && !plans.includes(p2.id) && plans.includes(p3.id));
    assert.ok(!(outs.assignedPlans as string[]).includes(p1.serviceName));

    assert.strictEqual(
      (
        await runtime.diff(T, id, outs, {
          ...inputs,
          excludedPlans: [p2.serviceName.toLowerCase(), p1.id.toUpperCase()],
        })
      ).changes,
      false,
    );
    const news = { ...inputs, excludedPlans: [p3.serviceName] };
    const d = await runtime.diff(T, id, outs, news);
    assert.deepStrictEqual([d.changes, d.replaces], [true, []]);
    const before = await consumed(sku.id);
    const { outs: after } = await runtime.update(T, id, outs, news);
    plans = (await licensesOf(u.id))[0].servicePlans.map((p) => p.id);
    assert.ok(plans.includes(p1.id) && plans.includes(p2.id) && !plans.includes(p3.id));
    assert.strictEqual(await consumed(sku.id), before);
    assert.strictEqual((await runtime.diff(T, id, after, news)).changes, false);
  });

  it("a different SKU, user or customer replaces", async () => {
    const u = await rawUser(f, "lic-repl");
    const { id, outs, inputs } = await provision(T, {
      customerId: f.customer.id,
      userId: u.id,
      skuPartNumber: "O365_BUSINESS_PREMIUM",
    });
    assert.deepStrictEqual((await runtime.diff(T, id, outs, { ...inputs, skuPartNumber: "POWER_BI_PRO" })).replaces, [
      "skuPartNumber",
    ]);
    const { skuPartNumber: _s, ...noPart } = inputs;
    assert.deepStrictEqual((await runtime.diff(T, id, outs, { ...noPart, skuId: single().id })).replaces, ["skuId"]);
    assert.strictEqual((await runtime.diff(T, id, outs, { ...noPart, skuId: premium().id })).changes, false);
    assert.deepStrictEqual(
      (await runtime.diff(T, id, outs, { ...inputs, userId: "00000000-0000-0000-0000-000000000002" })).replaces,
      ["userId"],
    );
    const other = f.partner.customers.find((c) => c.id !== f.customer.id)!;
    assert.deepStrictEqual((await runtime.diff(T, id, outs, { ...inputs, customerId: other.id })).replaces, [
      "customerId",
    ]);
  });

  it("adopt: a license the user already has is an error without adopt and taken over (exclusions applied) with it", async () => {
    const u = await rawUser(f, "lic-adopt");
    const sku = premium();
    assert.strictEqual(
      (
        await f.raw("POST", `/v1/customers/${f.customer.id}/users/${u.id}/licenseupdates`, {
          licensesToAssign: [{ skuId: sku.id }],
        })
      ).status,
      201,
    );
    await assert.rejects(provision(T, { customerId: f.customer.id, userId: u.id, skuId: sku.id }), /adopt: true/);
    const { outs } = await provision(T, {
      customerId: f.customer.id,
      userId: u.id,
      skuId: sku.id,
      excludedPlans: [sku.servicePlans[0].serviceName],
      adopt: true,
    });
    assert.deepStrictEqual(outs.excludedPlans, [sku.servicePlans[0].serviceName]);
    assert.ok(!(await licensesOf(u.id))[0].servicePlans.some((p) => p.id === sku.servicePlans[0].id));
  });

  it("drift in excluded plans shows in read and diff; a license removed behind Pulumi's back reads as gone", async () => {
    const u = await rawUser(f, "lic-drift");
    const sku = premium();
    const { id, outs, inputs } = await provision(T, {
      customerId: f.customer.id,
      userId: u.id,
      skuPartNumber: sku.skuPartNumber,
      excludedPlans: [sku.servicePlans[0].serviceName],
    });
    await configureRuntime(f.emu);
    assert.strictEqual((await refresh(T, id, outs, inputs)).diff!.changes, false);
    await f.raw("POST", `/v1/customers/${f.customer.id}/users/${u.id}/licenseupdates`, {
      licensesToAssign: [{ skuId: sku.id, excludedPlans: [sku.servicePlans[1].id] }],
    });
    await configureRuntime(f.emu);
    const drift = await refresh(T, id, outs, inputs);
    assert.deepStrictEqual(drift.read.props.excludedPlans, [sku.servicePlans[1].id]);
    assert.strictEqual(drift.diff!.changes, true);
    await f.raw("POST", `/v1/customers/${f.customer.id}/users/${u.id}/licenseupdates`, { licensesToRemove: [sku.id] });
    await configureRuntime(f.emu);
    waits.clear();
    assert.strictEqual((await runtime.read(T, id, outs)).id, "");
    assert.deepStrictEqual(
      waits.confirmGone.slept,
      waits.confirmGone.delaysMs,
      "gone only after the whole bounded wait",
    );
  });

  it("eventual consistency: a license given right after the user's create, while the user is not yet visible, is assigned in one go", async () => {
    await configureRuntime(f.emu);
    await f.api.post("/_emulator/config", { eventualConsistencyReads: 2 });
    const user = await provision("CustomerUser", {
      customerId: f.customer.id,
      userPrincipalName: `fresh-lic-${Date.now()}@${f.customer.domain}`,
      displayName: "Fresh License",
      usageLocation: "US",
    });
    const userId = String(user.outs.userId);
    await configureRuntime(f.emu); // the next run: a user this process did not create is looked up first
    const sku = premium();
    const before = await consumed(sku.id);
    // Partner Center may also answer 404 for the new user on its license list and on the assignment itself.
    await f.faults([
      {
        method: "GET",
        path: `/users/${userId}/licenses$`,
        status: 404,
        code: "60002",
        description: `User object ID ${userId} isn't found.`,
        times: 1,
      },
      {
        method: "POST",
        path: `/users/${userId}/licenseupdates$`,
        status: 404,
        code: "60002",
        description: `User object ID ${userId} isn't found.`,
        times: 2,
      },
    ]);
    const { id, outs } = await provision(T, { customerId: f.customer.id, userId, skuPartNumber: sku.skuPartNumber });
    assert.strictEqual(outs.skuId, sku.id);
    assert.deepStrictEqual(
      (await licensesOf(userId)).map((l) => l.productSku.id),
      [sku.id],
    );
    assert.strictEqual(await consumed(sku.id), before + 1, "exactly one seat");
    assert.deepStrictEqual(
      waits.dependentWrite.slept,
      [5, 5, 10, 20, 40],
      "one wait on the license list, two on the assignment's injected 404s, two on the user's replication lag",
    );
    assert.strictEqual((await runtime.read(T, id, outs)).id, id);
  });

  it("eventual consistency: a read whose license list answers 404 once (user not yet replicated) keeps the license", async () => {
    const u = await rawUser(f, "lic-lag");
    const { id, outs } = await provision(T, {
      customerId: f.customer.id,
      userId: u.id,
      skuPartNumber: "O365_BUSINESS_PREMIUM",
    });
    await configureRuntime(f.emu);
    waits.clear();
    await f.faults({ method: "GET", path: `/users/${u.id}/licenses$`, status: 404, code: "60002", times: 2 });
    const read = await runtime.read(T, id, outs);
    assert.strictEqual(read.id, id);
    assert.strictEqual(read.props.skuId, outs.skuId);
    assert.deepStrictEqual(waits.confirmGone.slept, [5], "the shared list 404ed, then one fresh 404 and a wait");
  });

  it("a userId that never becomes visible fails after the bounded wait, naming the fix, and uses no seat", async () => {
    const sku = premium();
    const before = await consumed(sku.id);
    const ghost = "0f0f0f0f-0000-4000-8000-00000000b0b0";
    await configureRuntime(f.emu);
    const seq = await f.lastSeq();
    await assert.rejects(provision(T, { customerId: f.customer.id, userId: ghost, skuId: sku.id }), (e: Error) => {
      assert.match(
        e.message,
        /UserLicenseAssignment .* create failed: .*still not found after waiting 0 s for directory replication\. Fix: give the userId of an active user .*CustomerUser\.userId/,
      );
      assert.match(e.message, /HTTP 404, Partner Center code 60002/);
      return true;
    });
    const lists = (await apiCallsSince(f, seq)).filter(
      (c) => c.method === "GET" && c.path.endsWith(`/users/${ghost}/licenses`),
    );
    assert.strictEqual(lists.length, waits.dependentWrite.delaysMs.length + 1);
    assert.strictEqual(await consumed(sku.id), before);
  });

  it("delete removes only this SKU and leaves the user's other licenses", async () => {
    const u = await rawUser(f, "lic-del");
    const a = await provision(T, { customerId: f.customer.id, userId: u.id, skuPartNumber: "O365_BUSINESS_PREMIUM" });
    assert.strictEqual(
      (
        await f.raw("POST", `/v1/customers/${f.customer.id}/users/${u.id}/licenseupdates`, {
          licensesToAssign: [{ skuId: single().id }],
        })
      ).status,
      201,
    );
    await runtime.delete(T, a.id, a.outs);
    assert.deepStrictEqual(
      (await licensesOf(u.id)).map((l) => l.productSku.id),
      [single().id],
    );
    await f.raw("POST", `/v1/customers/${f.customer.id}/users/${u.id}/licenseupdates`, {
      licensesToRemove: [single().id],
    });
  });

  it("no seat left: fails naming the SKU and its seat counts", async () => {
    const a = await rawUser(f, "seat-a");
    const b = await rawUser(f, "seat-b");
    const first = await provision(T, { customerId: f.customer.id, userId: a.id, skuPartNumber: "POWER_BI_PRO" });
    await assert.rejects(
      provision(T, { customerId: f.customer.id, userId: b.id, skuPartNumber: "POWER_BI_PRO" }),
      (e: Error) =>
        e.message.includes("POWER_BI_PRO") &&
        /1 total, 1 consumed, 0 available/.test(e.message) &&
        /Fix:/.test(e.message),
    );
    await runtime.delete(T, first.id, first.outs);
  });

  for (const status of [403, 500]) {
    it(`a ${status} on read throws instead of reporting the license gone`, async () => {
      const u = await rawUser(f, `lic-fault${status}`);
      const { id, outs } = await provision(T, {
        customerId: f.customer.id,
        userId: u.id,
        skuPartNumber: "O365_BUSINESS_PREMIUM",
      });
      await configureRuntime(f.emu, { "partnercenter:maxRetries": "0" });
      await f.faults({ method: "GET", path: "/licenses$", status, code: String(status) });
      await assert.rejects(
        runtime.read(T, id, outs),
        (e: Error) => e.message.includes(T) && e.message.includes(`HTTP ${status}`) && /request id/.test(e.message),
      );
    });
  }

  it("a 429 and then a 5xx after the assignment was applied end with exactly one seat used", async () => {
    const u = await rawUser(f, "lic-flaky");
    const sku = premium();
    const before = await consumed(sku.id);
    await configureRuntime(f.emu);
    await f.faults([
      { method: "POST", path: "/licenseupdates$", status: 429, retryAfter: 0, times: 1 },
      { method: "POST", path: "/licenseupdates$", applyThenFail: true, status: 500, times: 1 },
    ]);
    await provision(T, { customerId: f.customer.id, userId: u.id, skuId: sku.id });
    assert.strictEqual(await consumed(sku.id), before + 1);
    assert.strictEqual((await licensesOf(u.id)).length, 1);
  });

  it("unknown SKUs and plans fail with what to use; check names fields and fixes", async () => {
    const u = await rawUser(f, "lic-bad");
    await assert.rejects(
      provision(T, { customerId: f.customer.id, userId: u.id, skuPartNumber: "NOPE" }),
      (e: Error) => e.message.includes("O365_BUSINESS_PREMIUM") && /Fix:/.test(e.message),
    );
    await assert.rejects(
      provision(T, {
        customerId: f.customer.id,
        userId: u.id,
        skuPartNumber: "O365_BUSINESS_PREMIUM",
        excludedPlans: ["NOT_A_PLAN"],
      }),
      (e: Error) => e.message.includes("NOT_A_PLAN") && e.message.includes(premium().servicePlans[0].serviceName),
    );
    const r = await runtime.check(
      T,
      {},
      { customerId: f.customer.id, userId: u.id, skuId: "x", skuPartNumber: "y", excludedPlans: "all" },
    );
    assert.deepStrictEqual(r.failures.map((x) => x.property).sort(), [
      "excludedPlans",
      "skuId",
      "skuId",
      "skuPartNumber",
    ]);
    for (const x of r.failures) assert.ok(x.reason.includes(x.property) && x.reason.includes("Fix:"), x.reason);
  });
});
