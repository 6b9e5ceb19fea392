// Customers named by domain in a spec are resolved through the real client against the emulator (HTTPS): the exact
// initial domain, in any case; a domain that is only a prefix of another customer's does not match; a custom domain
// or an unknown one fails with a message that says what to write instead.
import { strict as assert } from "assert";
import { resolveCustomerId } from "../../../provider/spec/customer-ref";
import { clientFor, useEmulator } from "../client/emulatorClient";

describe("spec/customer-ref (against the emulator)", () => {
  const ctx = useEmulator();
  const customers = () => ctx.emu.seed.partners[0].customers;

  it("a tenant id is used as is (lower case), without a call", async () => {
    const before = (await ctx.admin("GET", "/requests")) as unknown[] | { items: unknown[] };
    const id = customers()[0].id.toUpperCase();
    assert.equal(await resolveCustomerId(clientFor(ctx.emu, "user"), id), id.toLowerCase());
    const after = (await ctx.admin("GET", "/requests")) as unknown[] | { items: unknown[] };
    const count = (l: unknown[] | { items: unknown[] }) => (Array.isArray(l) ? l.length : l.items.length);
    assert.equal(count(after), count(before), "no request was made");
  });

  it("the initial domain, in any case, resolves to that customer", async () => {
    const client = clientFor(ctx.emu, "user");
    for (const c of customers()) {
      assert.equal(await resolveCustomerId(client, c.domain.toUpperCase()), c.id.toLowerCase());
    }
  });

  it("a prefix of a customer's domain is not that customer (the search itself is starts_with)", async () => {
    const domain = customers()[0].domain; // e.g. fabrikamtenant.onmicrosoft.com
    const prefix = domain.slice(0, -1); // ...onmicrosoft.co: the search's starts_with matches it
    await assert.rejects(
      resolveCustomerId(clientFor(ctx.emu, "user"), prefix),
      /no customer of this partner has the domain/,
    );
    await assert.rejects(
      resolveCustomerId(clientFor(ctx.emu, "user"), `${domain.split(".")[0].slice(0, 5)}.onmicrosoft.com`),
      (e: Error) =>
        /no customer of this partner has the domain [a-z]+\.onmicrosoft\.com\. Fix: check the spelling, or write the customer's initial domain or tenant id instead$/.test(
          e.message,
        ),
    );
  });

  it("a custom domain fails with the reason (search knows initial domains only) and the fix", async () => {
    const custom = customers().find((c) => c.customDomains.length > 0)!.customDomains[0];
    await assert.rejects(
      resolveCustomerId(clientFor(ctx.emu, "user"), custom),
      /no customer of this partner has the domain .* as its initial domain \(Partner Center searches customers by their initial domain only.*Fix: .*initial domain or tenant id/,
    );
  });

  it("a failing search is an error, not 'not found'", async () => {
    await ctx.admin("POST", "/faults", {
      method: "GET",
      path: "^/v1/customers$",
      status: 403,
      code: "2000",
      description: "forbidden",
    });
    await assert.rejects(
      resolveCustomerId(clientFor(ctx.emu, "user", { maxRetries: 0 }), customers()[0].domain),
      (e: Error) => !/no customer/.test(e.message) && /403|forbidden/i.test(e.message),
    );
  });
});
