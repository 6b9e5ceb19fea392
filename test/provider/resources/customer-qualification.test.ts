import assert from "assert";
import { customerQualification } from "../../../provider/resources/customer-qualification";
import { driver, inCloud, itThrowsOnFailedRead, type Driver } from "./customer-account-fixture";
import { startFixture, type Bag, type Fixture } from "./fixture";
import { UNKNOWN } from "../../../provider/resources/kit/unknown";

const T = "CustomerQualification";

describe("resources/CustomerQualification (against the emulator)", () => {
  let f: Fixture;
  let r: Driver;
  let n = 0;
  const qualifications = async (customerId: string) =>
    (await f.raw("GET", `/v1/customers/${customerId}/qualifications`)).data as Bag[];
  /** A fresh sandbox customer (qualifications cannot be removed, so each test gets its own). */
  const newCustomer = async (): Promise<string> => {
    const res = await f.raw("POST", "/v1/customers", {
      companyProfile: { domain: `qual-${Date.now().toString(36)}-${++n}.onmicrosoft.com` },
      billingProfile: {
        email: "b@example.com",
        culture: "en-US",
        language: "en",
        companyName: `Qual ${n}`,
        defaultAddress: { country: "US", city: "Redmond", addressLine1: "1 Way", postalCode: "98052" },
      },
    });
    assert.strictEqual(res.status, 201);
    return res.data.id;
  };
  const code = () => f.emu.seed.validationCodes.find((v) => v.partnerId === f.partner.tenantId)!.validationId;

  before(async () => {
    f = await startFixture();
    r = driver(f, customerQualification);
  });
  after(async () => f && (await f.close()));
  afterEach(async () => f.clearFaults());

  it("minimal create: StateOwnedEntity (no vetting); id is customer/kind", async () => {
    const cid = await newCustomer();
    const { id, outs } = await r.provision({ customerId: cid, qualification: "StateOwnedEntity" });
    assert.strictEqual(id, `${cid.toLowerCase()}/StateOwnedEntity`);
    assert.strictEqual(outs.vettingStatus, undefined);
    assert.deepStrictEqual(
      (await qualifications(cid)).map((q) => q.qualification),
      ["StateOwnedEntity"],
    );
  });

  it("full create: Education with segment and website starts InReview; GCC with a validation code", async () => {
    const cid = await newCustomer();
    const edu = await r.provision({
      customerId: cid,
      qualification: "Education",
      educationSegment: "HigherEducation",
      website: "https://uni.example",
    });
    assert.strictEqual(edu.outs.vettingStatus, "InReview");
    assert.match(String(edu.outs.vettingCreateDate), /^\d{4}-\d{2}-\d{2}T/);
    const gcc = await r.provision({
      customerId: cid,
      qualification: "GovernmentCommunityCloud",
      validationCode: code(),
    });
    assert.strictEqual(gcc.outs.vettingStatus, "InReview");
    assert.deepStrictEqual((await qualifications(cid)).map((q) => q.qualification).sort(), [
      "Education",
      "GovernmentCommunityCloud",
    ]);
  });

  it("vetting progress is an output (refresh shows it) and never a diff", async () => {
    const cid = await newCustomer();
    const { id, outs, inputs } = await r.provision({
      customerId: cid,
      qualification: "Education",
      educationSegment: "K12",
    });
    await f.api.post("/_emulator/clock", { advanceMs: 11 * 60 * 1000 });
    const { read, diff } = await r.refresh(id, outs, inputs);
    assert.strictEqual(read.props.vettingStatus, "Approved");
    assert.strictEqual(diff!.changes, false);
  });

  it("a new customer or kind replaces (the same kind is deleted first); a customer id in another case is no change", async () => {
    const cid = await newCustomer();
    const { id, outs, inputs } = await r.provision({
      customerId: cid,
      qualification: "Education",
      educationSegment: "K12",
    });
    const kind = await r.diff(id, outs, { customerId: cid, qualification: "StateOwnedEntity" });
    assert.deepStrictEqual(
      [kind.replaces, kind.deleteBeforeReplace],
      [["qualification"], false],
      "a field left out is not managed",
    );
    assert.deepStrictEqual((await r.diff(id, outs, { ...inputs, customerId: f.customer.id })).replaces, ["customerId"]);
    assert.strictEqual((await r.diff(id, outs, { ...inputs, customerId: cid.toUpperCase() })).changes, false);
  });

  it("segment, website and code are submitted once: a new value is refused at check with the fix, never planned", async () => {
    const cid = await newCustomer();
    const { id, outs, inputs } = await r.provision({
      customerId: cid,
      qualification: "Education",
      educationSegment: "K12",
      website: "https://school.example",
    });
    for (const [key, value] of [
      ["educationSegment", "HigherEducation"],
      ["website", "https://other.example"],
    ] as const) {
      const news = { ...inputs, [key]: value };
      const { failures } = await r.check(inputs, news);
      assert.deepStrictEqual(
        failures.map((x) => x.property),
        [key],
      );
      assert.match(failures[0].reason, /no API to change or withdraw a qualification/);
      assert.match(failures[0].reason, new RegExp(`Fix: put back ${key}: "${String(inputs[key])}"`));
      assert.strictEqual((await r.diff(id, outs, news)).changes, false, "no replace that would adopt the old one");
    }
    const added = await r.check(
      { customerId: cid, qualification: "Education", educationSegment: "K12" },
      { customerId: cid, qualification: "Education", educationSegment: "K12", website: "https://late.example" },
    );
    assert.deepStrictEqual(
      added.failures.map((x) => x.property),
      ["website"],
    );
    assert.deepStrictEqual(
      (await r.check(inputs, { ...inputs, customerId: cid.toUpperCase(), website: "HTTPS://SCHOOL.EXAMPLE" })).failures,
      [],
      "the same values in another case are no change",
    );
    assert.deepStrictEqual(
      (await r.check(inputs, { customerId: cid, qualification: "StateOwnedEntity" })).failures,
      [],
      "another kind is a new request",
    );
    assert.deepStrictEqual(
      (await r.check(inputs, { ...inputs, customerId: f.customer.id, educationSegment: "HigherEducation" })).failures,
      [],
      "another customer is a new request",
    );
  });

  it("state holds only what Partner Center returns: no segment, website or code in the outputs or after a read", async () => {
    const cid = await newCustomer();
    const { id, outs, inputs } = await r.provision({
      customerId: cid,
      qualification: "Education",
      educationSegment: "HigherEducation",
      website: "https://uni.example",
    });
    for (const key of ["educationSegment", "website", "validationCode"])
      assert.ok(!(key in outs), `${key} is not in the outputs: ${JSON.stringify(outs)}`);
    assert.strictEqual(outs.qualification, "Education");
    const stale = { ...outs, educationSegment: "HigherEducation", website: "https://uni.example" };
    const { read, diff } = await r.refresh(id, stale, inputs);
    assert.ok(!("educationSegment" in read.props) && !("website" in read.props), JSON.stringify(read.props));
    assert.strictEqual(read.props.vettingStatus, "InReview");
    assert.strictEqual(diff!.changes, false);
  });

  it("adopt: an existing qualification of the same kind is taken over, not requested again", async () => {
    const cid = await newCustomer();
    assert.strictEqual(
      (await f.raw("POST", `/v1/customers/${cid}/qualifications`, { qualification: "StateOwnedEntity" })).status,
      201,
    );
    f.warnings.length = 0;
    const { id } = await r.provision({ customerId: cid, qualification: "StateOwnedEntity" });
    assert.strictEqual(id, `${cid.toLowerCase()}/StateOwnedEntity`);
    assert.strictEqual((await qualifications(cid)).length, 1);
    assert.ok(
      f.warnings.some((w) => /already has this qualification.*adopted/.test(w)),
      f.warnings.join("\n"),
    );
    await f.raw("POST", `/v1/customers/${cid}/qualifications`, { qualification: "Education", educationSegment: "K12" });
    f.warnings.length = 0;
    const edu = await r.provision({ customerId: cid, qualification: "Education", educationSegment: "HigherEducation" });
    assert.ok(!("educationSegment" in edu.outs), "state does not claim HigherEducation for the adopted K12 one");
    assert.ok(
      f.warnings.some((w) => /educationSegment stay what was first requested/.test(w)),
      f.warnings.join("\n"),
    );
  });

  it("gone: a customer without that qualification (or no customer) reads as an empty id", async () => {
    const cid = await newCustomer();
    const { id, outs } = await r.provision({ customerId: cid, qualification: "StateOwnedEntity" });
    assert.strictEqual(
      (await r.read(`${cid}/Education`, { ...outs, qualification: "Education", educationSegment: "K12" })).id,
      "",
    );
    assert.strictEqual((await f.raw("DELETE", `/v1/customers/${cid}`)).status, 204);
    assert.strictEqual((await r.read(id, outs)).id, "");
  });

  itThrowsOnFailedRead(() => f, customerQualification, {
    provision: async () => r.provision({ customerId: await newCustomer(), qualification: "StateOwnedEntity" }),
    path: (_id, outs) => `/v1/customers/${outs.customerId}/qualifications$`,
  });

  it("429 then 5xx-after-commit during create ends with exactly one qualification", async () => {
    const cid = await newCustomer();
    await f.faults([
      { method: "POST", path: `/v1/customers/${cid}/qualifications$`, status: 429, retryAfter: 0, times: 1 },
      { method: "POST", path: `/v1/customers/${cid}/qualifications$`, applyThenFail: true, status: 500, times: 1 },
    ]);
    const { outs } = await r.provision({ customerId: cid, qualification: "Education", educationSegment: "K12" });
    assert.strictEqual(outs.vettingStatus, "InReview");
    assert.deepStrictEqual(
      (await qualifications(cid)).map((q) => q.qualification),
      ["Education"],
    );
  });

  it("a validation code that is not the partner's fails create with Partner Center's reason", async () => {
    const cid = await newCustomer();
    await assert.rejects(
      r.provision({ customerId: cid, qualification: "GovernmentCommunityCloud", validationCode: "000000" }),
      (e: Error) => e.message.includes(T) && /000000/.test(e.message) && /HTTP 400/.test(e.message),
    );
    assert.deepStrictEqual(await qualifications(cid), []);
  });

  it("delete leaves the qualification and says so", async () => {
    const cid = await newCustomer();
    const { id, outs } = await r.provision({ customerId: cid, qualification: "StateOwnedEntity" });
    f.warnings.length = 0;
    await r.delete(id, outs);
    assert.strictEqual((await qualifications(cid)).length, 1);
    assert.ok(
      f.warnings.some((w) => w.includes(T) && /no way to remove a qualification/.test(w)),
      f.warnings.join("\n"),
    );
  });

  it("check: per-kind required and refused fields, named with the fix; preview unknowns pass", async () => {
    const c = f.customer.id;
    const fails = async (inputs: Bag) => (await r.check({}, inputs)).failures;
    const props = async (inputs: Bag) => (await fails(inputs)).map((x) => x.property).sort();
    assert.deepStrictEqual(await props({ customerId: c, qualification: "Education" }), ["educationSegment"]);
    assert.deepStrictEqual(
      await props({ customerId: c, qualification: "GovernmentCommunityCloud", website: "https://x.example" }),
      ["validationCode", "website"],
    );
    assert.deepStrictEqual(
      await props({ customerId: c, qualification: "StateOwnedEntity", educationSegment: "K12", validationCode: "1" }),
      ["educationSegment", "validationCode"],
    );
    assert.deepStrictEqual(
      await props({ customerId: "x", qualification: "Nonprofit", website: "uni.example", qualifcation: 1 }),
      ["customerId", "qualifcation", "qualification", "website"],
    );
    for (const x of await fails({ customerId: "x", qualification: "Education", educationSegment: "College" }))
      assert.ok(x.reason.includes(x.property) && x.reason.includes("Fix:"), x.reason);
    assert.deepStrictEqual(await fails({ customerId: UNKNOWN, qualification: UNKNOWN, educationSegment: UNKNOWN }), []);
  });

  it("has no documented cloud limit, so check passes in china and usgov", async () => {
    for (const cloud of ["china", "usgov"])
      assert.deepStrictEqual(
        (await inCloud(f, cloud, () => r.check({}, { customerId: f.customer.id, qualification: "StateOwnedEntity" })))
          .failures,
        [],
      );
  });
});
