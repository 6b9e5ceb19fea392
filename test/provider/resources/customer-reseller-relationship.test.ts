// Customer deletionPolicy "removeResellerRelationship" through the runtime against the emulator: delete ends the
// relationship (the customer stays listed with "none"); an active Azure reservation refuses it with the fix and
// changes nothing; preview (diff) warns of it when the policy is set; App-only credentials fail at check; a refusal
// by Partner Center is reported with the fix.
import { strict as assert } from "assert";
import { randomUUID } from "crypto";
import { customer } from "../../../provider/resources/customer";
import { driver, type Driver } from "./customer-account-fixture";
import { configureRuntime, startFixture, type Bag, type Fixture } from "./fixture";

const POLICY = "removeResellerRelationship";

describe("resources/Customer deletionPolicy removeResellerRelationship (against the emulator)", () => {
  let f: Fixture;
  let r: Driver;
  let n = 0;
  const inputs = (extra: Bag = {}) => ({
    domain: `pulumi-unlink-${Date.now().toString(36)}-${++n}.onmicrosoft.com`,
    companyName: `Unlink ${n}`,
    email: "billing@example.com",
    defaultAddress: {
      country: "US",
      city: "Redmond",
      addressLine1: "1 Microsoft Way",
      postalCode: "98052",
      state: "WA",
    },
    ...extra,
  });
  const relationship = async (id: string) => (await f.raw("GET", `/v1/customers/${id}`)).data.relationshipToPartner;
  const record = (id: string) => f.emu.store.findCustomer(id)!.customer;
  /** An active Azure reservation in the customer's subscriptions, as the emulator stores it. */
  const reserve = (id: string) => {
    const template = f.emu.store.findCustomer(f.customer.id)!.customer.subscriptions[0];
    assert.ok(template, "the seeded customer has a subscription to copy");
    const reservation = { ...template, id: randomUUID(), offerName: "Azure Reserved VM Instances", status: "active" };
    record(id).subscriptions.push(reservation);
    return reservation;
  };

  /** An active Reserved VM Instance: the seeded customer's reservation order and reservedInstance entitlement, copied. */
  const reserveVm = (id: string) => {
    const seeded = record(f.customer.id);
    const entitlement = seeded.entitlements.find((e) => e.entitlementType === "reservedInstance");
    assert.ok(entitlement, "the seeded customer has an Azure VM reservation to copy");
    const order = seeded.orders.find((o) => o.id === entitlement.referenceOrder.id)!;
    const copy = { ...entitlement, referenceOrder: { ...entitlement.referenceOrder, id: randomUUID() } };
    record(id).orders.push({ ...order, id: copy.referenceOrder.id, referenceCustomerId: id });
    record(id).entitlements.push(copy);
    return { entitlement: copy, friendlyName: order.lineItems[0].friendlyName };
  };

  before(async () => {
    f = await startFixture();
    r = driver(f, customer);
  });
  after(async () => f && (await f.close()));
  afterEach(async () => {
    f.warnings.length = 0;
    await f.clearFaults();
  });

  it("delete removes the reseller relationship, keeps the customer listed and says so; again it is a no-op", async () => {
    const { id, outs } = await r.provision(inputs({ deletionPolicy: POLICY }));
    assert.equal(outs.deletionPolicy, POLICY);
    assert.equal(await relationship(id), "reseller");
    await r.delete(id, outs);
    assert.equal(await relationship(id), "none");
    assert.ok(
      f.warnings.some((w) => w.includes(id) && /reseller relationship was removed/.test(w)),
      f.warnings.join("\n"),
    );
    f.warnings.length = 0;
    await r.delete(id, outs);
    assert.ok(f.warnings.some((w) => /no reseller relationship with this partner already/.test(w)));
  });

  it("an active Azure reservation refuses the delete with the fix and changes nothing; once cancelled it succeeds", async () => {
    const { id, outs } = await r.provision(inputs({ deletionPolicy: POLICY }));
    const reservation = reserve(id);
    const seq = await f.lastSeq();
    await assert.rejects(r.delete(id, outs), (e: Error) => {
      assert.match(e.message, new RegExp(`Customer ${String(outs.domain)} \\(${id}\\): delete \\(remove the reseller`));
      assert.match(e.message, /1 active Azure reservation subscription\(s\) \(Azure Reserved VM Instances\)/);
      assert.match(e.message, /Fix: cancel them through Azure support, then delete again/);
      assert.match(e.message, /deletionPolicy: "retain"/);
      return true;
    });
    const writes = (await f.requests(seq)).filter((q) => q.method === "PATCH");
    assert.deepEqual(writes, [], "no removal was attempted");
    assert.equal(await relationship(id), "reseller");
    reservation.status = "cancelled";
    await r.delete(id, outs);
    assert.equal(await relationship(id), "none");
  });

  it("an active Reserved VM Instance (entitlement) refuses the delete naming its order; once expired it succeeds", async () => {
    const { id, outs } = await r.provision(inputs({ deletionPolicy: POLICY }));
    const { entitlement, friendlyName } = reserveVm(id);
    const seq = await f.lastSeq();
    await assert.rejects(r.delete(id, outs), (e: Error) => {
      assert.match(e.message, new RegExp(`Customer ${String(outs.domain)} \\(${id}\\): delete \\(remove the reseller`));
      assert.ok(
        e.message.includes(
          `1 active Azure Reserved VM Instance(s) ("${friendlyName}", order ${entitlement.referenceOrder.id}, expires ${entitlement.expiryDate})`,
        ),
        e.message,
      );
      assert.match(
        e.message,
        /Fix: cancel them through Azure support, then delete again \(the customer stays in the stack/,
      );
      assert.match(e.message, /deletionPolicy: "retain"/);
      return true;
    });
    const writes = (await f.requests(seq)).filter((q) => q.method === "PATCH");
    assert.deepEqual(writes, [], "no removal was attempted");
    assert.equal(await relationship(id), "reseller");
    entitlement.expiryDate = new Date(Date.now() - 60_000).toISOString();
    await r.delete(id, outs);
    assert.equal(await relationship(id), "none");
  });

  it("preview (diff) of the policy warns of an active Reserved VM Instance (entitlement) with the fix", async () => {
    const { id, outs, inputs: stored } = await r.provision(inputs());
    const { entitlement } = reserveVm(id);
    await r.diff(id, outs, { ...stored, deletionPolicy: POLICY });
    assert.ok(
      f.warnings.some(
        (w) =>
          w.includes(id) &&
          w.includes(`1 active Azure Reserved VM Instance(s) (`) &&
          w.includes(`order ${entitlement.referenceOrder.id}`) &&
          /will be refused until they are cancelled/.test(w) &&
          /Fix: cancel them through Azure support/.test(w),
      ),
      f.warnings.join("\n"),
    );
  });

  it("preview (diff) of a change to the policy warns of an active reservation with the fix; without one it is quiet", async () => {
    const { id, outs, inputs: stored } = await r.provision(inputs());
    const news = { ...stored, deletionPolicy: POLICY };
    assert.deepEqual(await r.diff(id, outs, news), { changes: true, replaces: [] });
    assert.equal(f.warnings.length, 0, f.warnings.join("\n"));
    reserve(id);
    assert.deepEqual(await r.diff(id, outs, news), { changes: true, replaces: [] });
    assert.ok(
      f.warnings.some(
        (w) =>
          w.includes(id) &&
          /1 active Azure reservation subscription\(s\)/.test(w) &&
          /will be refused until they are cancelled/.test(w) &&
          /Fix: cancel them through Azure support/.test(w),
      ),
      f.warnings.join("\n"),
    );
    f.warnings.length = 0;
    await r.diff(id, { ...outs, deletionPolicy: POLICY }, news);
    assert.deepEqual(f.warnings, [], "an unchanged policy is not checked again");
    const seq = await f.lastSeq();
    await r.diff(id, outs, { ...stored, companyName: "Renamed" });
    assert.deepEqual(await f.requests(seq), [], "other changes make no call at preview");
  });

  it("check refuses the policy with App-only credentials, naming the field and the fix", async () => {
    const saved = process.env.PARTNERCENTER_REFRESH_TOKEN;
    delete process.env.PARTNERCENTER_REFRESH_TOKEN;
    await configureRuntime(f.emu, { "partnercenter:refreshToken": undefined } as never);
    try {
      const { failures } = await r.check({}, inputs({ deletionPolicy: POLICY }));
      assert.deepEqual(
        failures.map((x) => x.property),
        ["deletionPolicy"],
      );
      assert.match(failures[0].reason, /needs App\+User credentials.*Fix: set partnercenter:refreshToken/);
      assert.deepEqual((await r.check({}, inputs({ deletionPolicy: "retain" }))).failures, []);
    } finally {
      if (saved !== undefined) process.env.PARTNERCENTER_REFRESH_TOKEN = saved;
      await configureRuntime(f.emu);
    }
  });

  for (const [status, fix] of [
    [409, /refuses the removal while an Azure Reserved VM Instance is active.*Fix: cancel them/],
    [403, /must hold the partner's Admin agent role. Fix:/],
  ] as const) {
    it(`a ${status} from Partner Center on the removal is reported with its fix, the relationship unchanged`, async () => {
      const { id, outs } = await r.provision(inputs({ deletionPolicy: POLICY }));
      await configureRuntime(f.emu, { "partnercenter:maxRetries": "0" });
      await f.faults({ method: "PATCH", path: `^/v1/customers/${id}$`, status, code: "2000", description: "injected" });
      try {
        await assert.rejects(r.delete(id, outs), (e: Error) => {
          assert.match(e.message, new RegExp(`HTTP ${status}`));
          assert.match(e.message, fix);
          assert.match(e.message, /request id [0-9a-f-]{36}/);
          return true;
        });
      } finally {
        await configureRuntime(f.emu);
      }
      assert.equal(await relationship(id), "reseller");
    });
  }
});
