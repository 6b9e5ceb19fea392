import assert from "assert";
import { customerBillingProfile } from "../../../provider/resources/customer-billing-profile";
import { driver, inCloud, itThrowsOnFailedRead, type Driver } from "./customer-account-fixture";
import { startFixture, type Bag, type Fixture } from "./fixture";
import { UNKNOWN } from "../../../provider/resources/kit/unknown";

const T = "CustomerBillingProfile";

describe("resources/CustomerBillingProfile (against the emulator)", () => {
  let f: Fixture;
  let r: Driver;
  const path = (customerId = f.customer.id) => `/v1/customers/${customerId}/profiles/billing`;
  const remote = async (customerId = f.customer.id) =>
    (await f.raw("GET", path(customerId))).data as Bag & { defaultAddress: Bag };
  /** Changes the profile behind Pulumi's back (GET, edit, PUT with the etag). */
  const rawEdit = async (edit: (p: Bag & { defaultAddress: Bag }) => void, customerId = f.customer.id) => {
    const p = await remote(customerId);
    edit(p);
    const res = await f.raw("PUT", path(customerId), p);
    assert.strictEqual(res.status, 200, JSON.stringify(res.data));
  };
  const puts = async (seq: number) =>
    (await f.requests(seq)).filter((x) => x.method === "PUT" && x.path.endsWith("/profiles/billing"));

  before(async () => {
    f = await startFixture();
    r = driver(f, customerBillingProfile);
  });
  after(async () => f && (await f.close()));
  afterEach(async () => f.clearFaults());

  it("minimal create manages one field; id is the customer id; billingProfileId is the profile's id", async () => {
    const before = await remote();
    const { id, outs } = await r.provision({ customerId: f.customer.id, companyName: "Minimal Co" });
    assert.strictEqual(id, f.customer.id.toLowerCase());
    const after = await remote();
    assert.strictEqual(outs.billingProfileId, after.id);
    assert.strictEqual(after.companyName, "Minimal Co");
    assert.strictEqual(after.email, before.email, "unmanaged fields keep their remote value");
    assert.deepStrictEqual(after.defaultAddress, before.defaultAddress);
  });

  it("full create: every field and address line reaches Partner Center, normalised", async () => {
    const inputs = {
      customerId: f.customer.id,
      email: "Billing@Example.com",
      culture: "EN-gb",
      language: "EN",
      companyName: "Full Co Ltd",
      firstName: "Bea",
      lastName: "Biller",
      defaultAddress: {
        country: "gb",
        city: "London",
        addressLine1: "1 Strand",
        addressLine2: "Floor 2",
        postalCode: "WC2N 5HR",
        region: "Greater London",
        phoneNumber: "+44 20 0000 0000",
      },
    };
    const { outs } = await r.provision(inputs);
    assert.strictEqual(outs.culture, "en-GB");
    assert.strictEqual((outs.defaultAddress as Bag).country, "GB");
    const p = await remote();
    assert.deepStrictEqual(
      [p.email, p.culture, p.language, p.companyName, p.firstName, p.lastName],
      ["Billing@Example.com", "en-GB", "en", "Full Co Ltd", "Bea", "Biller"],
    );
    assert.deepStrictEqual(
      [
        p.defaultAddress.country,
        p.defaultAddress.city,
        p.defaultAddress.addressLine1,
        p.defaultAddress.addressLine2,
        p.defaultAddress.postalCode,
        p.defaultAddress.region,
        p.defaultAddress.phoneNumber,
      ],
      ["GB", "London", "1 Strand", "Floor 2", "WC2N 5HR", "Greater London", "+44 20 0000 0000"],
    );
  });

  it("a field change updates in place (same profile id); case of email/culture is no change; a new customerId replaces", async () => {
    const { id, outs, inputs } = await r.provision({
      customerId: f.customer.id,
      companyName: "Before Co",
      email: "a@example.com",
    });
    const news = (await r.check(outs, { ...inputs, companyName: "After Co", defaultAddress: { city: "Seattle" } }))
      .inputs;
    const d = await r.diff(id, outs, news);
    assert.deepStrictEqual([d.changes, d.replaces], [true, []]);
    const { outs: after } = await r.update(id, outs, news);
    assert.strictEqual(after.billingProfileId, outs.billingProfileId);
    const p = await remote();
    assert.deepStrictEqual([p.companyName, p.defaultAddress.city], ["After Co", "Seattle"]);
    assert.strictEqual((await r.diff(id, after, news)).changes, false);
    assert.strictEqual((await r.diff(id, after, { ...news, email: "A@EXAMPLE.COM" })).changes, false);
    const other = f.partner.customers.find((c) => c.id !== f.customer.id)!;
    assert.deepStrictEqual((await r.diff(id, after, { ...news, customerId: other.id })).replaces, ["customerId"]);
  });

  it("adopt: a profile that already has the wanted values is taken over without a write", async () => {
    const p = await remote();
    const seq = await f.lastSeq();
    const { outs } = await r.provision({ customerId: f.customer.id, companyName: p.companyName, email: p.email });
    assert.strictEqual(outs.billingProfileId, p.id);
    assert.deepStrictEqual(await puts(seq), []);
  });

  it("drift: a managed field changed behind Pulumi's back shows; an unmanaged one does not", async () => {
    const { id, outs, inputs } = await r.provision({
      customerId: f.customer.id,
      companyName: "Drift Co",
      defaultAddress: { city: "Redmond" },
    });
    assert.strictEqual((await r.refresh(id, outs, inputs)).diff!.changes, false);
    await rawEdit((p) => {
      p.lastName = "Unmanaged";
      p.defaultAddress.postalCode = "99999";
    });
    assert.strictEqual((await r.refresh(id, outs, inputs)).diff!.changes, false);
    await rawEdit((p) => {
      p.companyName = "Portal Co";
      p.defaultAddress.city = "Bellevue";
    });
    const { read, diff } = await r.refresh(id, outs, inputs);
    assert.strictEqual(read.props.companyName, "Portal Co");
    assert.strictEqual((read.props.defaultAddress as Bag).city, "Bellevue");
    assert.deepStrictEqual([diff!.changes, diff!.replaces], [true, []]);
    await r.update(id, read.props, inputs);
    assert.strictEqual((await remote()).companyName, "Drift Co");
  });

  it("gone: a customer that no longer exists reads as an empty id", async () => {
    const created = await f.raw("POST", "/v1/customers", {
      companyProfile: { domain: `profile-gone-${Date.now()}.onmicrosoft.com` },
      billingProfile: {
        email: "b@example.com",
        culture: "en-US",
        language: "en",
        companyName: "Profile Gone",
        defaultAddress: { country: "US", city: "Redmond", addressLine1: "1 Way", postalCode: "98052" },
      },
    });
    assert.strictEqual(created.status, 201);
    const { id, outs } = await r.provision({ customerId: created.data.id, companyName: "Soon Gone" });
    assert.strictEqual((await f.raw("DELETE", `/v1/customers/${created.data.id}`)).status, 204);
    assert.strictEqual((await r.read(id, outs)).id, "");
  });

  itThrowsOnFailedRead(() => f, customerBillingProfile, {
    provision: () => r.provision({ customerId: f.customer.id, companyName: "Faulty Co" }),
    path: () => path(),
  });

  it("429 then 5xx-after-commit during create ends with the profile written once", async () => {
    await r.provision({ customerId: f.customer.id, companyName: "Before Faults" });
    const seq = await f.lastSeq();
    await f.faults([
      { method: "PUT", path: `${path()}$`, status: 429, retryAfter: 0, times: 1 },
      { method: "PUT", path: `${path()}$`, applyThenFail: true, status: 500, times: 1 },
    ]);
    await r.provision({ customerId: f.customer.id, companyName: "After Faults" });
    assert.strictEqual((await remote()).companyName, "After Faults");
    const ok = (await puts(seq)).filter((x) => x.status === 200);
    assert.strictEqual(ok.length, 1, JSON.stringify(await puts(seq)));
  });

  it("a stale ETag (400/2055) is re-read and retried", async () => {
    const { id, outs, inputs } = await r.provision({ customerId: f.customer.id, companyName: "Etag Co" });
    await f.faults({
      method: "PUT",
      path: `${path()}$`,
      status: 400,
      code: "2055",
      description: "Etag is no longer valid.",
      times: 1,
    });
    const news = { ...inputs, companyName: "Etag Co 2" };
    await r.update(id, outs, news);
    assert.strictEqual((await remote()).companyName, "Etag Co 2");
  });

  it("delete leaves the profile as it is and says so", async () => {
    const { id, outs } = await r.provision({ customerId: f.customer.id, companyName: "Kept Co" });
    f.warnings.length = 0;
    const seq = await f.lastSeq();
    await r.delete(id, outs);
    assert.strictEqual((await remote()).companyName, "Kept Co");
    assert.deepStrictEqual(await puts(seq), []);
    assert.ok(
      f.warnings.some((w) => w.includes(T) && /cannot be removed/.test(w)),
      f.warnings.join("\n"),
    );
  });

  it("check: every problem names the field and the fix; country rules; preview unknowns pass", async () => {
    const res = await r.check(
      {},
      {
        customerId: "nope",
        email: "not-an-email",
        culture: "english",
        language: "eng",
        companyNmae: "x",
        defaultAddress: { country: "USA" },
      },
    );
    assert.deepStrictEqual(res.failures.map((x) => x.property).sort(), [
      "companyNmae",
      "culture",
      "customerId",
      "defaultAddress.country",
      "email",
      "language",
    ]);
    for (const x of res.failures) assert.ok(x.reason.includes(x.property) && x.reason.includes("Fix:"), x.reason);
    const india = await r.check(
      {},
      { customerId: f.customer.id, defaultAddress: { country: "IN", city: "Pune", addressLine1: "1 Road" } },
    );
    assert.deepStrictEqual(
      india.failures.map((x) => x.property),
      ["defaultAddress.phoneNumber"],
    );
    assert.match(india.failures[0].reason, /IN.*600051.*Fix:/);
    assert.deepStrictEqual(
      (
        await r.check(
          {},
          { customerId: f.customer.id, defaultAddress: { country: "IN", phoneNumber: "+91 20 0000 0000" } },
        )
      ).failures,
      [],
    );
    assert.deepStrictEqual(
      (await r.check({}, { customerId: UNKNOWN, companyName: UNKNOWN, defaultAddress: UNKNOWN })).failures,
      [],
    );
  });

  it("is offered in every cloud (no documented limit), so check passes in china and usgov", async () => {
    for (const cloud of ["china", "usgov"]) {
      assert.deepStrictEqual(
        (await inCloud(f, cloud, () => r.check({}, { customerId: f.customer.id, companyName: "Any" }))).failures,
        [],
      );
    }
  });
});
