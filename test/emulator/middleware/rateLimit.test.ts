import assert from "node:assert/strict";
import type { Emulator } from "../../../emulator";
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

  it("counts per partner: a partner at its limit does not throttle another partner, which has a limit of its own", async () => {
    clock += 120_000;
    const first = await appToken(emu);
    const other = await appToken(emu, { partner: 1 });
    const api = apiClient(emu);
    const firstPath = `/v1/customers/${emu.seed.partners[0].customers[0].id}/ping`;
    const otherPath = `/v1/customers/${emu.seed.partners[1].customers[0].id}/ping`;
    const statuses = async (path: string, token: string, n: number) => {
      const out: number[] = [];
      for (let i = 0; i < n; i++) out.push((await api.get(path, { headers: bearer(token) })).status);
      return out;
    };
    assert.deepEqual(await statuses(firstPath, first, 4), [200, 200, 200, 429]);
    assert.deepEqual(await statuses(otherPath, other, 4), [200, 200, 200, 429]);
    assert.deepEqual(await statuses(firstPath, first, 1), [429]);
  });
});
