import assert from "assert";
import { mkdtempSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import type { Emulator } from "../../../emulator";
import { findCustomers, getCustomer, getRelationshipRequestUrl, listCustomers } from "../../../provider/lookups";
import { startTestEmulator } from "../../emulator/helpers";
import { lookupConfig } from "./fixture";

describe("lookups/customers (against the emulator)", () => {
  let emu: Emulator;
  before(async () => (emu = await startTestEmulator()));
  after(async () => emu && (await emu.close()));

  it("listCustomers returns the partner's customers only", async () => {
    const list = await listCustomers({ config: lookupConfig(emu) });
    assert.deepStrictEqual(list.map((c) => c.id).sort(), emu.seed.partners[0].customers.map((c) => c.id).sort());
  });

  it("getCustomer returns one customer with its domain", async () => {
    const seed = emu.seed.partners[0].customers[0];
    const c = await getCustomer(seed.id, { config: lookupConfig(emu, false) });
    assert.strictEqual(c.id, seed.id);
    assert.strictEqual(c.companyProfile?.domain, seed.domain);
  });

  it("findCustomers matches a company-name prefix or a domain prefix, each customer once", async () => {
    const seed = emu.seed.partners[0].customers[0];
    const byName = await findCustomers(seed.companyName.slice(0, 4).toLowerCase(), { config: lookupConfig(emu) });
    assert.ok(byName.some((c) => c.id === seed.id));
    const byDomain = await findCustomers(seed.domain.slice(0, 5), { config: lookupConfig(emu), by: "domain" });
    assert.ok(byDomain.some((c) => c.id === seed.id));
    const none = await findCustomers("zz-no-such-prefix", { config: lookupConfig(emu) });
    assert.deepStrictEqual(none, []);
    const ids = byName.map((c) => c.id);
    assert.strictEqual(new Set(ids).size, ids.length);
  });

  it("works with the app certificate (thumbprint computed from certificatePem, PEM given as file paths)", async () => {
    const p = emu.seed.partners[0];
    const dir = mkdtempSync(join(tmpdir(), "pc-cert-"));
    writeFileSync(join(dir, "cert.pem"), p.appCertificate.certificatePem);
    writeFileSync(join(dir, "key.pem"), p.appCertificate.privateKeyPem);
    const { clientSecret: _s, refreshToken: _r, ...rest } = lookupConfig(emu, false);
    const config = {
      ...rest,
      clientId: p.appCertificate.clientId,
      certificatePem: join(dir, "cert.pem"),
      privateKeyPem: join(dir, "key.pem"),
    };
    const c = await getCustomer(p.customers[0].id, { config });
    assert.strictEqual(c.id, p.customers[0].id);
  });

  it("getRelationshipRequestUrl returns the documented reseller invitation for this partner (App+User)", async () => {
    // https://learn.microsoft.com/partner-center/developer/request-a-relationship-with-a-customer
    const url = new URL(await getRelationshipRequestUrl({ config: lookupConfig(emu) }));
    assert.strictEqual(url.protocol, "https:");
    assert.strictEqual(url.host, "admin.microsoft.com");
    assert.strictEqual(url.pathname, "/Adminportal/Home");
    assert.strictEqual(url.searchParams.get("invType"), "ResellerRelationship");
    assert.strictEqual(url.searchParams.get("partnerId"), emu.seed.partners[0].tenantId);
    assert.strictEqual(url.hash, "#/BillingAccounts/partner-invitation");
  });

  it("a missing credential is a clear configuration error that names the keys", async () => {
    const { clientSecret: _s, ...noSecret } = lookupConfig(emu);
    await assert.rejects(
      listCustomers({ config: noSecret }),
      (e: Error) => /partnercenter:clientSecret/.test(e.message) && /PARTNERCENTER_CLIENT_SECRET/.test(e.message),
    );
  });
});
