import assert from "node:assert/strict";
import { RateLimiter } from "../../../emulator/runtime/rateLimiter";

describe("emulator rate limiter", () => {
  it("limits a partner+customer pair separately from the partner", () => {
    const limiter = new RateLimiter();
    assert.equal(limiter.tryAcquire(["p", "p:c1"], 0, 2).ok, true);
    assert.equal(limiter.tryAcquire(["p", "p:c1"], 1, 2).ok, true);
    const refused = limiter.tryAcquire(["p", "p:c2"], 2, 2);
    assert.deepEqual(refused, { ok: false, retryAfterSeconds: 60 });
    assert.equal(limiter.tryAcquire(["q", "q:c1"], 2, 2).ok, true);
  });

  it("does not count a refused request", () => {
    const limiter = new RateLimiter();
    assert.equal(limiter.tryAcquire(["p"], 0, 1).ok, true);
    assert.equal(limiter.tryAcquire(["p"], 30_000, 1).ok, false);
    assert.equal(limiter.tryAcquire(["p"], 60_000, 1).ok, true);
  });
});
