import assert from "assert";
import { customerUsageBudget } from "../../../provider/resources/customer-usage-budget";
import { driver, inCloud, itThrowsOnFailedRead, type Driver } from "./customer-account-fixture";
import { startFixture, type Fixture } from "./fixture";
import { UNKNOWN } from "../../../provider/resources/kit/unknown";

describe("resources/CustomerUsageBudget (against the emulator)", () => {
  let f: Fixture;
  let r: Driver;
  const remoteAmount = async (customerId = f.customer.id) =>
    (await f.raw("GET", `/v1/customers/${customerId}/usagebudget`)).data.amount;

  before(async () => {
    f = await startFixture();
    r = driver(f, customerUsageBudget);
  });
  after(async () => f && (await f.close()));
  afterEach(async () => f.clearFaults());

  it("minimal create sets the amount; id is the customer id", async () => {
    const { id, outs } = await r.provision({ customerId: f.customer.id, amount: 250 });
    assert.strictEqual(id, f.customer.id.toLowerCase());
    assert.strictEqual(outs.hasBudget, true);
    assert.strictEqual(await remoteAmount(), 250);
  });

  it("create with the amount already set writes nothing (taking over a customer changes nothing)", async () => {
    await f.raw("PATCH", `/v1/customers/${f.customer.id}/usagebudget`, { amount: 321 });
    const seq = await f.lastSeq();
    const { outs } = await r.provision({ customerId: f.customer.id, amount: 321 });
    assert.strictEqual(outs.hasBudget, true);
    const calls = (await f.requests(seq)).filter((x) => x.path.endsWith("/usagebudget")).map((x) => x.method);
    assert.deepStrictEqual(calls, ["GET"]);
    await r.provision({ customerId: f.customer.id, amount: 322 });
    assert.strictEqual(await remoteAmount(), 322, "a different amount is still written");
  });

  it('"none" and null both mean no budget', async () => {
    await r.provision({ customerId: f.customer.id, amount: 100 });
    const { outs, inputs } = await r.provision({ customerId: f.customer.id, amount: null });
    assert.strictEqual(inputs.amount, "none");
    assert.strictEqual(outs.hasBudget, false);
    assert.strictEqual(await remoteAmount(), null);
    await r.provision({ customerId: f.customer.id, amount: 100 });
    await r.provision({ customerId: f.customer.id, amount: "none" });
    assert.strictEqual(await remoteAmount(), null);
  });

  it("a new amount updates in place; a new customerId replaces", async () => {
    const { id, outs } = await r.provision({ customerId: f.customer.id, amount: 100 });
    const news = (await r.check(outs, { customerId: f.customer.id, amount: 175.5 })).inputs;
    const d = await r.diff(id, outs, news);
    assert.deepStrictEqual([d.changes, d.replaces], [true, []]);
    const { outs: after } = await r.update(id, outs, news);
    assert.strictEqual(await remoteAmount(), 175.5);
    assert.strictEqual((await r.diff(id, after, news)).changes, false);
    const other = f.partner.customers.find((c) => c.id !== f.customer.id)!;
    assert.deepStrictEqual((await r.diff(id, after, { customerId: other.id, amount: 175.5 })).replaces, ["customerId"]);
    assert.strictEqual(
      (await r.diff(id, after, { customerId: f.customer.id.toUpperCase(), amount: 175.5 })).changes,
      false,
    );
  });

  it("adopt: an existing budget is simply taken over (there is always exactly one)", async () => {
    const other = f.partner.customers.find((c) => c.id !== f.customer.id)!;
    assert.strictEqual((await f.raw("PATCH", `/v1/customers/${other.id}/usagebudget`, { amount: 42 })).status, 200);
    const { outs } = await r.provision({ customerId: other.id, amount: 42 });
    assert.strictEqual(outs.hasBudget, true);
    assert.strictEqual(await remoteAmount(other.id), 42);
  });

  it("drift: a budget changed or removed behind Pulumi's back shows in read and diff", async () => {
    const { id, outs, inputs } = await r.provision({ customerId: f.customer.id, amount: 300 });
    assert.strictEqual((await r.refresh(id, outs, inputs)).diff!.changes, false);
    await f.raw("PATCH", `/v1/customers/${f.customer.id}/usagebudget`, { amount: 999 });
    let { read, diff } = await r.refresh(id, outs, inputs);
    assert.strictEqual(read.props.amount, 999);
    assert.strictEqual(diff!.changes, true);
    await f.raw("PATCH", `/v1/customers/${f.customer.id}/usagebudget`, { amount: null });
    ({ read, diff } = await r.refresh(id, outs, inputs));
    assert.deepStrictEqual([read.props.amount, read.props.hasBudget, diff!.changes], ["none", false, true]);
  });

  it("gone: a customer that no longer exists reads as an empty id", async () => {
    const created = await f.raw("POST", "/v1/customers", {
      companyProfile: { domain: `budget-gone-${Date.now()}.onmicrosoft.com` },
      billingProfile: {
        email: "b@example.com",
        culture: "en-US",
        language: "en",
        companyName: "Budget Gone",
        defaultAddress: { country: "US", city: "Redmond", addressLine1: "1 Way", postalCode: "98052" },
      },
    });
    assert.strictEqual(created.status, 201);
    const { id, outs } = await r.provision({ customerId: created.data.id, amount: 10 });
    assert.strictEqual((await f.raw("DELETE", `/v1/customers/${created.data.id}`)).status, 204);
    assert.strictEqual((await r.read(id, outs)).id, "");
    await r.delete(id, outs); // deleting what is gone is not an error
  });

  itThrowsOnFailedRead(() => f, customerUsageBudget, {
    provision: () => r.provision({ customerId: f.customer.id, amount: 5 }),
    path: () => `/v1/customers/${f.customer.id}/usagebudget`,
  });

  it("429 then 5xx-after-commit during create ends with the amount set once", async () => {
    const seq = await f.lastSeq();
    await f.faults([
      { method: "PATCH", path: `/v1/customers/${f.customer.id}/usagebudget$`, status: 429, retryAfter: 0, times: 1 },
      {
        method: "PATCH",
        path: `/v1/customers/${f.customer.id}/usagebudget$`,
        applyThenFail: true,
        status: 500,
        times: 1,
      },
    ]);
    await r.provision({ customerId: f.customer.id, amount: 77 });
    assert.strictEqual(await remoteAmount(), 77);
    const patches = (await f.requests(seq)).filter((x) => x.method === "PATCH" && x.path.endsWith("/usagebudget"));
    assert.strictEqual(patches.filter((x) => x.status === 200).length, 1, JSON.stringify(patches));
  });

  it("delete clears the budget", async () => {
    const { id, outs } = await r.provision({ customerId: f.customer.id, amount: 60 });
    await r.delete(id, outs);
    assert.strictEqual(await remoteAmount(), null);
  });

  it("check: every problem names the field and the fix; preview unknowns pass", async () => {
    const res = await r.check({}, { customerId: "nope", amount: -1, amonut: 3 });
    assert.deepStrictEqual(res.failures.map((x) => x.property).sort(), ["amonut", "amount", "customerId"]);
    for (const x of res.failures) assert.ok(x.reason.includes(x.property) && x.reason.includes("Fix:"), x.reason);
    assert.deepStrictEqual(
      (await r.check({}, { customerId: f.customer.id, amount: "lots" })).failures.map((x) => x.property),
      ["amount"],
    );
    assert.deepStrictEqual(
      (await r.check({}, { customerId: f.customer.id })).failures.map((x) => x.property),
      ["amount"],
    );
    assert.deepStrictEqual((await r.check({}, { customerId: UNKNOWN, amount: UNKNOWN })).failures, []);
  });

  it("check fails in the 21Vianet cloud, naming the cloud; usgov and global are fine", async () => {
    const china = await inCloud(f, "china", () => r.check({}, { customerId: f.customer.id, amount: 5 }));
    assert.strictEqual(china.failures.length, 1);
    assert.match(china.failures[0].reason, /21Vianet cloud \(china\)/);
    assert.match(china.failures[0].reason, /Fix:/);
    assert.deepStrictEqual(
      (await inCloud(f, "usgov", () => r.check({}, { customerId: f.customer.id, amount: 5 }))).failures,
      [],
    );
    assert.deepStrictEqual(
      (await inCloud(f, "global", () => r.check({}, { customerId: f.customer.id, amount: 5 }))).failures,
      [],
    );
  });
});
