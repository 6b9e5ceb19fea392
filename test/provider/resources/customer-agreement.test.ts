import assert from "assert";
import { customerAgreement } from "../../../provider/resources/customer-agreement";
import { driver, inCloud, itThrowsOnFailedRead, type Driver } from "./customer-account-fixture";
import { startFixture, type Bag, type Fixture } from "./fixture";
import { UNKNOWN } from "../../../provider/resources/kit/unknown";

const T = "CustomerAgreement";

describe("resources/CustomerAgreement (against the emulator)", () => {
  let f: Fixture;
  let r: Driver;
  let n = 0;
  const contact = () => ({ firstName: "Ann", lastName: `Signer${++n}`, email: `ann${n}@contoso.example` });
  const agreements = async (customerId = f.customer.id) =>
    (await f.raw("GET", `/v1/customers/${customerId}/agreements?agreementType=MicrosoftCustomerAgreement`)).data
      .items as Bag[];
  const withEmail = async (email: string) =>
    (await agreements()).filter((a) => String((a.primaryContact as Bag).email).toLowerCase() === email.toLowerCase());

  before(async () => {
    f = await startFixture();
    r = driver(f, customerAgreement);
  });
  after(async () => f && (await f.close()));
  afterEach(async () => f.clearFaults());

  it("minimal create: the MCA template id is looked up; the confirmation is made with the contact", async () => {
    const c = contact();
    const { id, outs } = await r.provision({ customerId: f.customer.id, primaryContact: c });
    assert.strictEqual(id, `${f.customer.id.toLowerCase()}/${encodeURIComponent(c.email)}`);
    assert.strictEqual(outs.templateId, f.emu.seed.agreementTemplates.mca);
    assert.match(String(outs.confirmedDate), /^\d{4}-\d{2}-\d{2}T/);
    assert.strictEqual(outs.userId, f.partner.user.userId, "Partner Center adds the signed-in partner user");
    const found = await withEmail(c.email);
    assert.strictEqual(found.length, 1);
    assert.strictEqual(found[0].templateId, f.emu.seed.agreementTemplates.mca);
  });

  it("full create: phone number and the date agreed reach Partner Center", async () => {
    const c = { ...contact(), phoneNumber: "+1 425 555 0100" };
    const { outs } = await r.provision({
      customerId: f.customer.id,
      primaryContact: c,
      dateAgreed: "2026-01-15T00:00:00Z",
    });
    assert.strictEqual(new Date(String(outs.confirmedDate)).toISOString(), "2026-01-15T00:00:00.000Z");
    const [a] = await withEmail(c.email);
    assert.strictEqual((a.primaryContact as Bag).phoneNumber, "+1 425 555 0100");
  });

  it("every input change replaces (a confirmation cannot be edited); email case is no change", async () => {
    const { id, outs, inputs } = await r.provision({ customerId: f.customer.id, primaryContact: contact() });
    const pc = inputs.primaryContact as Bag;
    assert.strictEqual(
      (await r.diff(id, outs, { ...inputs, primaryContact: { ...pc, email: String(pc.email).toUpperCase() } })).changes,
      false,
    );
    assert.deepStrictEqual(
      (await r.diff(id, outs, { ...inputs, primaryContact: { ...pc, lastName: "Other" } })).replaces,
      ["primaryContact"],
    );
    assert.deepStrictEqual((await r.diff(id, outs, { ...inputs, dateAgreed: "2026-02-01" })).replaces, ["dateAgreed"]);
    const other = f.partner.customers.find((x) => x.id !== f.customer.id)!;
    assert.deepStrictEqual((await r.diff(id, outs, { ...inputs, customerId: other.id })).replaces, ["customerId"]);
  });

  it("adopt: an identical existing confirmation is taken over, not an error (no second confirmation)", async () => {
    const c = contact();
    const raw = await f.raw("POST", `/v1/customers/${f.customer.id}/agreements`, {
      primaryContact: c,
      templateId: f.emu.seed.agreementTemplates.mca,
      dateAgreed: "2026-01-02T00:00:00Z",
      type: "MicrosoftCustomerAgreement",
    });
    assert.strictEqual(raw.status, 201);
    const seq = await f.lastSeq();
    const { outs } = await r.provision({
      customerId: f.customer.id,
      primaryContact: { ...c, email: c.email.toUpperCase() },
    });
    assert.strictEqual(new Date(String(outs.confirmedDate)).toISOString(), "2026-01-02T00:00:00.000Z");
    assert.strictEqual((await withEmail(c.email)).length, 1);
    assert.deepStrictEqual(
      (await f.requests(seq)).filter((x) => x.method === "POST"),
      [],
    );
  });

  it("dateAgreed: a new date for the same contact is refused at check; adopting another date is refused; read shows it", async () => {
    const c = contact();
    const { id, outs, inputs } = await r.provision({
      customerId: f.customer.id,
      primaryContact: c,
      dateAgreed: "2026-01-31",
    });
    const { failures } = await r.check(inputs, { ...inputs, dateAgreed: "2026-02-01" });
    assert.deepStrictEqual(
      failures.map((x) => x.property),
      ["dateAgreed"],
    );
    assert.match(failures[0].reason, /cannot edit or withdraw a confirmation.*Fix: put back dateAgreed: "2026-01-31"/);
    assert.deepStrictEqual((await r.check(inputs, { ...inputs, dateAgreed: "2026-01-31T00:00:00Z" })).failures, []);
    assert.deepStrictEqual(
      (await r.check(inputs, { ...inputs, primaryContact: contact(), dateAgreed: "2026-02-01" })).failures,
      [],
      "another contact is a new confirmation",
    );
    assert.strictEqual((await r.diff(id, outs, { ...inputs, dateAgreed: "2026-01-31T00:00:00.000Z" })).changes, false);
    // State that says another date than Partner Center holds is drift on refresh.
    const { read, diff } = await r.refresh(id, { ...outs, dateAgreed: "2025-12-24" }, inputs);
    assert.strictEqual(new Date(String(read.props.dateAgreed)).toISOString(), "2026-01-31T00:00:00.000Z");
    assert.strictEqual(diff!.changes, false);
    assert.deepStrictEqual((await r.refresh(id, outs, { ...inputs, dateAgreed: "2025-12-24" })).diff!.replaces, [
      "dateAgreed",
    ]);
    // The same contact with another date: create would adopt the old confirmation, so it refuses instead.
    const seq = await f.lastSeq();
    await assert.rejects(
      r.provision({ customerId: f.customer.id, primaryContact: c, dateAgreed: "2026-03-01" }),
      (e: Error) => e.message.includes(T) && /already has a confirmation with this primaryContact/.test(e.message),
    );
    assert.strictEqual((await withEmail(c.email)).length, 1);
    assert.deepStrictEqual(
      (await f.requests(seq)).filter((x) => x.method === "POST"),
      [],
    );
  });

  it("a 600061 answer (confirmed concurrently) is adopted too", async () => {
    const c = contact();
    // The confirmation appears between the resource's look-up and its POST: the POST answers 409/600061.
    await f.faults({
      method: "POST",
      path: `/v1/customers/${f.customer.id}/agreements$`,
      applyThenFail: true,
      status: 409,
      code: "600061",
      description: "A partner confirmed agreement already exists for the customer.",
      times: 1,
    });
    const { outs } = await r.provision({ customerId: f.customer.id, primaryContact: c });
    assert.strictEqual(outs.templateId, f.emu.seed.agreementTemplates.mca);
    assert.strictEqual((await withEmail(c.email)).length, 1);
  });

  it("drift/gone: a confirmation that no longer exists (customer deleted) reads as an empty id; an existing one shows no change", async () => {
    const { id, outs, inputs } = await r.provision({ customerId: f.customer.id, primaryContact: contact() });
    assert.strictEqual((await r.refresh(id, outs, inputs)).diff!.changes, false);
    const created = await f.raw("POST", "/v1/customers", {
      companyProfile: { domain: `mca-gone-${Date.now()}.onmicrosoft.com` },
      billingProfile: {
        email: "b@example.com",
        culture: "en-US",
        language: "en",
        companyName: "MCA Gone",
        defaultAddress: { country: "US", city: "Redmond", addressLine1: "1 Way", postalCode: "98052" },
      },
    });
    const gone = await r.provision({ customerId: created.data.id, primaryContact: contact() });
    assert.strictEqual((await f.raw("DELETE", `/v1/customers/${created.data.id}`)).status, 204);
    assert.strictEqual((await r.read(gone.id, gone.outs)).id, "");
    assert.strictEqual(
      (await r.read(id, { ...outs, primaryContact: contact() })).id,
      "",
      "no confirmation with that contact",
    );
  });

  itThrowsOnFailedRead(() => f, customerAgreement, {
    provision: () => r.provision({ customerId: f.customer.id, primaryContact: contact() }),
    path: () => `/v1/customers/${f.customer.id}/agreements$`,
  });

  it("429 then 5xx-after-commit during create ends with exactly one confirmation", async () => {
    const c = contact();
    await f.faults([
      { method: "POST", path: `/v1/customers/${f.customer.id}/agreements$`, status: 429, retryAfter: 0, times: 1 },
      {
        method: "POST",
        path: `/v1/customers/${f.customer.id}/agreements$`,
        applyThenFail: true,
        status: 500,
        times: 1,
      },
    ]);
    await r.provision({ customerId: f.customer.id, primaryContact: c });
    assert.strictEqual((await withEmail(c.email)).length, 1);
  });

  it("delete leaves the confirmation and says so", async () => {
    const c = contact();
    const { id, outs } = await r.provision({ customerId: f.customer.id, primaryContact: c });
    f.warnings.length = 0;
    await r.delete(id, outs);
    assert.strictEqual((await withEmail(c.email)).length, 1);
    assert.ok(
      f.warnings.some((w) => w.includes(T) && /cannot be withdrawn/.test(w)),
      f.warnings.join("\n"),
    );
  });

  it("check: field-naming messages with the fix; preview unknowns pass", async () => {
    const res = await r.check(
      {},
      { customerId: "x", primaryContact: { firstName: "", email: "nope", phone: "1" }, dateAgreed: "yesterday" },
    );
    assert.deepStrictEqual(res.failures.map((x) => x.property).sort(), [
      "customerId",
      "dateAgreed",
      "primaryContact.email",
      "primaryContact.firstName",
      "primaryContact.lastName",
      "primaryContact.phone",
    ]);
    for (const x of res.failures) assert.ok(x.reason.includes(x.property) && x.reason.includes("Fix:"), x.reason);
    assert.deepStrictEqual((await r.check({}, { customerId: UNKNOWN, primaryContact: UNKNOWN })).failures, []);
  });

  it("check fails outside the global cloud, naming the cloud", async () => {
    for (const [cloud, label] of [
      ["usgov", /US Government cloud \(usgov\)/],
      ["china", /21Vianet cloud \(china\)/],
    ] as const) {
      const res = await inCloud(f, cloud, () => r.check({}, { customerId: f.customer.id, primaryContact: contact() }));
      assert.strictEqual(res.failures.length, 1, JSON.stringify(res.failures));
      assert.match(res.failures[0].reason, label);
      assert.match(res.failures[0].reason, /Fix:/);
    }
    assert.deepStrictEqual(
      (await inCloud(f, "global", () => r.check({}, { customerId: f.customer.id, primaryContact: contact() })))
        .failures,
      [],
    );
  });
});
