import assert from "node:assert/strict";
import type { Emulator } from "../../../emulator";
import { RateLimiter } from "../../../emulator/middleware/rateLimit";
import { apiClient, appToken, bearer, startTestEmulator } from "../helpers";
import { testRoutes } from "../testRoutes";

describe("emulator rate limits", () => {
  let emu: Emulator;
  let clock = Date.parse("2026-03-01T10:00:00Z");
  before(async () => {
    emu = await startTestEmulator({ routes: testRoutes, rateLimitPerMinute: 3, now: () => clock });
  });
  after(async () => {
    await emu.close();
  });

  it("answers the request over the per-minute limit with 429, Retry-After and the documented body, then recovers", async () => {
    const token = await appToken(emu);
    const path = `/v1/customers/${emu.seed.partners[0].customers[0].id}/ping`;
    const api = apiClient(emu);
    for (let i = 0; i < 3; i++) assert.equal((await api.get(path, { headers: bearer(token) })).status, 200);
    clock += 20_000;
    const throttled = await api.get(path, { headers: bearer(token) });
    assert.equal(throttled.status, 429);
    assert.equal(throttled.headers["retry-after"], "40");
    assert.deepEqual(throttled.data, { statusCode: 429, message: "Rate limit is exceeded. Try again in 40 seconds." });
    clock += 40_000;
    assert.equal((await api.get(path, { headers: bearer(token) })).status, 200);
  });

  it("counts per partner: another partner is not throttled by the first one's calls", async () => {
    const other = await appToken(emu, { partner: 1 });
    const res = await apiClient(emu).get(`/v1/customers/${emu.seed.partners[1].customers[0].id}/ping`, {
      headers: bearer(other),
    });
    assert.equal(res.status, 200);
  });

  it("limits a partner+customer pair separately from the partner (unit)", () => {
    const limiter = new RateLimiter();
    assert.equal(limiter.tryAcquire(["p", "p:c1"], 0, 2).ok, true);
    assert.equal(limiter.tryAcquire(["p", "p:c1"], 1, 2).ok, true);
    const refused = limiter.tryAcquire(["p", "p:c2"], 2, 2);
    assert.deepEqual(refused, { ok: false, retryAfterSeconds: 60 });
    assert.equal(limiter.tryAcquire(["q", "q:c1"], 2, 2).ok, true);
  });
});
