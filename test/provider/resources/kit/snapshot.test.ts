import assert from "assert";
import { ListSnapshot } from "../../../../provider/resources/kit/snapshot";

describe("kit/snapshot", () => {
  let clock = 0;
  const now = () => clock;
  beforeEach(() => (clock = 1_000));

  it("shares one load between concurrent and later callers within the TTL", async () => {
    const s = new ListSnapshot({ ttlMs: 10_000, now });
    let loads = 0;
    const load = async () => [++loads];
    const results = await Promise.all([
      s.get("C1", "users", load),
      s.get("c1", "users", load),
      s.get("c1", "users", load),
    ]);
    assert.deepStrictEqual(results, [[1], [1], [1]]);
    clock += 9_999;
    assert.deepStrictEqual(await s.get("c1", "users", load), [1]);
    assert.strictEqual(loads, 1);
    assert.strictEqual(s.loads, 1);
  });

  it("reloads after the TTL and keeps kinds and customers apart", async () => {
    const s = new ListSnapshot({ ttlMs: 10_000, now });
    let loads = 0;
    const load = async () => ++loads;
    await s.get("c1", "users", load);
    await s.get("c1", "roles", load);
    await s.get("c2", "users", load);
    assert.strictEqual(loads, 3);
    clock += 10_000;
    assert.strictEqual(await s.get("c1", "users", load), 4);
  });

  it("invalidate forgets every list of that customer only", async () => {
    const s = new ListSnapshot({ ttlMs: 10_000, now });
    let loads = 0;
    const load = async () => ++loads;
    await s.get("c1", "users", load);
    await s.get("c2", "users", load);
    s.invalidate("C1");
    assert.strictEqual(await s.get("c1", "users", load), 3);
    assert.strictEqual(await s.get("c2", "users", load), 2);
  });

  it("invalidate with kinds forgets only the lists of those kinds or kind prefixes", async () => {
    const s = new ListSnapshot({ ttlMs: 10_000, now });
    let loads = 0;
    const load = async () => ++loads;
    for (const kind of ["users", "roles", "roleMembers:r1", "roleMembers:r2"]) await s.get("c1", kind, load);
    s.invalidate("c1", ["roleMembers:", "users"]);
    assert.strictEqual(await s.get("c1", "roles", load), 2, "roles kept");
    assert.strictEqual(await s.get("c1", "roleMembers:r2", load), 5, "a prefix match is forgotten");
    assert.strictEqual(await s.get("c1", "users", load), 6, "an exact kind is forgotten");
  });

  it("forgets a failed load so the next caller retries, and gives the error to every waiter", async () => {
    const s = new ListSnapshot({ ttlMs: 10_000, now });
    let calls = 0;
    const failing = async () => {
      calls++;
      throw new Error("throttled");
    };
    const waits = [s.get("c1", "users", failing), s.get("c1", "users", failing)];
    for (const w of waits) await assert.rejects(w, /throttled/);
    assert.strictEqual(calls, 1);
    assert.strictEqual(await s.get("c1", "users", async () => "ok"), "ok");
  });

  it("ttl 0 disables sharing", async () => {
    const s = new ListSnapshot({ ttlMs: 0, now });
    let loads = 0;
    await Promise.all([s.get("c1", "users", async () => ++loads), s.get("c1", "users", async () => ++loads)]);
    assert.strictEqual(loads, 2);
  });
});
