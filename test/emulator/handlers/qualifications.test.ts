import assert from "assert";
import { expectError, useEmulator } from "./apiFixture";

const MINUTE = 60_000;

describe("emulator handlers: qualifications", () => {
  const api = useEmulator();
  const cid = () => api.customer(1).id;
  const list = async () => {
    const res = await api.call("GET", `/v1/customers/${cid()}/qualifications`, { as: "app" });
    assert.strictEqual(res.status, 200);
    assert.ok(Array.isArray(res.data));
    return res.data as Array<{ qualification: string; vettingStatus?: string; vettingCreateDate?: string }>;
  };
  const code = () => api.emu.store.data.partners[0].validationCodes[0];

  it("creates Education (201 InReview) and approves it 10 minutes of emulator clock later", async () => {
    const res = await api.call("POST", `/v1/customers/${cid()}/qualifications`, {
      body: { qualification: "Education", educationSegment: "HigherEducation", website: "contoso.edu" },
    });
    assert.strictEqual(res.status, 201, JSON.stringify(res.data));
    assert.strictEqual(res.data.qualification, "Education");
    assert.strictEqual(res.data.vettingStatus, "InReview");
    assert.ok(!Number.isNaN(Date.parse(res.data.vettingCreateDate)));
    await api.advanceClock(9 * MINUTE);
    assert.strictEqual((await list()).find((q) => q.qualification === "Education")!.vettingStatus, "InReview");
    await api.advanceClock(MINUTE);
    assert.strictEqual((await list()).find((q) => q.qualification === "Education")!.vettingStatus, "Approved");
    assert.strictEqual((await api.call("GET", `/v1/customers/${cid()}/qualification`)).data, "education");
  });

  it("requires educationSegment for Education and refuses other values", async () => {
    expectError(
      await api.call("POST", `/v1/customers/${cid()}/qualifications`, { body: { qualification: "Education" } }),
      400,
      2000,
      /educationSegment/,
    );
    expectError(
      await api.call("POST", `/v1/customers/${cid()}/qualifications`, {
        body: { qualification: "Education", educationSegment: "Kindergarten" },
      }),
      400,
      2000,
      /educationSegment/,
    );
    expectError(
      await api.call("POST", `/v1/customers/${cid()}/qualifications`, { body: { qualification: "Nonprofit" } }),
      400,
      2000,
    );
  });

  it("creates GovernmentCommunityCloud with a partner validation code, decrementing remainingCreates", async () => {
    const before = code().remainingCreates;
    const res = await api.call("POST", `/v1/customers/${cid()}/qualifications`, {
      body: { Qualification: "GovernmentCommunityCloud", ValidationCode: code().validationId },
    });
    assert.strictEqual(res.status, 201, JSON.stringify(res.data));
    const codes = await api.call("GET", "/v1/customers/all/validations");
    assert.strictEqual(codes.data[0].remainingCreates, before - 1);
    expectError(
      await api.call("POST", `/v1/customers/${api.customer(2).id}/qualifications`, {
        body: { qualification: "GovernmentCommunityCloud", validationCode: "999" },
      }),
      400,
      2000,
      /validationCode/,
    );
    expectError(
      await api.call("POST", `/v1/customers/${api.customer(2).id}/qualifications`, {
        body: { qualification: "GovernmentCommunityCloud" },
      }),
      400,
      2000,
      /validationCode/,
    );
  });

  it("creates StateOwnedEntity without vetting, and refuses a duplicate with 409/600071", async () => {
    const res = await api.call("POST", `/v1/customers/${cid()}/qualifications`, {
      body: { qualification: "StateOwnedEntity" },
    });
    assert.deepStrictEqual(res.data, { qualification: "StateOwnedEntity" });
    expectError(
      await api.call("POST", `/v1/customers/${cid()}/qualifications`, {
        body: { qualification: "state_owned_entity" },
      }),
      409,
      600071,
    );
    expectError(
      await api.call("POST", `/v1/customers/${cid()}/qualifications`, {
        as: "app",
        body: { qualification: "StateOwnedEntity" },
      }),
      403,
      900329,
    );
  });

  it("legacy synchronous GET/PUT use bare strings (string or integer enum in the body)", async () => {
    assert.strictEqual((await api.call("GET", `/v1/customers/${cid()}/qualification`, { as: "app" })).data, "none");
    const put = await api.call("PUT", `/v1/customers/${cid()}/qualification?code=${code().validationId}`, {
      body: "3",
      headers: { "Content-Type": "application/json" },
    });
    assert.strictEqual(put.status, 200, JSON.stringify(put.data));
    assert.strictEqual(put.data, "governmentcommunitycloud");
    assert.strictEqual(
      (await api.call("GET", `/v1/customers/${cid()}/qualification`)).data,
      "governmentcommunitycloud",
    );
    const edu = await api.call("PUT", `/v1/customers/${api.customer(2).id}/qualification`, {
      body: JSON.stringify("Education"),
      headers: { "Content-Type": "application/json" },
    });
    assert.strictEqual(edu.data, "education");
    expectError(
      await api.call("PUT", `/v1/customers/${api.customer(2).id}/qualification`, {
        body: JSON.stringify("None"),
        headers: { "Content-Type": "application/json" },
      }),
      400,
      2000,
    );
  });
});
