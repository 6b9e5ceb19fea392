import assert from "assert";
import { isPreconditionFailed, PartnerCenterError } from "../../../../provider/client";
import { clientFor, useEmulator } from "../emulatorClient";

describe("operations/profiles, budget and domains against the emulator", () => {
  const ctx = useEmulator();

  it("reads and updates the billing profile with its etag; a stale etag is a precondition failure", async () => {
    const client = clientFor(ctx.emu, "secret");
    const profile = await client.profiles.getBilling(ctx.customer.id);
    assert.ok(profile.attributes?.etag);
    const updated = await client.profiles.updateBilling(ctx.customer.id, { ...profile, firstName: "Changed" });
    assert.strictEqual(updated.firstName, "Changed");
    assert.notStrictEqual(updated.attributes?.etag, profile.attributes?.etag);
    await assert.rejects(
      client.profiles.updateBilling(ctx.customer.id, { ...profile, firstName: "Stale" }),
      isPreconditionFailed,
    );
  });

  it("reads the company profile with App+User only", async () => {
    const company = await clientFor(ctx.emu, "user").profiles.getCompany(ctx.customer.id);
    assert.strictEqual(company.domain, ctx.customer.domain);
    await assert.rejects(
      clientFor(ctx.emu, "secret").profiles.getCompany(ctx.customer.id),
      (e: unknown) => e instanceof PartnerCenterError && e.code === "AppUserRequired",
    );
  });

  it("sets and clears the usage budget", async () => {
    const client = clientFor(ctx.emu, "secret");
    assert.strictEqual((await client.budget.update(ctx.customer.id, 150)).amount, 150);
    assert.strictEqual((await client.budget.get(ctx.customer.id)).amount, 150);
    assert.strictEqual((await client.budget.update(ctx.customer.id, null)).amount ?? null, null);
  });

  it("adds a verified domain", async () => {
    const client = clientFor(ctx.emu, "secret");
    const name = "verified-by-test.example.com";
    const domain = await client.domains.addVerified(ctx.customer.id, {
      verifiedDomainName: name,
      domain: {
        authenticationType: "Managed",
        capability: "Email",
        name,
        status: "Verified",
        verificationMethod: "DnsRecord",
      },
    });
    assert.strictEqual(domain.name.toLowerCase(), name);
    assert.strictEqual(await client.customers.checkDomainAvailability(name), false);
  });
});
