import assert from "node:assert/strict";
import type { Emulator } from "../../../emulator";
import { apiClient, appToken, bearer, startTestEmulator, userToken } from "../helpers";
import { testRoutes } from "../testRoutes";

describe("emulator routing and customer scoping", () => {
  let emu: Emulator;
  let app: string;
  let user: string;
  before(async () => {
    emu = await startTestEmulator({ routes: testRoutes });
    app = await appToken(emu);
    user = await userToken(emu);
  });
  after(async () => {
    await emu.close();
  });

  const own = () => emu.seed.partners[0].customers[0].id;
  const foreign = () => emu.seed.partners[1].customers[0].id;

  it("refuses an App-only token on an App+User-only route with 403 / 900329 and serves the user token", async () => {
    const denied = await apiClient(emu).get(`/v1/customers/${own()}/useronly`, { headers: bearer(app) });
    assert.equal(denied.status, 403);
    assert.equal(denied.data.code, 900329);
    assert.equal((await apiClient(emu).get(`/v1/customers/${own()}/useronly`, { headers: bearer(user) })).status, 200);
  });

  it("answers another partner's customer with 403 / 20002 and reveals none of its data", async () => {
    const res = await apiClient(emu).get(`/v1/customers/${foreign()}/ping`, { headers: bearer(app) });
    assert.equal(res.status, 403);
    assert.equal(res.data.code, 20002);
    const text = JSON.stringify(res.data);
    assert.doesNotMatch(text, new RegExp(emu.seed.partners[1].customers[0].companyName.replace(/[.,]/g, "")));
    assert.doesNotMatch(text, new RegExp(emu.seed.partners[1].customers[0].domain));
  });

  it("answers an unknown customer tenant with 404 / 60003", async () => {
    const res = await apiClient(emu).get("/v1/customers/11111111-2222-4333-8444-555555555555/ping", {
      headers: bearer(app),
    });
    assert.equal(res.status, 404);
    assert.equal(res.data.code, 60003);
  });

  it("answers a customer id that is not a GUID with 400 / 900118", async () => {
    const res = await apiClient(emu).get("/v1/customers/not-a-guid/ping", { headers: bearer(app) });
    assert.equal(res.status, 400);
    assert.equal(res.data.code, 900118);
    assert.match(res.data.description, /Invalid Customer ID/);
  });

  it("answers an unknown route with 404 / 1000 and a wrong method with 405 and Allow", async () => {
    const missing = await apiClient(emu).get("/v1/nothing/here", { headers: bearer(app) });
    assert.equal(missing.status, 404);
    assert.equal(missing.data.code, 1000);
    const wrong = await apiClient(emu).delete(`/v1/customers/${own()}/ping`, { headers: bearer(app) });
    assert.equal(wrong.status, 405);
    assert.equal(wrong.headers.allow, "GET");
  });

  it("prefers a literal segment over a :customerId and matches literals case-insensitively", async () => {
    const res = await apiClient(emu).get("/v1/Customers/RelationshipRequests", { headers: bearer(user) });
    assert.equal(res.status, 200);
    assert.match(res.data.url, new RegExp(emu.seed.defaultPartnerId));
  });

  it("turns an unexpected handler exception into a 500 with a code and no stack or internal message", async () => {
    const res = await apiClient(emu).get("/v1/boom", { headers: bearer(app) });
    assert.equal(res.status, 500);
    assert.equal(typeof res.data.code, "number");
    assert.doesNotMatch(JSON.stringify(res.data), /kaboom|at .*\.ts/);
  });

  it("passes an ApiError through as the documented error body", async () => {
    const res = await apiClient(emu).post("/v1/conflict", {}, { headers: bearer(app) });
    assert.equal(res.status, 409);
    assert.deepEqual(res.data, {
      code: 600041,
      description: "Self-serve policy already exists.",
      data: [],
      source: "PartnerFD",
    });
  });
});
