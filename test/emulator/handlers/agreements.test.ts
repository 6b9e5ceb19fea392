import assert from "assert";
import { expectError, useEmulator } from "./apiFixture";

describe("emulator handlers: agreements", () => {
  const api = useEmulator();
  const cid = () => api.customer(0).id;
  const mca = () => api.emu.seed.agreementTemplates.mca;
  const confirmation = (email = "ada@example.com") => ({
    primaryContact: { firstName: "Ada", lastName: "Lovelace", email, phoneNumber: "1234567890" },
    templateId: mca(),
    dateAgreed: "2024-06-14T00:00:00.000Z",
    type: "MicrosoftCustomerAgreement",
  });

  it("lists agreement metadata: MicrosoftCloudAgreement by default, by type, or all with *", async () => {
    const byDefault = await api.call("GET", "/v1/agreements", { as: "app" });
    assert.strictEqual(byDefault.status, 200);
    assert.ok(byDefault.data.items.length > 0);
    assert.ok(
      byDefault.data.items.every((m: { agreementType: string }) => m.agreementType === "MicrosoftCloudAgreement"),
    );
    const customer = await api.call("GET", "/v1/agreements?agreementType=MicrosoftCustomerAgreement");
    assert.deepStrictEqual(
      customer.data.items.map((m: { templateId: string }) => m.templateId),
      [mca()],
    );
    const all = await api.call("GET", "/v1/agreements?agreementType=*");
    assert.strictEqual(all.data.totalCount, byDefault.data.totalCount + customer.data.totalCount);
    expectError(await api.call("GET", "/v1/agreements?agreementType=Nope"), 400, 2000);
  });

  it("confirms MCA acceptance (201, userId from the App+User token) and lists it", async () => {
    const res = await api.call("POST", `/v1/customers/${cid()}/agreements`, { body: confirmation() });
    assert.strictEqual(res.status, 201, JSON.stringify(res.data));
    assert.strictEqual(res.data.userId, api.emu.seed.partners[0].user.userId);
    assert.strictEqual(res.data.templateId, mca());
    const list = await api.call("GET", `/v1/customers/${cid()}/agreements?agreementType=MicrosoftCustomerAgreement`);
    assert.strictEqual(list.data.totalCount, 1);
    assert.strictEqual(list.data.items[0].primaryContact.email, "ada@example.com");
    const cloud = await api.call("GET", `/v1/customers/${cid()}/agreements`);
    assert.ok(cloud.data.items.every((a: { type: string }) => a.type === "MicrosoftCloudAgreement"));
  });

  it("refuses the same contact twice with 409/600061 in the richer error shape", async () => {
    await api.call("POST", `/v1/customers/${cid()}/agreements`, { body: confirmation() });
    const res = await api.call("POST", `/v1/customers/${cid()}/agreements`, { body: confirmation("ADA@example.com") });
    expectError(res, 409, 600061);
    assert.strictEqual(res.data.errorName, "PartnerConfirmedAgreementAlreadyExists");
    assert.strictEqual(res.data.isRetryable, false);
    assert.strictEqual(res.data.errorMessageExtended, "InternalErrorCode=600061");
    assert.strictEqual(
      (await api.call("POST", `/v1/customers/${cid()}/agreements`, { body: confirmation("grace@example.com") })).status,
      201,
    );
  });

  it("refuses an unknown template or a bad body, and App-only tokens", async () => {
    expectError(
      await api.call("POST", `/v1/customers/${cid()}/agreements`, { body: { ...confirmation(), templateId: "nope" } }),
      400,
      2000,
      /templateId/,
    );
    expectError(
      await api.call("POST", `/v1/customers/${cid()}/agreements`, {
        body: { ...confirmation(), primaryContact: { firstName: "A" } },
      }),
      400,
      2000,
      /primaryContact\.lastName/,
    );
    expectError(
      await api.call("POST", `/v1/customers/${cid()}/agreements`, { as: "app", body: confirmation() }),
      403,
      900329,
    );
  });

  it("reports the direct-sign status", async () => {
    const res = await api.call("GET", `/v1/customers/${cid()}/directSignedMicrosoftCustomerAgreementStatus`);
    assert.strictEqual(res.status, 200);
    assert.deepStrictEqual(res.data, { isSigned: api.emu.store.data.partners[0].customers[0].directSignedMca });
  });
});
