import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, writeFileSync, readdirSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { Store } from "../../../emulator/store/store";
import { startEmulator } from "../../../emulator";
import { apiClient, appToken, bearer } from "../helpers";
import { testRoutes } from "../testRoutes";

const quiet = { diagnostic: () => undefined };

describe("emulator store", () => {
  it("persists changes across a restart, reusing the TLS certificate beside the state file", async () => {
    const dir = mkdtempSync(join(tmpdir(), "pc-emu-"));
    const statePath = join(dir, "state.json");
    const first = await startEmulator({ statePath, routes: testRoutes, ...quiet });
    const customerId = first.seed.partners[0].customers[0].id;
    const token = await appToken(first);
    const created = await apiClient(first).post(`/v1/customers/${customerId}/orders`, {}, { headers: bearer(token) });
    assert.equal(created.status, 201);
    const ca = first.ca;
    await first.close();
    assert.deepEqual(readdirSync(dir).sort(), ["state.json", "state.json.tls.json"]);

    const second = await startEmulator({ statePath, routes: testRoutes, ...quiet });
    try {
      assert.equal(second.ca, ca);
      assert.ok(JSON.stringify(second.seed) === JSON.stringify(first.seed), "SeedInfo changed across the restart");
      // tokens issued before the restart stay valid: the signing key is part of the state
      const orders = second.store.findCustomer(customerId)!.customer.orders;
      assert.ok(orders.some((o) => o.id === created.data.id));
      assert.equal(
        (await apiClient(second).get(`/v1/customers/${customerId}/ping`, { headers: bearer(token) })).status,
        200,
      );
    } finally {
      await second.close();
    }
  });

  it("refuses a corrupt state file with an error naming the file, and leaves it untouched", async () => {
    const dir = mkdtempSync(join(tmpdir(), "pc-emu-"));
    const statePath = join(dir, "state.json");
    writeFileSync(statePath, '{"version":1,"partners":[');
    await assert.rejects(
      startEmulator({ statePath, ...quiet }),
      (e: Error) => e.message.includes(statePath) && /corrupt/.test(e.message),
    );
    assert.equal(readFileSync(statePath, "utf8"), '{"version":1,"partners":[');
    writeFileSync(statePath, JSON.stringify({ version: 2, partners: [] }));
    await assert.rejects(
      startEmulator({ statePath, ...quiet }),
      (e: Error) => e.message.includes(statePath) && /version/.test(e.message),
    );
  });

  it("saves atomically: no temp file is left and the file is always complete JSON", () => {
    const dir = mkdtempSync(join(tmpdir(), "pc-emu-"));
    const path = join(dir, "s.json");
    const store = new Store(
      {
        version: 1,
        partners: [],
        selfServePolicies: [],
        agreementMetadata: [],
        tokenSigningKey: "k".repeat(32),
        clockOffsetMs: 5,
      },
      path,
    );
    store.save();
    store.data.clockOffsetMs = 6;
    store.save();
    assert.deepEqual(readdirSync(dir), ["s.json"]);
    assert.equal(Store.readFile(path).clockOffsetMs, 6);
  });
});
