import assert from "assert";
import { randomUUID } from "crypto";
import { collect, PartnerCenterError } from "../../../../provider/client";
import { clientFor, useEmulator } from "../emulatorClient";

describe("operations/customers against the emulator", () => {
  const ctx = useEmulator();

  for (const credential of ["secret", "certificate", "user"] as const) {
    it(`lists, searches and gets customers (${credential})`, async () => {
      const client = clientFor(ctx.emu, credential);
      const seeded = ctx.emu.seed.partners[0].customers;
      const listed = await collect(client.customers.list());
      assert.deepStrictEqual(listed.map((c) => c.id).sort(), seeded.map((c) => c.id).sort());
      const byName = await client.customers.search({
        field: "CompanyName",
        value: seeded[0].companyName.slice(0, 4).toLowerCase(),
      });
      assert.ok(byName.some((c) => c.id === seeded[0].id));
      const byDomain = await client.customers.search({ field: "Domain", value: seeded[1].domain });
      assert.deepStrictEqual(
        byDomain.map((c) => c.id),
        [seeded[1].id],
      );
      const one = await client.customers.get(seeded[0].id);
      assert.strictEqual(one.id, seeded[0].id);
      assert.strictEqual(one.companyProfile?.domain, seeded[0].domain);
    });
  }

  it("pages customers one at a time", async () => {
    const client = clientFor(ctx.emu, "secret");
    const items = await client.customers.list({ pageSize: 1 });
    assert.strictEqual(items.length, ctx.emu.seed.partners[0].customers.length);
  });

  it("checks domain availability", async () => {
    const client = clientFor(ctx.emu, "secret");
    assert.strictEqual(await client.customers.checkDomainAvailability(ctx.customer.domain), false);
    assert.strictEqual(
      await client.customers.checkDomainAvailability(`free${randomUUID().slice(0, 8)}.onmicrosoft.com`),
      true,
    );
  });

  it("creates and deletes a customer", async () => {
    const client = clientFor(ctx.emu, "secret");
    const domain = `newco${randomUUID().slice(0, 8)}.onmicrosoft.com`;
    const created = await client.customers.create({
      companyProfile: { domain },
      billingProfile: {
        email: "admin@newco.example",
        culture: "en-US",
        language: "en",
        companyName: "NewCo",
        defaultAddress: {
          addressLine1: "1 Main St",
          city: "Redmond",
          state: "WA",
          postalCode: "98052",
          country: "US",
          firstName: "Ann",
          lastName: "Lee",
          phoneNumber: "4255550100",
        },
      },
    });
    assert.strictEqual(created.companyProfile?.domain, domain);
    assert.ok(created.userCredentials?.userName);
    assert.strictEqual((await client.customers.get(created.id)).id, created.id);
    assert.strictEqual(await client.customers.checkDomainAvailability(domain), false);
    await client.customers.delete(created.id);
    await assert.rejects(
      client.customers.get(created.id),
      (e: unknown) => e instanceof PartnerCenterError && e.status === 404,
    );
  });

  it("gets the relationship request URL and removes a reseller relationship (App+User)", async () => {
    const client = clientFor(ctx.emu, "user");
    assert.match(await client.customers.getRelationshipRequestUrl(), /^https:\/\//);
    const removed = await client.customers.removeResellerRelationship(ctx.emu.seed.partners[0].customers[2].id);
    assert.strictEqual(removed.relationshipToPartner, "none");
  });

  it("needs App+User for the relationship operations", async () => {
    const client = clientFor(ctx.emu, "secret");
    await assert.rejects(client.customers.getRelationshipRequestUrl(), /AppUserRequired/);
    await assert.rejects(client.customers.removeResellerRelationship(ctx.customer.id), /AppUserRequired/);
  });
});
