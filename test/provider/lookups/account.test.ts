import assert from "assert";
import type { Emulator } from "../../../emulator";
import {
  checkDomainAvailability,
  getAgreementMetadata,
  getBillingProfile,
  getCompanyProfile,
  getDirectSignStatus,
  getQualifications,
  getUsageBudget,
  getValidationCodes,
  listCustomerAgreements,
} from "../../../provider/lookups";
import { apiClient, bearer, startTestEmulator, userToken } from "../../emulator/helpers";
import { lookupConfig } from "./fixture";

describe("lookups/account (against the emulator)", () => {
  let emu: Emulator;
  let token: string;
  const customer = () => emu.seed.partners[0].customers[0];
  const raw = async (method: string, path: string, data?: unknown) => {
    const res = await apiClient(emu).request({
      method,
      url: path,
      data,
      headers: bearer(token, { "Content-Type": "application/json" }),
    });
    assert.ok(res.status < 300, `${method} ${path}: ${res.status} ${JSON.stringify(res.data)}`);
    return res.data;
  };
  before(async () => {
    emu = await startTestEmulator();
    token = await userToken(emu);
  });
  after(async () => emu && (await emu.close()));

  it("getBillingProfile (App-only) returns the profile with its etag", async () => {
    const p = await getBillingProfile(customer().id, { config: lookupConfig(emu, false) });
    assert.strictEqual(
      p.companyName,
      (await raw("GET", `/v1/customers/${customer().id}/profiles/billing`)).companyName,
    );
    assert.ok(p.attributes?.etag, "etag present");
  });

  it("getCompanyProfile needs App+User: works with it, refused clearly without it", async () => {
    const c = await getCompanyProfile(customer().id, { config: lookupConfig(emu) });
    assert.strictEqual(c.domain, customer().domain);
    assert.strictEqual(c.tenantId, customer().id);
    await assert.rejects(
      getCompanyProfile(customer().id, { config: lookupConfig(emu, false) }),
      /App\+User|refreshToken|AppUserRequired/,
    );
  });

  it("getUsageBudget answers the amount, or null when there is none", async () => {
    await raw("PATCH", `/v1/customers/${customer().id}/usagebudget`, { amount: 321 });
    assert.strictEqual(await getUsageBudget(customer().id, { config: lookupConfig(emu) }), 321);
    await raw("PATCH", `/v1/customers/${customer().id}/usagebudget`, { amount: null });
    assert.strictEqual(await getUsageBudget(customer().id, { config: lookupConfig(emu) }), null);
  });

  it('getAgreementMetadata defaults to the Microsoft Customer Agreement; "*" lists every template', async () => {
    const mca = await getAgreementMetadata({ config: lookupConfig(emu) });
    assert.deepStrictEqual(
      mca.map((m) => [m.templateId, m.agreementType]),
      [[emu.seed.agreementTemplates.mca, "MicrosoftCustomerAgreement"]],
    );
    const all = await getAgreementMetadata({ config: lookupConfig(emu), agreementType: "*" });
    assert.deepStrictEqual(
      all.map((m) => m.templateId).sort(),
      [emu.seed.agreementTemplates.mca, emu.seed.agreementTemplates.mcloud].sort(),
    );
  });

  it("listCustomerAgreements shows a confirmation made through the API; getDirectSignStatus answers a boolean", async () => {
    const cid = emu.seed.partners[0].customers[1].id;
    assert.deepStrictEqual(await listCustomerAgreements(cid, { config: lookupConfig(emu) }), []);
    await raw("POST", `/v1/customers/${cid}/agreements`, {
      primaryContact: { firstName: "Ann", lastName: "Signer", email: "ann@example.com" },
      templateId: emu.seed.agreementTemplates.mca,
      dateAgreed: "2026-01-02T00:00:00Z",
      type: "MicrosoftCustomerAgreement",
    });
    const list = await listCustomerAgreements(cid, { config: lookupConfig(emu) });
    assert.deepStrictEqual(
      list.map((a) => [a.templateId, a.primaryContact?.email]),
      [[emu.seed.agreementTemplates.mca, "ann@example.com"]],
    );
    assert.deepStrictEqual(
      await listCustomerAgreements(cid, { config: lookupConfig(emu), agreementType: "MicrosoftCloudAgreement" }),
      [],
    );
    assert.strictEqual(await getDirectSignStatus(cid, { config: lookupConfig(emu) }), false);
  });

  it("getValidationCodes lists the partner's GCC codes; getQualifications shows a requested qualification", async () => {
    const codes = await getValidationCodes({ config: lookupConfig(emu, false) });
    assert.deepStrictEqual(
      codes.map((c) => c.validationId),
      emu.seed.validationCodes.filter((v) => v.partnerId === emu.seed.partners[0].tenantId).map((v) => v.validationId),
    );
    const cid = emu.seed.partners[0].customers[2].id;
    assert.deepStrictEqual(await getQualifications(cid, { config: lookupConfig(emu) }), []);
    await raw("POST", `/v1/customers/${cid}/qualifications`, { qualification: "StateOwnedEntity" });
    assert.deepStrictEqual(
      (await getQualifications(cid, { config: lookupConfig(emu) })).map((q) => q.qualification),
      ["StateOwnedEntity"],
    );
  });

  it("checkDomainAvailability: a customer's domain is taken, an unused one is free, a bad name is refused", async () => {
    assert.strictEqual(await checkDomainAvailability(customer().domain, { config: lookupConfig(emu) }), false);
    assert.strictEqual(
      await checkDomainAvailability(`free-${Date.now()}.onmicrosoft.com`, { config: lookupConfig(emu) }),
      true,
    );
    await assert.rejects(checkDomainAvailability("not a domain", { config: lookupConfig(emu) }), /domain/);
  });

  it("a 500 from Partner Center is an error, never an empty answer", async () => {
    await apiClient(emu).post("/_emulator/faults", { method: "GET", path: "/qualifications$", status: 500, times: 10 });
    try {
      await assert.rejects(
        getQualifications(customer().id, { config: { ...lookupConfig(emu), maxRetries: 0 } }),
        /500/,
      );
    } finally {
      await apiClient(emu).delete("/_emulator/faults");
    }
  });
});
