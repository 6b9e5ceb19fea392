import assert from "node:assert/strict";
import { apiClient, appToken, bearer, jwtClaims, PARTNER_CENTER_SCOPE, userToken } from "../helpers";
import { expectGraphError, MS_GRAPH_SCOPE, RELATIONSHIPS, useGraph } from "./graphFixture";

describe("emulator graph: token audience", () => {
  const g = useGraph();

  it("issues Microsoft Graph-audience tokens for the Graph scope (App-only and App+User)", async () => {
    assert.equal(jwtClaims(await appToken(g.emu, { scope: MS_GRAPH_SCOPE })).aud, "https://graph.microsoft.com");
    assert.equal(jwtClaims(await userToken(g.emu, { scope: MS_GRAPH_SCOPE })).aud, "https://graph.microsoft.com");
  });

  it("refuses a Partner Center token on Graph routes with 401 InvalidAuthenticationToken", async () => {
    const pc = await appToken(g.emu, { scope: PARTNER_CENTER_SCOPE });
    const res = await apiClient(g.emu).get(RELATIONSHIPS, { headers: bearer(pc) });
    expectGraphError(res, 401, "InvalidAuthenticationToken", /audience https:\/\/api\.partnercenter/);
    assert.match(String(res.headers["www-authenticate"]), /^Bearer/);
  });

  it("refuses a Graph token on the Partner Center API with 401 (Partner Center's error shape)", async () => {
    const graph = await appToken(g.emu, { scope: MS_GRAPH_SCOPE });
    const res = await apiClient(g.emu).get("/v1/customers", { headers: bearer(graph) });
    assert.equal(res.status, 401);
    assert.equal(res.data.code, 400);
    assert.match(res.data.description, /audience https:\/\/graph\.microsoft\.com is not accepted/);
  });

  it("answers a missing token with 401 and echoes client-request-id", async () => {
    const res = await apiClient(g.emu).get(RELATIONSHIPS, { headers: { "client-request-id": "abc-123" } });
    expectGraphError(res, 401, "InvalidAuthenticationToken", /empty/);
    assert.equal(res.headers["client-request-id"], "abc-123");
    assert.equal(res.data.error.innerError["client-request-id"], "abc-123");
  });

  it("needs the Partner Customer Delegated Administration service principal for App-only calls", async () => {
    const second = await appToken(g.emu, { partner: 1, scope: MS_GRAPH_SCOPE });
    const res = await apiClient(g.emu).get(RELATIONSHIPS, { headers: bearer(second) });
    expectGraphError(res, 403, "Authorization_RequestDenied", /2832473f-ec63-45fb-976f-5d45a7d4bb91/);
    assert.equal((await g.call("GET", RELATIONSHIPS, { as: "app" })).status, 200, "the default partner has it");
    const off = await g.admin("/gdap/config", { servicePrincipal: false });
    assert.equal(off.status, 200);
    expectGraphError(await g.call("GET", RELATIONSHIPS, { as: "app" }), 403, "Authorization_RequestDenied");
    assert.equal((await g.call("GET", RELATIONSHIPS, { as: "user" })).status, 200, "App+User does not need it");
  });

  it("answers unknown Graph paths 404 and wrong methods 405 in Graph's shape", async () => {
    expectGraphError(await g.call("GET", "/v1.0/tenantRelationships/nothing"), 404, "notFound");
    const res = await g.call("PUT", RELATIONSHIPS);
    expectGraphError(res, 405, "methodNotAllowed");
    assert.equal(res.headers.allow, "GET, POST");
  });

  it("rewrites injected faults (429) into Graph's error shape with Retry-After", async () => {
    await apiClient(g.emu).post("/_emulator/faults", {
      path: "delegatedAdminRelationships",
      status: 429,
      retryAfter: 3,
    });
    const res = await g.call("GET", RELATIONSHIPS);
    expectGraphError(res, 429, "TooManyRequests");
    assert.equal(res.headers["retry-after"], "3");
  });
});
