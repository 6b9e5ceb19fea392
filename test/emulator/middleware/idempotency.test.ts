import assert from "node:assert/strict";
import type { Emulator } from "../../../emulator";
import { apiClient, appToken, bearer, startTestEmulator } from "../helpers";
import { testRoutes } from "../testRoutes";

describe("emulator MS-RequestId idempotency", () => {
  let emu: Emulator;
  let token: string;
  let clock = Date.parse("2026-03-01T10:00:00Z");
  before(async () => {
    emu = await startTestEmulator({ routes: testRoutes, now: () => clock });
    token = await appToken(emu);
  });
  after(async () => {
    await emu.close();
  });

  const ordersPath = () => `/v1/customers/${emu.seed.partners[0].customers[1].id}/orders`;
  const count = async () =>
    (await apiClient(emu).get(ordersPath(), { headers: bearer(token) })).data.totalCount as number;

  it("replays the first response for a repeated MS-RequestId with the same request and creates one object", async () => {
    const before = await count();
    const headers = bearer(token, { "MS-RequestId": "3b9a1f0e-5a43-4f7e-9a3a-1d2c3b4a5f60" });
    const first = await apiClient(emu).post(ordersPath(), { note: "a" }, { headers });
    const second = await apiClient(emu).post(ordersPath(), { note: "a" }, { headers });
    assert.equal(first.status, 201);
    assert.equal(second.status, 201);
    assert.equal(second.data.id, first.data.id);
    assert.equal(await count(), before + 1);
    const log = (await apiClient(emu).get("/_emulator/requests")).data as Array<{
      requestId: string;
      replayed: boolean;
    }>;
    assert.deepEqual(
      log.filter((e) => e.requestId === "3b9a1f0e-5a43-4f7e-9a3a-1d2c3b4a5f60").map((e) => e.replayed),
      [false, true],
    );
  });

  it("runs the request again when the body differs, when no id was sent, or after 10 minutes", async () => {
    const before = await count();
    const headers = bearer(token, { "MS-RequestId": "7c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f" });
    await apiClient(emu).post(ordersPath(), { note: "a" }, { headers });
    await apiClient(emu).post(ordersPath(), { note: "b" }, { headers });
    await apiClient(emu).post(ordersPath(), { note: "a" }, { headers: bearer(token) });
    await apiClient(emu).post(ordersPath(), { note: "a" }, { headers: bearer(token) });
    assert.equal(await count(), before + 4);
    clock += 10 * 60_000 + 1;
    const fresh = await appToken(emu);
    await apiClient(emu).post(
      ordersPath(),
      { note: "b" },
      { headers: bearer(fresh, { "MS-RequestId": "7c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f" }) },
    );
    assert.equal(await count(), before + 5);
  });

  it("replays business failures too", async () => {
    const headers = bearer(await appToken(emu), { "MS-RequestId": "8d2e3f4a-5b6c-4d7e-8f9a-0b1c2d3e4f5a" });
    const a = await apiClient(emu).post("/v1/conflict", {}, { headers });
    const b = await apiClient(emu).post("/v1/conflict", {}, { headers });
    assert.equal(a.status, 409);
    assert.deepEqual(b.data, a.data);
    const log = (await apiClient(emu).get("/_emulator/requests")).data as Array<{
      requestId: string;
      replayed: boolean;
    }>;
    assert.equal(log.filter((e) => e.requestId === "8d2e3f4a-5b6c-4d7e-8f9a-0b1c2d3e4f5a" && e.replayed).length, 1);
  });
});
