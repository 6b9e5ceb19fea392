import assert from "node:assert/strict";
import type { Emulator } from "../../emulator";
import { AGREEMENT_TEMPLATES } from "../../emulator/seed";
import { isGuid } from "../../emulator/store/ids";
import { apiClient, bearer, startTestEmulator, userToken } from "./helpers";

describe("emulator seed", () => {
  let emu: Emulator;
  before(async () => {
    emu = await startTestEmulator();
  });
  after(async () => {
    await emu.close();
  });

  it("has two partners; the default one with >= 3 customers, one with a custom domain", () => {
    assert.equal(emu.seed.partners.length, 2);
    const def = emu.seed.partners.find((p) => p.tenantId === emu.seed.defaultPartnerId)!;
    assert.ok(def.customers.length >= 3);
    assert.ok(def.customers.some((c) => c.customDomains.includes("fabrikam.example")));
  });

  it("gives every customer subscriptions, O365_BUSINESS_PREMIUM (>= 5 seats, >= 4 plans), POWER_BI_PRO (1 seat) and the standard roles", () => {
    for (const c of emu.seed.partners.flatMap((p) => p.customers)) {
      assert.ok(c.subscriptions.length > 0, c.companyName);
      const bp = c.skus.find((s) => s.skuPartNumber === "O365_BUSINESS_PREMIUM")!;
      assert.ok(bp.totalUnits >= 5 && bp.servicePlans.length >= 4);
      assert.equal(c.skus.find((s) => s.skuPartNumber === "POWER_BI_PRO")!.totalUnits, 1);
      const roles = new Map(c.roles.map((r) => [r.name, r.id]));
      assert.equal(roles.get("Global Administrator"), "62e90394-69f5-4237-9190-012177145e10");
      assert.equal(roles.get("User Administrator"), "fe930be7-5e62-47db-91af-98c3a49a38b1");
      assert.equal(roles.get("Helpdesk Administrator"), "729827e3-9c14-49f7-bb1b-9608f156bbb8");
      for (const name of ["Billing Administrator", "License Administrator", "Directory Readers"])
        assert.ok(roles.has(name), name);
    }
  });

  it("hands out complete credentials and the documented agreement template ids", () => {
    for (const p of emu.seed.partners) {
      assert.ok(
        isGuid(p.tenantId) && isGuid(p.app.clientId) && isGuid(p.user.clientId) && isGuid(p.appCertificate.clientId),
      );
      assert.ok(p.app.clientSecret && p.user.clientSecret && p.user.refreshToken && p.user.userPrincipalName);
      assert.match(p.appCertificate.certificatePem, /BEGIN CERTIFICATE/);
      assert.match(p.appCertificate.privateKeyPem, /PRIVATE KEY/);
      assert.match(p.appCertificate.thumbprintSha256, /^[0-9A-F]{64}$/);
    }
    assert.deepEqual(emu.seed.agreementTemplates, {
      mca: "117a77b0-9360-443b-8795-c6dedc750cf9",
      mcloud: "998b88de-aa99-4388-a42c-1b3517d49490",
    });
    assert.deepEqual(emu.seed.agreementTemplates, AGREEMENT_TEMPLATES);
    assert.equal(emu.seed.validationCodes.length, 2);
  });

  it("derives the same ids and secrets in every emulator, and serves SeedInfo at GET /_emulator/seed", async () => {
    const other = await startTestEmulator();
    try {
      const ids = (e: Emulator) =>
        JSON.stringify(
          e.seed.partners.map((p) => [p.tenantId, p.app, p.user, p.customers.map((c) => [c.id, c.subscriptions])]),
        );
      assert.ok(ids(other) === ids(emu), "seeded ids or secrets differ between emulators");
    } finally {
      await other.close();
    }
    // compared as text so a failure never prints the seeded secrets
    assert.ok(
      JSON.stringify((await apiClient(emu).get("/_emulator/seed")).data) === JSON.stringify(emu.seed),
      "GET /_emulator/seed differs from emu.seed",
    );
  });

  it("has data for real lookups: orders of two billing cycles, entitlements of two types, one direct-signed MCA", async () => {
    const token = await userToken(emu);
    const api = apiClient(emu);
    const get = async (path: string) => {
      const res = await api.get(path, { headers: bearer(token) });
      assert.equal(res.status, 200, `${path}: ${JSON.stringify(res.data)}`);
      return res.data;
    };
    const customers = emu.seed.partners[0].customers;
    assert.ok(customers.length >= 3);
    const signed: string[] = [];
    const reservedVm: string[] = [];
    for (const c of customers) {
      const orders = (await get(`/v1/customers/${c.id}/orders`)).items as Array<{ id: string; billingCycle: string }>;
      assert.deepEqual([...new Set(orders.map((o) => o.billingCycle))].sort(), ["annual", "monthly"], c.companyName);
      const annual = (await get(`/v1/customers/${c.id}/orders?billingType=Annual`)).items as unknown[];
      assert.ok(annual.length > 0 && annual.length < orders.length, c.companyName);
      const all = (await get(`/v1/customers/${c.id}/entitlements`)).items as Array<{ entitlementType: string }>;
      assert.ok(
        all.some((e) => e.entitlementType === "software"),
        c.companyName,
      );
      const reserved = (
        await get(`/v1/customers/${c.id}/entitlements?entitlementType=reservedInstance&showExpiry=true`)
      ).items as Array<{
        entitledArtifacts: Array<{ artifactType: string }>;
        expiryDate?: string;
        referenceOrder: { id: string };
      }>;
      assert.deepEqual(
        [...new Set(all.map((e) => e.entitlementType))].sort(),
        reserved.length > 0 ? ["reservedInstance", "software"] : ["software"],
        c.companyName,
      );
      if (reserved.length > 0) {
        reservedVm.push(c.companyName);
        assert.equal(reserved.length, 1, c.companyName);
        assert.equal(reserved[0].entitledArtifacts[0].artifactType, "reservedinstance");
        assert.ok(Date.parse(reserved[0].expiryDate ?? "") > Date.now(), `${c.companyName}: the reservation is active`);
        assert.ok(
          orders.some((o) => o.id === reserved[0].referenceOrder.id),
          `${c.companyName}: the reservation's order is listed`,
        );
      }
      const status = await get(`/v1/customers/${c.id}/directSignedMicrosoftCustomerAgreementStatus`);
      if (status.isSigned === true) signed.push(c.companyName);
      else assert.equal(status.isSigned, false);
    }
    // Wingtip Toys (the README's remove-reseller-relationship example) and Tailspin Toys have no reservation, so
    // their reseller relationship can be removed; Fabrikam's blocks it.
    assert.deepEqual(reservedVm, ["Fabrikam, Inc."]);
    assert.deepEqual(signed, ["Tailspin Toys"]);
  });
});
