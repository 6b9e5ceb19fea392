import assert from "node:assert/strict";
import type { Emulator } from "../../emulator";
import { handleAdmin } from "../../emulator/admin";
import type { Runtime } from "../../emulator/middleware/exchange";
import { apiClient, appToken, bearer, certificateToken, startTestEmulator, userToken } from "./helpers";
import { testRoutes } from "./testRoutes";

describe("emulator admin API", () => {
  let emu: Emulator;
  before(async () => {
    emu = await startTestEmulator({ routes: testRoutes });
  });
  after(async () => {
    await emu.close();
  });

  it("never shows a secret, password, private key or token in /_emulator/requests or /_emulator/state", async () => {
    const app = await appToken(emu);
    const user = await userToken(emu);
    await certificateToken(emu);
    const customer = emu.seed.partners[0].customers[0].id;
    await apiClient(emu).get(`/v1/customers/${customer}/ping?client_secret=leaky-query-secret&size=5`, {
      headers: bearer(app),
    });
    await apiClient(emu).get(`/v1/customers/${customer}/useronly`, { headers: bearer(user) });
    const requests = JSON.stringify((await apiClient(emu).get("/_emulator/requests")).data);
    const state = JSON.stringify((await apiClient(emu).get("/_emulator/state")).data);
    const secrets = [
      app,
      user,
      "leaky-query-secret",
      emu.store.data.tokenSigningKey,
      ...emu.store.data.partners.flatMap((p) => [
        ...p.apps.flatMap((a) => [a.clientSecret, a.privateKeyPem?.split("\n")[1]]),
        ...p.refreshTokens.map((r) => r.token),
        ...p.customers.flatMap((c) => c.users.map((u) => u.password)),
      ]),
    ].filter((s): s is string => !!s);
    assert.ok(secrets.length > 20);
    for (const secret of secrets) {
      assert.ok(!requests.includes(secret), "request log leaks a secret");
      assert.ok(!state.includes(secret), "state leaks a secret");
    }
    assert.match(requests, /size=5/);
    assert.match(state, /"password":"\*\*\*"/);
    assert.match(state, /"clientSecret":"\*\*\*"/);
  });

  it("returns log entries after `since` with the documented fields", async () => {
    const all = (await apiClient(emu).get("/_emulator/requests")).data as Array<Record<string, unknown>>;
    const last = all[all.length - 1];
    for (const key of [
      "seq",
      "method",
      "path",
      "query",
      "status",
      "requestId",
      "correlationId",
      "partnerId",
      "customerId",
      "replayed",
    ])
      assert.ok(key in last, key);
    const later = (await apiClient(emu).get(`/_emulator/requests?since=${Number(last.seq) - 1}`)).data;
    assert.deepEqual(later, [last]);
    assert.equal((await apiClient(emu).get("/_emulator/requests?since=-1")).status, 400);
  });

  it("reset goes back to the seed (or to partners without customers) and clears faults and the log", async () => {
    const token = await appToken(emu);
    const customer = emu.seed.partners[0].customers[0].id;
    await apiClient(emu).post(`/v1/customers/${customer}/orders`, {}, { headers: bearer(token) });
    await apiClient(emu).post("/_emulator/faults", { path: "^/nothing" });
    const seedBefore = JSON.stringify(emu.seed);
    const empty = await apiClient(emu).post("/_emulator/reset", { seed: false });
    assert.equal(empty.status, 200);
    assert.equal(emu.store.data.partners[0].customers.length, 0);
    assert.deepEqual((await apiClient(emu).get("/_emulator/faults")).data, []);
    assert.deepEqual((await apiClient(emu).get("/_emulator/requests")).data, []);
    // the partners and their apps survive, and so do tokens issued before the reset
    assert.equal(
      (await apiClient(emu).get(`/v1/customers/${customer}/ping`, { headers: bearer(token) })).data.code,
      60003,
    );

    assert.equal(emu.seed.partners[0].customers.length, 0);
    assert.equal((await apiClient(emu).post("/_emulator/reset")).status, 200);
    const orders = emu.store.findCustomer(customer)!.customer.orders;
    assert.equal(orders.length, 4); // one per subscription and the VM reservation's
    assert.ok(
      JSON.stringify((await apiClient(emu).get("/_emulator/seed")).data) === seedBefore,
      "SeedInfo differs after reset",
    );
  });

  it("config sets the rate limit and eventual-consistency reads, and rejects bad values naming the field", async () => {
    const res = await apiClient(emu).post("/_emulator/config", {
      rateLimitPerMinute: 1000,
      eventualConsistencyReads: 2,
    });
    assert.deepEqual(res.data, { rateLimitPerMinute: 1000, eventualConsistencyReads: 2 });
    assert.deepEqual(emu.store.data.settings, { rateLimitPerMinute: 1000, eventualConsistencyReads: 2 });
    const bad = await apiClient(emu).post("/_emulator/config", { rateLimitPerMinute: -1 });
    assert.equal(bad.status, 400);
    assert.match(bad.data.description, /'rateLimitPerMinute'/);
    await apiClient(emu).post("/_emulator/reset");
    assert.deepEqual(emu.store.data.settings, {});
  });

  it("clock moves the domain clock seen by handlers (ctx.now)", async () => {
    const before = emu.store.data.clockOffsetMs;
    const res = await apiClient(emu).post("/_emulator/clock", { advanceMs: 31 * 86_400_000 });
    assert.equal(res.status, 200);
    assert.equal(res.data.clockOffsetMs, before + 31 * 86_400_000);
    const token = await appToken(emu);
    const customer = emu.seed.partners[0].customers[0].id;
    const created = await apiClient(emu).post(`/v1/customers/${customer}/orders`, {}, { headers: bearer(token) });
    const order = emu.store.findCustomer(customer)!.customer.orders.find((o) => o.id === created.data.id)!;
    assert.ok(Date.parse(order.creationDate) > Date.now() + 30 * 86_400_000);
    assert.equal((await apiClient(emu).post("/_emulator/clock", { advanceMs: "soon" })).status, 400);
  });

  it("dates every answer (Date header) by the emulated clock, as a server's own clock", async () => {
    await apiClient(emu).post("/_emulator/clock", { advanceMs: 2 * 86_400_000 });
    const offset = emu.store.data.clockOffsetMs;
    assert.ok(offset >= 2 * 86_400_000);
    const customer = emu.seed.partners[0].customers[0].id;
    const token = await appToken(emu);
    for (const res of [
      await apiClient(emu).get(`/v1/customers/${customer}/ping`, { headers: bearer(token) }),
      await apiClient(emu).get("/_emulator/seed"),
    ]) {
      const date = Date.parse(String(res.headers.date));
      assert.ok(
        Math.abs(date - (Date.now() + offset)) < 5_000,
        `Date ${String(res.headers.date)}, offset ${offset} ms`,
      );
    }
  });

  it("answers only loopback clients", async () => {
    const req = { method: "GET", socket: { remoteAddress: "10.1.2.3" } } as never;
    const hooks = { reset: () => assert.fail("must not reset"), seedInfo: () => emu.seed };
    const reply = await handleAdmin(req, "/_emulator/state", new URLSearchParams(), {} as Runtime, hooks);
    assert.equal(reply.status, 403);
  });

  it("answers unknown admin operations with 404", async () => {
    assert.equal((await apiClient(emu).get("/_emulator/nope")).status, 404);
  });
});
