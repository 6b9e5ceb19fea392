import assert from "assert";
import { AdaptiveLimiter } from "../../../../provider/client/pipeline/adaptiveLimiter";

describe("pipeline/adaptiveLimiter", () => {
  it("admits up to the limit and queues the rest in order", async () => {
    const limiter = new AdaptiveLimiter(2);
    await limiter.acquire();
    await limiter.acquire();
    const order: number[] = [];
    const third = limiter.acquire().then(() => order.push(3));
    const fourth = limiter.acquire().then(() => order.push(4));
    await Promise.resolve();
    assert.strictEqual(limiter.inFlight, 2);
    assert.strictEqual(limiter.queued, 2);
    limiter.release();
    await third;
    assert.deepStrictEqual(order, [3]);
    limiter.release();
    await fourth;
    assert.deepStrictEqual(order, [3, 4]);
  });

  it("halves on throttling, never below one", () => {
    const limiter = new AdaptiveLimiter(8);
    limiter.onThrottled();
    assert.strictEqual(limiter.limit, 4);
    limiter.onThrottled();
    limiter.onThrottled();
    limiter.onThrottled();
    assert.strictEqual(limiter.limit, 1);
  });

  it("grows back by one after a window of successes, up to the maximum", () => {
    const limiter = new AdaptiveLimiter(4);
    limiter.onThrottled();
    assert.strictEqual(limiter.limit, 2);
    limiter.onSuccess();
    assert.strictEqual(limiter.limit, 2);
    limiter.onSuccess();
    assert.strictEqual(limiter.limit, 3);
    for (let i = 0; i < 3; i++) limiter.onSuccess();
    assert.strictEqual(limiter.limit, 4);
    for (let i = 0; i < 10; i++) limiter.onSuccess();
    assert.strictEqual(limiter.limit, 4);
  });

  it("rejects a non-positive limit", () => {
    assert.throws(() => new AdaptiveLimiter(0), /integer >= 1/);
  });
});
