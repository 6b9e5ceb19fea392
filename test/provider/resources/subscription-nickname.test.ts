import assert from "assert";
import { configureRuntime, provision, refresh, runtime, startFixture, type Fixture } from "./fixture";

const T = "SubscriptionNickname";

describe("resources/SubscriptionNickname (against the emulator)", () => {
  let f: Fixture;
  const subs = () => f.customer.subscriptions;
  const nicknameOf = async (subId: string) =>
    (await f.raw("GET", `/v1/customers/${f.customer.id}/subscriptions/${subId}`)).data.friendlyName as string;

  before(async () => (f = await startFixture()));
  after(async () => f && (await f.close()));
  afterEach(async () => f.clearFaults());

  it("create sets the nickname and remembers the original; delete puts it back", async () => {
    const s = subs()[0];
    const original = await nicknameOf(s.id);
    const { id, outs } = await provision(T, {
      customerId: f.customer.id,
      subscriptionId: s.id,
      nickname: "Sales seats",
    });
    assert.strictEqual(id, `${f.customer.id}/${s.id}`.toLowerCase());
    assert.strictEqual(outs.originalNickname, original);
    assert.strictEqual(await nicknameOf(s.id), "Sales seats");
    await runtime.delete(T, id, outs);
    assert.strictEqual(await nicknameOf(s.id), original);
  });

  it("full create with restoreOnDelete false leaves the nickname on delete", async () => {
    const s = subs()[0];
    const original = await nicknameOf(s.id);
    const { id, outs } = await provision(T, {
      customerId: f.customer.id,
      subscriptionId: s.id,
      nickname: "Kept name",
      restoreOnDelete: false,
    });
    await runtime.delete(T, id, outs);
    assert.strictEqual(await nicknameOf(s.id), "Kept name");
    await f.raw("PATCH", `/v1/customers/${f.customer.id}/subscriptions/${s.id}`, {
      ...(await f.raw("GET", `/v1/customers/${f.customer.id}/subscriptions/${s.id}`)).data,
      friendlyName: original,
    });
  });

  it("nickname updates in place; another subscription replaces; a stale ETag is re-read and retried", async () => {
    const s = subs()[0];
    const { id, outs, inputs } = await provision(T, {
      customerId: f.customer.id,
      subscriptionId: s.id,
      nickname: "One",
    });
    assert.deepStrictEqual(
      (
        await runtime.diff(T, id, outs, {
          ...inputs,
          subscriptionId: subs()[1]?.id ?? "00000000-0000-0000-0000-000000000003",
        })
      ).replaces,
      ["subscriptionId"],
    );
    const news = { ...inputs, nickname: "Two" };
    const d = await runtime.diff(T, id, outs, news);
    assert.deepStrictEqual([d.changes, d.replaces], [true, []]);
    await f.faults({
      method: "PATCH",
      path: `/subscriptions/${s.id}$`,
      status: 400,
      code: "2055",
      description: "Etag is no longer valid",
      times: 2,
    });
    const { outs: after } = await runtime.update(T, id, outs, news);
    assert.strictEqual(await nicknameOf(s.id), "Two");
    assert.strictEqual(after.originalNickname, outs.originalNickname);
    await f.faults({
      method: "PATCH",
      path: `/subscriptions/${s.id}$`,
      status: 400,
      code: "2055",
      description: "Etag is no longer valid",
      times: 3,
    });
    await assert.rejects(
      runtime.update(T, id, after, { ...news, nickname: "Three" }),
      (e: Error) => /2055/.test(e.message) && e.message.includes(T),
    );
    await f.clearFaults();
    await runtime.delete(T, id, after);
  });

  it("drift shows in read and diff; a renamed-outside nickname is not overwritten on delete (warned)", async () => {
    const s = subs()[0];
    const { id, outs, inputs } = await provision(T, {
      customerId: f.customer.id,
      subscriptionId: s.id,
      nickname: "Mine",
    });
    await configureRuntime(f.emu);
    assert.strictEqual((await refresh(T, id, outs, inputs)).diff!.changes, false);
    const current = (await f.raw("GET", `/v1/customers/${f.customer.id}/subscriptions/${s.id}`)).data;
    assert.strictEqual(
      (
        await f.raw("PATCH", `/v1/customers/${f.customer.id}/subscriptions/${s.id}`, {
          ...current,
          friendlyName: "Theirs",
        })
      ).status,
      200,
    );
    await configureRuntime(f.emu);
    const drift = await refresh(T, id, outs, inputs);
    assert.strictEqual(drift.read.props.nickname, "Theirs");
    assert.strictEqual(drift.diff!.changes, true);
    await runtime.delete(T, id, outs);
    assert.strictEqual(await nicknameOf(s.id), "Theirs");
    assert.ok(f.warnings.some((w) => w.includes("Theirs")));
  });

  it("gone: a subscription that no longer exists reads as an empty id", async () => {
    const s = subs()[0];
    const { id, outs } = await provision(T, { customerId: f.customer.id, subscriptionId: s.id, nickname: "Soon gone" });
    await configureRuntime(f.emu, { "partnercenter:maxRetries": "0" });
    await f.faults({
      method: "GET",
      path: "/subscriptions",
      status: 404,
      code: "20003",
      description: "Subscription not found",
    });
    assert.strictEqual((await runtime.read(T, id, outs)).id, "");
    await f.clearFaults();
    await runtime.delete(T, id, outs);
  });

  for (const status of [403, 500]) {
    it(`a ${status} on read throws instead of reporting the nickname gone`, async () => {
      const s = subs()[0];
      const { id, outs } = await provision(T, {
        customerId: f.customer.id,
        subscriptionId: s.id,
        nickname: `fault ${status}`,
      });
      await configureRuntime(f.emu, { "partnercenter:maxRetries": "0" });
      await f.faults({ method: "GET", path: "/subscriptions", status, code: String(status) });
      await assert.rejects(
        runtime.read(T, id, outs),
        (e: Error) => e.message.includes(T) && e.message.includes(`HTTP ${status}`) && /request id/.test(e.message),
      );
      await f.clearFaults();
      await runtime.delete(T, id, outs);
    });
  }

  it("429 and a 5xx after commit during create still end with the nickname set once", async () => {
    const s = subs()[0];
    await configureRuntime(f.emu);
    await f.faults([
      { method: "PATCH", path: `/subscriptions/${s.id}$`, status: 429, retryAfter: 0, times: 1 },
      { method: "PATCH", path: `/subscriptions/${s.id}$`, applyThenFail: true, status: 502, times: 1 },
    ]);
    const original = await nicknameOf(s.id);
    const { id, outs } = await provision(T, { customerId: f.customer.id, subscriptionId: s.id, nickname: "Resilient" });
    assert.strictEqual(await nicknameOf(s.id), "Resilient");
    assert.strictEqual(outs.originalNickname, original);
    await runtime.delete(T, id, outs);
    assert.strictEqual(await nicknameOf(s.id), original);
  });

  it("a create whose every answer is lost after the change was applied still tracks the original nickname", async () => {
    const s = subs()[0];
    const original = await nicknameOf(s.id);
    await configureRuntime(f.emu, { "partnercenter:maxRetries": "1" });
    await f.faults({ method: "PATCH", path: `/subscriptions/${s.id}$`, applyThenFail: true, status: 500, times: 20 });
    const { id, outs } = await provision(T, {
      customerId: f.customer.id,
      subscriptionId: s.id,
      nickname: "Lost answer",
    });
    assert.strictEqual(await nicknameOf(s.id), "Lost answer");
    assert.strictEqual(outs.originalNickname, original);
    await f.clearFaults();
    await runtime.delete(T, id, outs);
    assert.strictEqual(await nicknameOf(s.id), original);
  });

  it("a create rejected before anything changed fails and leaves the nickname as it was", async () => {
    const s = subs()[0];
    const original = await nicknameOf(s.id);
    await configureRuntime(f.emu, { "partnercenter:maxRetries": "0" });
    await f.faults({
      method: "PATCH",
      path: `/subscriptions/${s.id}$`,
      status: 400,
      code: "2000",
      description: "injected rejection",
    });
    await assert.rejects(
      provision(T, { customerId: f.customer.id, subscriptionId: s.id, nickname: "Rejected" }),
      (e: Error & { id?: string }) =>
        e.message.includes(T) && /injected rejection/.test(e.message) && e.id === undefined,
    );
    assert.strictEqual(await nicknameOf(s.id), original);
  });

  it("another customer replaces", async () => {
    const s = subs()[0];
    const { id, outs, inputs } = await provision(T, {
      customerId: f.customer.id,
      subscriptionId: s.id,
      nickname: "Replace me",
    });
    const other = f.partner.customers.find((c) => c.id !== f.customer.id)!;
    const d = await runtime.diff(T, id, outs, { ...inputs, customerId: other.id });
    assert.deepStrictEqual([d.changes, d.replaces], [true, ["customerId"]]);
    await runtime.delete(T, id, outs);
  });

  it("check: GUIDs and an empty nickname name the field and the fix", async () => {
    const r = await runtime.check(T, {}, { customerId: f.customer.id, subscriptionId: "sub-1", nickname: "  " });
    assert.deepStrictEqual(r.failures.map((x) => x.property).sort(), ["nickname", "subscriptionId"]);
    for (const x of r.failures) assert.ok(x.reason.includes(x.property) && x.reason.includes("Fix:"), x.reason);
  });

  it("check: a nickname over 100 characters is refused at preview (Partner Center refuses it)", async () => {
    const base = { customerId: f.customer.id, subscriptionId: f.customer.subscriptions[0].id };
    const long = await runtime.check(T, {}, { ...base, nickname: "n".repeat(101) });
    assert.deepStrictEqual(
      long.failures.map((x) => x.reason),
      ["nickname must be at most 100 characters. Fix: shorten the nickname"],
    );
    assert.deepStrictEqual((await runtime.check(T, {}, { ...base, nickname: "n".repeat(100) })).failures, []);
  });
});
