import assert from "assert";
import { customer } from "../../../provider/resources/customer";
import { driver, inCloud, itThrowsOnFailedRead, type Driver } from "./customer-account-fixture";
import { startFixture, type Bag, type Fixture } from "./fixture";
import { UNKNOWN } from "../../../provider/resources/kit/unknown";

describe("resources/Customer (against the emulator)", () => {
  let f: Fixture;
  let r: Driver;
  let n = 0;
  const domain = () => `pulumi-cust-${Date.now().toString(36)}-${++n}.onmicrosoft.com`;
  const address = { country: "US", city: "Redmond", addressLine1: "1 Microsoft Way", postalCode: "98052", state: "WA" };
  const minimal = () => ({
    domain: domain(),
    companyName: `Company ${n}`,
    email: "billing@example.com",
    defaultAddress: address,
  });
  const remote = async (id: string) => f.raw("GET", `/v1/customers/${id}`);
  const withDomain = async (d: string) =>
    ((await f.raw("GET", "/v1/customers?size=500")).data.items as Bag[]).filter(
      (c) => String((c.companyProfile as Bag).domain).toLowerCase() === d.toLowerCase(),
    );

  before(async () => {
    f = await startFixture();
    r = driver(f, customer);
  });
  after(async () => f && (await f.close()));
  afterEach(async () => f.clearFaults());

  it("minimal create: a new tenant; outputs customerId, domain and the generated admin credentials", async () => {
    const inputs = minimal();
    const { id, outs } = await r.provision(inputs);
    assert.match(id, /^[0-9a-f-]{36}$/);
    assert.strictEqual(outs.customerId, id);
    assert.strictEqual(outs.domain, inputs.domain);
    assert.deepStrictEqual([outs.culture, outs.language, outs.deletionPolicy], ["en-US", "en", "retain"]);
    assert.strictEqual(outs.adminUserName, "admin");
    assert.match(String(outs.adminPassword), /.{12,}/);
    const c = (await remote(id)).data;
    assert.deepStrictEqual(
      [c.companyProfile.domain, c.billingProfile.companyName, c.billingProfile.email],
      [inputs.domain, inputs.companyName, inputs.email],
    );
  });

  it("full create: registration number and phone where the country needs them; names and culture reach Partner Center", async () => {
    const inputs = {
      ...minimal(),
      culture: "hi-IN",
      language: "HI",
      firstName: "Asha",
      lastName: "Rao",
      organizationRegistrationNumber: "U72200PN2020PTC123456",
      defaultAddress: {
        country: "in",
        city: "Pune",
        addressLine1: "1 MG Road",
        postalCode: "411001",
        region: "Maharashtra",
        phoneNumber: "+91 20 0000 0000",
      },
    };
    const { id, outs } = await r.provision(inputs);
    assert.strictEqual((outs.defaultAddress as Bag).country, "IN");
    const c = (await remote(id)).data;
    assert.strictEqual(c.companyProfile.organizationRegistrationNumber, "U72200PN2020PTC123456");
    assert.deepStrictEqual(
      [c.billingProfile.culture, c.billingProfile.language, c.billingProfile.firstName, c.billingProfile.lastName],
      ["hi-IN", "hi", "Asha", "Rao"],
    );
    assert.strictEqual(c.billingProfile.defaultAddress.phoneNumber, "+91 20 0000 0000");
  });

  it("billing fields update in place (same customer, credentials kept); domain and registration number replace", async () => {
    const { id, outs, inputs } = await r.provision(minimal());
    const news = (
      await r.check(outs, {
        ...inputs,
        companyName: "Renamed Ltd",
        email: "new@example.com",
        defaultAddress: { ...address, city: "Seattle" },
      })
    ).inputs;
    const d = await r.diff(id, outs, news);
    assert.deepStrictEqual([d.changes, d.replaces], [true, []]);
    const { outs: after } = await r.update(id, outs, news);
    assert.deepStrictEqual(
      [after.customerId, after.adminUserName, after.adminPassword],
      [outs.customerId, outs.adminUserName, outs.adminPassword],
    );
    const c = (await remote(id)).data;
    assert.deepStrictEqual(
      [c.billingProfile.companyName, c.billingProfile.email, c.billingProfile.defaultAddress.city],
      ["Renamed Ltd", "new@example.com", "Seattle"],
    );
    assert.strictEqual((await r.diff(id, after, news)).changes, false);
    assert.strictEqual(
      (await r.diff(id, after, { ...news, domain: String(news.domain).toUpperCase() })).changes,
      false,
    );
    assert.deepStrictEqual((await r.diff(id, after, { ...news, domain: domain() })).replaces, ["domain"]);
    assert.deepStrictEqual((await r.diff(id, after, { ...news, organizationRegistrationNumber: "X1234" })).replaces, [
      "organizationRegistrationNumber",
    ]);
    assert.deepStrictEqual((await r.diff(id, after, { ...news, deletionPolicy: "delete" })).replaces, []);
  });

  it("a new registration number for the same domain is refused at check (it would adopt the old customer)", async () => {
    const india = {
      country: "IN",
      city: "Pune",
      addressLine1: "1 MG Road",
      postalCode: "411001",
      phoneNumber: "+91 20 1234",
    };
    const inputs = (
      await r.check(
        {},
        { ...minimal(), defaultAddress: india, organizationRegistrationNumber: "U72200PN2020PTC123456" },
      )
    ).inputs;
    const news = { ...inputs, organizationRegistrationNumber: "U72200PN2020PTC999999" };
    const { failures } = await r.check(inputs, news);
    assert.deepStrictEqual(
      failures.map((x) => x.property),
      ["organizationRegistrationNumber"],
    );
    assert.match(
      failures[0].reason,
      /no API to update the company profile.*Fix: put back organizationRegistrationNumber: "U72200PN2020PTC123456"/,
    );
    assert.deepStrictEqual((await r.check(inputs, { ...news, domain: domain() })).failures, [], "a new tenant");
    assert.deepStrictEqual((await r.check(inputs, { ...inputs, companyName: "Renamed" })).failures, []);
  });

  it("adopt: the partner's customer with this domain is taken over only with adopt: true; a foreign domain is refused", async () => {
    const seed = f.customer;
    const inputs = { ...minimal(), domain: seed.domain, companyName: seed.companyName };
    await assert.rejects(
      r.provision(inputs),
      (e: Error) => e.message.includes(seed.domain) && /adopt: true/.test(e.message) && e.message.includes(seed.id),
    );
    const { id, outs } = await r.provision({ ...inputs, adopt: true });
    assert.strictEqual(id, seed.id.toLowerCase());
    assert.strictEqual(outs.adminPassword, undefined, "an adopted customer has no known admin password");
    assert.strictEqual(
      (await remote(seed.id)).data.billingProfile.email,
      inputs.email,
      "billing fields brought to the wanted values",
    );
    const foreign = f.emu.seed.partners[1].customers[0].domain;
    await assert.rejects(r.provision({ ...minimal(), domain: foreign, adopt: true }), /not your customer.*Fix:/);
  });

  it("drift: a billing field changed behind Pulumi's back shows; repaired by update", async () => {
    const { id, outs, inputs } = await r.provision(minimal());
    assert.strictEqual((await r.refresh(id, outs, inputs)).diff!.changes, false);
    const p = (await f.raw("GET", `/v1/customers/${id}/profiles/billing`)).data;
    assert.strictEqual(
      (await f.raw("PUT", `/v1/customers/${id}/profiles/billing`, { ...p, companyName: "Portal Name" })).status,
      200,
    );
    const { read, diff } = await r.refresh(id, outs, inputs);
    assert.strictEqual(read.props.companyName, "Portal Name");
    assert.strictEqual(read.props.adminPassword, outs.adminPassword, "refresh keeps the credentials");
    assert.deepStrictEqual([diff!.changes, diff!.replaces], [true, []]);
    await r.update(id, read.props, inputs);
    assert.strictEqual((await remote(id)).data.billingProfile.companyName, inputs.companyName);
  });

  it("gone: a deleted customer reads as an empty id", async () => {
    const { id, outs } = await r.provision(minimal());
    assert.strictEqual((await f.raw("DELETE", `/v1/customers/${id}`)).status, 204);
    assert.strictEqual((await r.read(id, outs)).id, "");
  });

  itThrowsOnFailedRead(() => f, customer, {
    provision: () => r.provision(minimal()),
    path: (id) => `/v1/customers/${id}$`,
    description: (outs) => `injected, echoing ${outs.adminPassword}`,
    also: (message, outs) =>
      assert.ok(!message.includes(String(outs.adminPassword)) && message.includes("[redacted]"), message),
  });

  it("429 then 5xx-after-commit during create ends with exactly one customer, credentials known", async () => {
    const inputs = minimal();
    await f.faults([
      { method: "POST", path: "^/v1/customers$", status: 429, retryAfter: 0, times: 1 },
      { method: "POST", path: "^/v1/customers$", applyThenFail: true, status: 500, times: 1 },
    ]);
    const { id, outs } = await r.provision(inputs);
    const found = await withDomain(inputs.domain);
    assert.deepStrictEqual(
      found.map((c) => String(c.id).toLowerCase()),
      [id],
    );
    assert.ok(outs.adminPassword, "the replayed answer carries the credentials");
  });

  it('delete keeps the customer by default and says so; deletionPolicy "delete" deletes a sandbox customer', async () => {
    const kept = await r.provision(minimal());
    f.warnings.length = 0;
    await r.delete(kept.id, kept.outs);
    assert.strictEqual((await remote(kept.id)).status, 200);
    assert.ok(
      f.warnings.some(
        (w) => w.includes(String(kept.inputs.domain)) && /kept because deletionPolicy is "retain"/.test(w),
      ),
      f.warnings.join("\n"),
    );
    const gone = await r.provision({ ...minimal(), deletionPolicy: "delete" });
    await r.delete(gone.id, gone.outs);
    assert.strictEqual((await f.raw("GET", `/v1/customers/${gone.id}`).catch((e) => e.response ?? e)).status, 404);
    await r.delete(gone.id, gone.outs); // already gone is not an error
  });

  it('deletionPolicy "delete" on a customer outside the sandbox fails with the reason and the fix', async () => {
    const { id, outs } = await r.provision({
      ...minimal(),
      domain: f.customer.domain,
      adopt: true,
      deletionPolicy: "delete",
    });
    await assert.rejects(
      r.delete(id, outs),
      (e: Error) =>
        /HTTP 403/.test(e.message) &&
        /integration sandbox/.test(e.message) &&
        /deletionPolicy: "retain"/.test(e.message),
    );
    assert.strictEqual((await remote(id)).status, 200);
  });

  it("check: a missing address says what to write; an address country must be an ISO 3166-1 alpha-2 code", async () => {
    const noAddress: Bag = { ...minimal() };
    delete noAddress.defaultAddress;
    assert.deepStrictEqual(
      (await r.check({}, noAddress)).failures.map((x) => x.reason),
      [
        'defaultAddress is required. Fix: give the postal address, e.g. defaultAddress: { country: US, city: Redmond, addressLine1: 1 Microsoft Way, postalCode: "98052" }',
      ],
    );
    const country = async (c: string) =>
      (await r.check({}, { ...minimal(), defaultAddress: { ...address, country: c } })).failures.map((x) => x.reason);
    assert.match((await country("ZZ")).join(), /defaultAddress\.country ZZ is not an ISO 3166-1 alpha-2 country code/);
    assert.match((await country("UK")).join(), /the current one is GB/);
    assert.deepStrictEqual(await country("us"), []);
  });

  it("check: field-naming messages, the per-country registration number and phone rules, preview unknowns", async () => {
    const res = await r.check(
      {},
      {
        domain: "not a domain",
        companyName: "",
        email: "x",
        defaultAddress: { country: "US" },
        deletionPolicy: "softDelete",
        adpot: true,
      },
    );
    assert.deepStrictEqual(res.failures.map((x) => x.property).sort(), [
      "adpot",
      "companyName",
      "defaultAddress.addressLine1",
      "defaultAddress.city",
      "deletionPolicy",
      "domain",
      "email",
    ]);
    for (const x of res.failures) assert.ok(x.reason.includes(x.property) && x.reason.includes("Fix:"), x.reason);
    const brazil = await r.check({}, { ...minimal(), defaultAddress: { ...address, country: "BR" } });
    assert.deepStrictEqual(brazil.failures.map((x) => x.property).sort(), [
      "defaultAddress.phoneNumber",
      "organizationRegistrationNumber",
    ]);
    assert.ok(
      brazil.failures.every((x) => x.reason.includes("BR")),
      JSON.stringify(brazil.failures),
    );
    const us = await r.check({}, { ...minimal(), organizationRegistrationNumber: "12345" });
    assert.deepStrictEqual(
      us.failures.map((x) => x.property),
      ["organizationRegistrationNumber"],
    );
    assert.match(us.failures[0].reason, /not used for customers in US.*600002.*Fix:/);
    assert.deepStrictEqual(
      (await r.check({}, { ...minimal(), domain: UNKNOWN, companyName: UNKNOWN, defaultAddress: UNKNOWN })).failures,
      [],
    );
  });

  it("can be created in every cloud (no documented limit), so check passes in china and usgov", async () => {
    for (const cloud of ["china", "usgov"])
      assert.deepStrictEqual((await inCloud(f, cloud, () => r.check({}, minimal()))).failures, []);
  });
});
