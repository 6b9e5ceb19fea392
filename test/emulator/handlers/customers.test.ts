import assert from "assert";
import { expectError, useEmulator } from "./apiFixture";

const newCustomer = (prefix: string, overrides: { country?: string; registration?: string; phone?: string } = {}) => ({
  CompanyProfile: {
    Domain: `${prefix}.onmicrosoft.com`,
    ...(overrides.registration ? { OrganizationRegistrationNumber: overrides.registration } : {}),
  },
  BillingProfile: {
    Email: "billing@example.com",
    Culture: "EN-US",
    Language: "en",
    CompanyName: `${prefix} Ltd`,
    DefaultAddress: {
      Country: overrides.country ?? "US",
      City: "Redmond",
      State: "WA",
      AddressLine1: "1 Microsoft Way",
      PostalCode: "98052",
      FirstName: "Ada",
      LastName: "Lovelace",
      ...(overrides.phone ? { PhoneNumber: overrides.phone } : {}),
    },
  },
  Attributes: { ObjectType: "Customer" },
});

describe("emulator handlers: customers", () => {
  const api = useEmulator();
  const f = (o: object) => encodeURIComponent(JSON.stringify(o));

  describe("list and search", () => {
    it("pages the partner's customers as summaries, following links.next", async () => {
      const all = api.emu.seed.partners[0].customers.map((c) => c.id);
      const seen: string[] = [];
      let res = await api.call("GET", "/v1/customers?size=1");
      for (;;) {
        assert.strictEqual(res.status, 200, JSON.stringify(res.data));
        assert.strictEqual(res.data.totalCount, res.data.items.length);
        for (const c of res.data.items) {
          assert.strictEqual(c.billingProfile, undefined);
          assert.strictEqual(c.allowDelegatedAccess, undefined);
          assert.strictEqual(c.customDomains, undefined);
          assert.deepStrictEqual(c.attributes, { objectType: "Customer" });
          assert.strictEqual(c.companyProfile.tenantId, c.id);
          seen.push(c.id);
        }
        if (!res.data.links.next) break;
        assert.strictEqual(res.data.links.next.uri, "/v1/customers?size=1&seekOperation=Next");
        res = await api.call("GET", res.data.links.next.uri, {
          headers: { "MS-ContinuationToken": res.data.continuationToken },
        });
      }
      assert.deepStrictEqual(seen, all);
    });

    it("never lists another partner's customers", async () => {
      const res = await api.call("GET", "/v1/customers");
      const other = new Set(api.emu.seed.partners[1].customers.map((c) => c.id));
      assert.ok(res.data.items.every((c: { id: string }) => !other.has(c.id)));
    });

    it("searches CompanyName with starts_with case-insensitively, and Domain with equals", async () => {
      const target = api.customer(1);
      const byName = await api.call(
        "GET",
        `/v1/customers?size=0&filter=${f({ Field: "CompanyName", Value: target.companyName.slice(0, 4).toUpperCase(), Operator: "starts_with" })}`,
      );
      assert.strictEqual(byName.status, 200);
      assert.ok(byName.data.items.some((c: { id: string }) => c.id === target.id));
      assert.ok(
        byName.data.items.every((c: { companyProfile: { companyName: string } }) =>
          c.companyProfile.companyName.toLowerCase().startsWith(target.companyName.slice(0, 4).toLowerCase()),
        ),
      );
      const byDomain = await api.call(
        "GET",
        `/v1/customers?filter=${f({ Field: "Domain", Value: target.domain.toUpperCase(), Operator: "equals" })}`,
      );
      assert.deepStrictEqual(
        byDomain.data.items.map((c: { id: string }) => c.id),
        [target.id],
      );
      const none = await api.call(
        "GET",
        `/v1/customers?filter=${f({ Field: "Domain", Value: target.domain.slice(0, 3), Operator: "equals" })}`,
      );
      assert.strictEqual(none.data.totalCount, 0);
    });

    it("refuses other operators and fields with 400/2000", async () => {
      expectError(
        await api.call("GET", `/v1/customers?filter=${f({ Field: "CompanyName", Value: "a", Operator: "substring" })}`),
        400,
        2000,
        /^Customer search only allows starts with and equals operation\.$/,
      );
      expectError(
        await api.call("GET", `/v1/customers?filter=${f({ Field: "Country", Value: "a", Operator: "starts_with" })}`),
        400,
        2000,
        /CompanyName, Domain/,
      );
      expectError(await api.call("GET", "/v1/customers?size=abc"), 400, 2000, /size/);
      expectError(
        await api.call("GET", "/v1/customers?seekOperation=Next", {
          headers: { "MS-ContinuationToken": "bm90LWEtdG9rZW4" },
        }),
        400,
        2000,
        /continuation token/,
      );
    });
  });

  describe("get", () => {
    it("returns the full customer with billing profile, custom domains and allowDelegatedAccess", async () => {
      const seeded = api.customer(0);
      const res = await api.call("GET", `/v1/customers/${seeded.id}`, { as: "app" });
      assert.strictEqual(res.status, 200);
      assert.strictEqual(res.data.id, seeded.id);
      assert.strictEqual(res.data.allowDelegatedAccess, true);
      assert.deepStrictEqual(res.data.customDomains, seeded.customDomains);
      assert.strictEqual(res.data.billingProfile.attributes.objectType, "CustomerBillingProfile");
      assert.ok(res.data.billingProfile.attributes.etag);
      assert.strictEqual(res.data.links.self.uri, `/customers/${seeded.id}`);
    });
  });

  describe("create", () => {
    it("creates a customer (201) with generated admin credentials, and the domain is then taken", async () => {
      const res = await api.call("POST", "/v1/customers", { as: "app", body: newCustomer("newco") });
      assert.strictEqual(res.status, 201, JSON.stringify(res.data));
      assert.strictEqual(res.data.userCredentials.userName, "admin");
      assert.ok(res.data.userCredentials.password.length >= 12);
      assert.strictEqual(res.data.companyProfile.domain, "newco.onmicrosoft.com");
      assert.strictEqual(res.data.billingProfile.culture, "en-US");
      assert.strictEqual(res.data.relationshipToPartner, "none");
      const got = await api.call("GET", `/v1/customers/${res.data.id}`);
      assert.strictEqual(got.status, 200);
      assert.strictEqual(got.data.userCredentials, undefined);
      assert.strictEqual((await api.call("HEAD", "/v1/domains/newco.onmicrosoft.com")).status, 200);
      expectError(await api.call("POST", "/v1/customers", { body: newCustomer("NEWCO") }), 409, 600014);
      const users = await api.call("GET", `/v1/customers/${res.data.id}/users`);
      assert.deepStrictEqual(
        users.data.items.map((u: { userPrincipalName: string }) => u.userPrincipalName),
        ["admin@newco.onmicrosoft.com"],
      );
    });

    it("applies the registration-number and phone rules (600049, 600050, 600051, 600002)", async () => {
      expectError(
        await api.call("POST", "/v1/customers", { body: newCustomer("in1", { country: "IN", phone: "+91 1234" }) }),
        400,
        600049,
      );
      expectError(
        await api.call("POST", "/v1/customers", {
          body: newCustomer("in2", { country: "IN", registration: "!", phone: "+91 1234" }),
        }),
        400,
        600050,
        /must match/,
      );
      expectError(
        await api.call("POST", "/v1/customers", {
          body: newCustomer("in3", { country: "IN", registration: "AAAPL1234C" }),
        }),
        400,
        600051,
      );
      expectError(
        await api.call("POST", "/v1/customers", { body: newCustomer("us1", { registration: "123456" }) }),
        400,
        600002,
      );
      assert.strictEqual(
        (
          await api.call("POST", "/v1/customers", {
            body: newCustomer("in4", { country: "IN", registration: "AAAPL1234C", phone: "+91 1234" }),
          })
        ).status,
        201,
      );
    });

    it("refuses a country that is not an ISO 3166-1 alpha-2 code with 400/2000 naming the field", async () => {
      for (const country of ["ZZ", "UK", "EU"]) {
        expectError(
          await api.call("POST", "/v1/customers", { body: newCustomer(`cc${country.toLowerCase()}`, { country }) }),
          400,
          2000,
          /'billingProfile\.defaultAddress\.country' must be an ISO 3166-1 alpha-2 country code/,
        );
      }
      const lower = await api.call("POST", "/v1/customers", { body: newCustomer("ccgb", { country: "gb" }) });
      assert.strictEqual(lower.status, 201, JSON.stringify(lower.data));
    });

    it("refuses a billing email without a dotted domain with 400/2000 naming the field", async () => {
      const body = newCustomer("dotless") as { BillingProfile: Record<string, unknown> };
      body.BillingProfile.Email = "billing@localhost";
      expectError(
        await api.call("POST", "/v1/customers", { body }),
        400,
        2000,
        /'billingProfile\.email' must be an email/,
      );
    });

    it("refuses a missing billing email with 400/2000 naming the field", async () => {
      const body = newCustomer("noemail") as { BillingProfile: Record<string, unknown> };
      delete body.BillingProfile.Email;
      expectError(await api.call("POST", "/v1/customers", { body }), 400, 2000, /billingProfile\.email/);
    });
  });

  describe("delete", () => {
    it("deletes an integration-sandbox customer (204) and refuses others with 403/600006", async () => {
      const created = await api.call("POST", "/v1/customers", { body: newCustomer("sandbox") });
      assert.strictEqual((await api.call("DELETE", `/v1/customers/${created.data.id}`)).status, 204);
      expectError(await api.call("GET", `/v1/customers/${created.data.id}`), 404, 60003);
      expectError(await api.call("DELETE", `/v1/customers/${api.customer(0).id}`), 403, 600006);
    });
  });

  describe("reseller relationship", () => {
    it("returns the relationship request URL for the partner (App+User only)", async () => {
      const res = await api.call("GET", "/v1/customers/relationshiprequests");
      assert.strictEqual(res.status, 200);
      assert.ok(res.data.url.includes(`partnerId=${api.emu.seed.partners[0].tenantId}`));
      assert.deepStrictEqual(res.data.attributes, { objectType: "RelationshipRequest" });
      expectError(await api.call("GET", "/v1/customers/relationshiprequests", { as: "app" }), 403, 900329);
    });

    it("removes the relationship with the documented PascalCase answer", async () => {
      const id = api.customer(2).id;
      const res = await api.call("PATCH", `/v1/customers/${id}`, {
        body: { relationshipToPartner: "none", attributes: { objectType: "Customer" } },
      });
      assert.strictEqual(res.status, 200);
      assert.deepStrictEqual(res.data, {
        Id: null,
        CommerceId: null,
        CompanyProfile: null,
        BillingProfile: null,
        RelationshipToPartner: "none",
        AllowDelegatedAccess: null,
        UserCredentials: null,
        CustomDomains: null,
        AssociatedPartnerId: null,
        Attributes: { ObjectType: "Customer" },
      });
      assert.strictEqual((await api.call("GET", `/v1/customers/${id}`)).data.relationshipToPartner, "none");
      expectError(
        await api.call("PATCH", `/v1/customers/${id}`, { body: { relationshipToPartner: "reseller" } }),
        400,
        2000,
      );
    });

    it("refuses the removal while an Azure Reserved VM Instance is active, naming its order and the fix, until it expires", async () => {
      const id = api.customer(0).id;
      const reservation = () =>
        api.emu.store.findCustomer(id)!.customer.entitlements.find((e) => e.entitlementType === "reservedInstance")!;
      const { expiryDate } = reservation();
      assert.ok(expiryDate, "the seeded reservation has an expiry date");
      const remove = () =>
        api.call("PATCH", `/v1/customers/${id}`, {
          body: { relationshipToPartner: "none", attributes: { objectType: "Customer" } },
        });
      const refusal = new RegExp(
        `active Azure Reserved VM Instances \\(orders ${reservation().referenceOrder.id}\\)\\. Cancel them through Azure support first`,
      );
      expectError(await remove(), 409, 2000, refusal);
      reservation().expiryDate = undefined;
      expectError(await remove(), 409, 2000, refusal);
      assert.strictEqual((await api.call("GET", `/v1/customers/${id}`)).data.relationshipToPartner, "reseller");

      reservation().expiryDate = expiryDate;
      await api.advanceClock(Date.parse(expiryDate) - Date.now() + 60_000);
      assert.strictEqual((await remove()).status, 200);
      assert.strictEqual((await api.call("GET", `/v1/customers/${id}`)).data.relationshipToPartner, "none");
    });
  });
});
