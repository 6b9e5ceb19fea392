import assert from "assert";
import { configureRuntime, provision, runtime, startFixture, type Fixture } from "./fixture";

const T = "VerifiedDomain";
const federation = {
  issuerUri: "https://sts.example.net/adfs/services/trust",
  logOffUri: "https://sts.example.net/adfs/ls/",
  passiveLogOnUri: "https://sts.example.net/adfs/ls/",
  preferredAuthenticationProtocol: "wsfed",
  promptLoginBehavior: "NativeSupport",
  signingCertificate: "MIIC8DCCAdigAwIBAgIQ",
};

describe("resources/VerifiedDomain (against the emulator)", () => {
  let f: Fixture;
  let n = 0;
  const name = () => `d${++n}-${Math.random().toString(36).slice(2, 7)}.example.com`;
  const domainsOf = async (customerId = f.customer.id) => {
    const c = (await f.raw("GET", `/v1/customers/${customerId}`)).data;
    return [c.companyProfile?.domain, ...(c.customDomains ?? [])].map((d: string) => d.toLowerCase());
  };

  before(async () => (f = await startFixture()));
  after(async () => f && (await f.close()));
  afterEach(async () => f.clearFaults());

  it("minimal create adds a managed domain; delete leaves it and warns in plain words", async () => {
    const d = name();
    const { id, outs } = await provision(T, {
      customerId: f.customer.id,
      domainName: d,
      authenticationType: "Managed",
      capability: "Email",
    });
    assert.strictEqual(id, `${f.customer.id}/${d}`);
    assert.strictEqual(outs.status, "verified");
    assert.ok((await domainsOf()).includes(d));
    await runtime.delete(T, id, outs);
    assert.ok((await domainsOf()).includes(d));
    assert.ok(f.warnings.some((w) => w.includes(d) && /cannot remove/.test(w)));
  });

  it("full create: federated with settings and isDefault", async () => {
    const d = name();
    const { outs } = await provision(T, {
      customerId: f.customer.id,
      domainName: d,
      authenticationType: "federated",
      capability: "Email",
      isDefault: false,
      federationSettings: federation,
    });
    assert.ok((await domainsOf()).includes(d));
    const held = f.emu.store.data.partners
      .flatMap((p) => p.customers)
      .find((c) => c.id === f.customer.id)!
      .domains.find((x) => x.name.toLowerCase() === d);
    assert.deepStrictEqual([held?.authenticationType, held?.isDefault, outs.status], ["federated", false, "verified"]);
  });

  it("a new domain name or customer replaces; a fixed setting change fails with an explanation", async () => {
    const d = name();
    const { id, outs, inputs } = await provision(T, {
      customerId: f.customer.id,
      domainName: d,
      authenticationType: "Managed",
      capability: "Email",
    });
    assert.strictEqual((await runtime.diff(T, id, outs, { ...inputs, domainName: d.toUpperCase() })).changes, false);
    assert.deepStrictEqual((await runtime.diff(T, id, outs, { ...inputs, domainName: name() })).replaces, [
      "domainName",
    ]);
    const other = f.partner.customers.find((c) => c.id !== f.customer.id)!;
    assert.deepStrictEqual((await runtime.diff(T, id, outs, { ...inputs, customerId: other.id })).replaces, [
      "customerId",
    ]);
    const same = { ...inputs, authenticationType: "MANAGED", capability: "email" };
    assert.strictEqual((await runtime.diff(T, id, outs, same)).changes, false);
    assert.deepStrictEqual((await runtime.check(T, inputs, same)).failures, []);
    // A fixed setting of an added domain is refused at preview (check), never planned as an update.
    const news = { ...inputs, capability: "OfficeCommunicationsOnline", isDefault: true };
    const { failures } = await runtime.check(T, inputs, news);
    assert.deepStrictEqual(failures.map((x) => x.property).sort(), ["capability", "isDefault"]);
    for (const x of failures) assert.match(x.reason, /cannot change .* after it was added\. Fix:/);
    assert.strictEqual((await runtime.diff(T, id, outs, news)).changes, false);
    assert.deepStrictEqual(
      (await runtime.check(T, inputs, { ...news, domainName: name() })).failures,
      [],
      "a new domain",
    );
  });

  it("state holds what a read can confirm: the fixed settings are not kept in the outputs", async () => {
    const { id, outs, inputs } = await provision(T, {
      customerId: f.customer.id,
      domainName: name(),
      authenticationType: "Federated",
      capability: "Email",
      isDefault: false,
      federationSettings: federation,
    });
    for (const key of ["authenticationType", "capability", "isDefault", "federationSettings"])
      assert.ok(!(key in outs), `${key} is not in the outputs: ${Object.keys(outs).join(", ")}`);
    const read = await runtime.read(T, id, { ...outs, capability: "Email" });
    assert.ok(!("capability" in read.props), "a stale stored setting is dropped on read");
    assert.strictEqual((await runtime.diff(T, id, read.props, inputs)).changes, false);
  });

  it("adopt: a domain the customer already has is an error without adopt and taken over with it", async () => {
    const existing = f.customer.customDomains[0];
    assert.ok(existing, "seed has a customer with a custom domain");
    await assert.rejects(
      provision(T, {
        customerId: f.customer.id,
        domainName: existing,
        authenticationType: "Managed",
        capability: "Email",
      }),
      /adopt: true/,
    );
    const { id } = await provision(T, {
      customerId: f.customer.id,
      domainName: existing.toUpperCase(),
      authenticationType: "Managed",
      capability: "Email",
      adopt: true,
    });
    assert.strictEqual(id, `${f.customer.id}/${existing.toLowerCase()}`);
  });

  for (const status of [403, 500]) {
    it(`a ${status} on read throws instead of reporting the domain gone`, async () => {
      const { id, outs } = await provision(T, {
        customerId: f.customer.id,
        domainName: name(),
        authenticationType: "Managed",
        capability: "Email",
      });
      await configureRuntime(f.emu, { "partnercenter:maxRetries": "0" });
      await f.faults({ method: "GET", path: `/v1/customers/${f.customer.id}$`, status, code: String(status) });
      await assert.rejects(
        runtime.read(T, id, outs),
        (e: Error) => e.message.includes(T) && e.message.includes(`HTTP ${status}`) && /request id/.test(e.message),
      );
    });
  }

  it("flipping adopt is an in-place update that calls nothing and keeps the outputs", async () => {
    const { id, outs, inputs } = await provision(T, {
      customerId: f.customer.id,
      domainName: name(),
      authenticationType: "Managed",
      capability: "Email",
    });
    const news = { ...inputs, adopt: true };
    const d = await runtime.diff(T, id, outs, news);
    assert.deepStrictEqual([d.changes, d.replaces], [true, []]);
    const seq = await f.lastSeq();
    const { outs: after } = await runtime.update(T, id, outs, news);
    assert.deepStrictEqual(
      (await f.requests(seq)).filter((r) => r.path.startsWith("/v1/")),
      [],
    );
    assert.deepStrictEqual([after.status, after.adopt], [outs.status, true]);
  });

  it("a 429 and then a 5xx after the add was applied end with the domain added once and tracked", async () => {
    const d = name();
    await configureRuntime(f.emu);
    await f.faults([
      { method: "POST", path: "/verifieddomain$", status: 429, retryAfter: 0, times: 1 },
      { method: "POST", path: "/verifieddomain$", applyThenFail: true, status: 500, times: 1 },
    ]);
    const { id } = await provision(T, {
      customerId: f.customer.id,
      domainName: d,
      authenticationType: "Managed",
      capability: "Email",
    });
    assert.strictEqual(id, `${f.customer.id}/${d}`);
    assert.strictEqual((await domainsOf()).filter((x) => x === d).length, 1);
  });

  it("check: federated needs settings, managed refuses them, domain names are validated", async () => {
    const fed = await runtime.check(
      T,
      {},
      {
        customerId: f.customer.id,
        domainName: "https://x.example.com/",
        authenticationType: "Federated",
        capability: "Email",
      },
    );
    assert.deepStrictEqual(fed.failures.map((x) => x.property).sort(), ["domainName", "federationSettings"]);
    const man = await runtime.check(
      T,
      {},
      {
        customerId: f.customer.id,
        domainName: "ok.example.com",
        authenticationType: "Manual",
        capability: "Email",
        federationSettings: { ...federation, promptLoginBehavior: "Sometimes" },
      },
    );
    assert.deepStrictEqual(man.failures.map((x) => x.property).sort(), [
      "authenticationType",
      "federationSettings.promptLoginBehavior",
    ]);
    for (const x of [...fed.failures, ...man.failures])
      assert.ok(x.reason.includes(x.property) && x.reason.includes("Fix:"), x.reason);
  });

  it("gone: when the customer's domains no longer list it (emulator reset), read gives an empty id", async () => {
    const { id, outs } = await provision(T, {
      customerId: f.customer.id,
      domainName: name(),
      authenticationType: "Managed",
      capability: "Email",
    });
    await f.api.post("/_emulator/reset", {});
    await configureRuntime(f.emu);
    assert.strictEqual((await runtime.read(T, id, outs)).id, "");
  });
});
