import assert from "assert";
import { clientFor, useEmulator } from "../emulatorClient";

describe("operations/agreements, validations and qualifications against the emulator", () => {
  const ctx = useEmulator();

  it("lists agreement metadata, confirms MCA acceptance and reads it back", async () => {
    const client = clientFor(ctx.emu, "user");
    const mca = await client.agreements.listMetadata("MicrosoftCustomerAgreement");
    assert.deepStrictEqual(
      mca.map((m) => m.templateId),
      [ctx.emu.seed.agreementTemplates.mca],
    );
    const confirmed = await client.agreements.confirm(ctx.customer.id, {
      primaryContact: { firstName: "Ann", lastName: "Lee", email: "ann@example.com" },
      templateId: ctx.emu.seed.agreementTemplates.mca,
      dateAgreed: "2026-11-01T00:00:00.000Z",
      type: "MicrosoftCustomerAgreement",
    });
    assert.strictEqual(confirmed.templateId, ctx.emu.seed.agreementTemplates.mca);
    const listed = await client.agreements.listForCustomer(ctx.customer.id, "MicrosoftCustomerAgreement");
    assert.ok(listed.some((a) => a.primaryContact?.email === "ann@example.com"));
    assert.strictEqual(typeof (await client.agreements.getDirectSignStatus(ctx.customer.id)).isSigned, "boolean");
  });

  it("lists validation codes (a bare array)", async () => {
    const codes = await clientFor(ctx.emu, "secret").validations.listCodes();
    const partner = ctx.emu.seed.partners[0].tenantId;
    assert.deepStrictEqual(
      codes.map((c) => c.validationId).sort(),
      ctx.emu.seed.validationCodes
        .filter((v) => v.partnerId === partner)
        .map((v) => v.validationId)
        .sort(),
    );
  });

  it("creates and lists qualifications; reads and sets the legacy one", async () => {
    const client = clientFor(ctx.emu, "user");
    const created = await client.qualifications.create(ctx.customer.id, {
      qualification: "Education",
      educationSegment: "K12",
    });
    assert.strictEqual(created.qualification, "Education");
    assert.ok((await client.qualifications.list(ctx.customer.id)).some((q) => q.qualification === "Education"));
    const other = ctx.emu.seed.partners[0].customers[1].id;
    assert.strictEqual(typeof (await client.qualifications.getLegacy(other)), "string");
    assert.match(await client.qualifications.updateLegacy(other, "Education"), /education/i);
  });
});
