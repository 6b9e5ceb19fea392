import assert from "assert";
import { expectError, useEmulator } from "./apiFixture";

describe("emulator handlers: profiles", () => {
  const api = useEmulator();
  const cid = () => api.customer(0).id;
  const billing = async () => {
    const res = await api.call("GET", `/v1/customers/${cid()}/profiles/billing`, { as: "app" });
    assert.strictEqual(res.status, 200);
    return res.data;
  };
  const put = (body: unknown, headers: Record<string, string> = {}) =>
    api.call("PUT", `/v1/customers/${cid()}/profiles/billing`, { as: "app", body, headers });

  it("gets the billing profile with an etag", async () => {
    const profile = await billing();
    assert.strictEqual(profile.attributes.objectType, "CustomerBillingProfile");
    assert.match(profile.attributes.etag, /^-?\d+$/);
    assert.strictEqual(profile.links.self.uri, `/v1/customers/${cid()}/profiles/billing`);
    assert.ok(profile.defaultAddress.country);
  });

  it("updates with a quoted If-Match etag and issues a new etag; the old one is then stale (400/2055)", async () => {
    const profile = await billing();
    const { attributes, ...body } = profile;
    const res = await put(
      { ...body, firstName: "Grace", culture: "EN-GB", language: "EN" },
      { "If-Match": `"${attributes.etag}"` },
    );
    assert.strictEqual(res.status, 200, JSON.stringify(res.data));
    assert.strictEqual(res.data.firstName, "Grace");
    assert.strictEqual(res.data.culture, "en-GB");
    assert.strictEqual(res.data.language, "en");
    assert.strictEqual(res.data.id, profile.id);
    assert.notStrictEqual(res.data.attributes.etag, attributes.etag);
    expectError(await put({ ...body, firstName: "Again" }, { "If-Match": `"${attributes.etag}"` }), 400, 2055);
    assert.strictEqual((await billing()).firstName, "Grace");
  });

  it("accepts the etag from the body alone (what the .NET SDK sends), PascalCase", async () => {
    const p = await billing();
    const res = await put({
      Id: p.id,
      FirstName: p.firstName,
      LastName: "Hopper",
      Email: p.email,
      Culture: p.culture,
      Language: p.language,
      CompanyName: p.companyName,
      DefaultAddress: {
        Country: p.defaultAddress.country,
        City: p.defaultAddress.city,
        AddressLine1: p.defaultAddress.addressLine1,
        PostalCode: p.defaultAddress.postalCode,
      },
      Attributes: { Etag: p.attributes.etag, ObjectType: "CustomerBillingProfile" },
    });
    assert.strictEqual(res.status, 200, JSON.stringify(res.data));
    assert.strictEqual(res.data.lastName, "Hopper");
  });

  it("refuses a missing etag with 400/2000 and a bad field naming it", async () => {
    const { attributes, ...body } = await billing();
    expectError(await put(body), 400, 2000, /If-Match/);
    expectError(await put({ ...body, email: "not-an-email" }, { "If-Match": attributes.etag }), 400, 2000, /'email'/);
  });

  it("gets the company profile (App+User only)", async () => {
    const res = await api.call("GET", `/v1/customers/${cid()}/profiles/company`);
    assert.strictEqual(res.status, 200);
    assert.strictEqual(res.data.tenantId, cid());
    assert.strictEqual(res.data.domain, api.customer(0).domain);
    assert.deepStrictEqual(res.data.attributes, { objectType: "CustomerCompanyProfile" });
    expectError(await api.call("GET", `/v1/customers/${cid()}/profiles/company`, { as: "app" }), 403, 900329);
  });
});
