import assert from "node:assert/strict";
import { createServer } from "net";
import { apiClient, appToken, bearer, startTestEmulator } from "./helpers";
import { testRoutes } from "./testRoutes";

function freePortInUse(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once("error", () => resolve(true));
    probe.listen(port, "127.0.0.1", () => probe.close(() => resolve(false)));
  });
}

describe("startEmulator", () => {
  it("returns url, authorityHost, ca and seed, and close() frees the port even with open keep-alive connections", async () => {
    const emu = await startTestEmulator({ routes: testRoutes });
    const port = Number(new URL(emu.url).port);
    assert.equal(emu.authorityHost, emu.url);
    assert.match(emu.url, /^https:\/\/127\.0\.0\.1:\d+$/);
    const token = await appToken(emu);
    assert.equal(
      (
        await apiClient(emu).get(`/v1/customers/${emu.seed.partners[0].customers[0].id}/ping`, {
          headers: bearer(token),
        })
      ).status,
      200,
    );
    await emu.close();
    assert.equal(await freePortInUse(port), false);
  });

  it("starts without customers when seed is false, still issuing tokens for the partners", async () => {
    const emu = await startTestEmulator({ seed: false, routes: testRoutes });
    try {
      assert.equal(emu.seed.partners.length, 2);
      assert.ok(emu.seed.partners.every((p) => p.customers.length === 0));
      assert.ok(await appToken(emu));
    } finally {
      await emu.close();
    }
  });

  it("answers `localhost` as well as 127.0.0.1 when bound to localhost", async () => {
    const emu = await startTestEmulator({ host: "localhost" });
    try {
      assert.match(emu.url, /^https:\/\/localhost:\d+$/);
      assert.equal((await apiClient(emu).get("/_emulator/seed")).status, 200);
    } finally {
      await emu.close();
    }
  });
});
