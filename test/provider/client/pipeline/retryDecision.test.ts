import assert from "assert";
import {
  decideOnResponse,
  exponentialDelay,
  isRetryableStatus,
  type BackoffOptions,
} from "../../../../provider/client/pipeline/retryDecision";

const options = (random: number): BackoffOptions => ({
  baseDelayMs: 500,
  maxDelayMs: 8000,
  maxRetryAfterMs: 120_000,
  random: () => random,
});

describe("pipeline/retryDecision", () => {
  it("never retries 400, 401, 403, 404, 409, 412", () => {
    for (const status of [400, 401, 403, 404, 409, 412]) {
      assert.strictEqual(isRetryableStatus(status), false, String(status));
      assert.deepStrictEqual(decideOnResponse({ status, headers: {}, body: undefined }, 0, 0, options(0.5)), {
        retry: false,
      });
    }
  });

  it("retries 429, 408 and 5xx except 501 and 505", () => {
    for (const status of [429, 408, 500, 502, 503, 504])
      assert.strictEqual(isRetryableStatus(status), true, String(status));
    for (const status of [200, 201, 204, 501, 505])
      assert.strictEqual(isRetryableStatus(status), false, String(status));
  });

  it("backs off exponentially within [d/2, d] and caps d", () => {
    const low = options(0),
      high = options(1);
    assert.deepStrictEqual(
      [0, 1, 2, 3].map((i) => exponentialDelay(i, low)),
      [250, 500, 1000, 2000],
    );
    assert.deepStrictEqual(
      [0, 1, 2, 3].map((i) => exponentialDelay(i, high)),
      [500, 1000, 2000, 4000],
    );
    assert.strictEqual(exponentialDelay(10, high), 8000);
    assert.strictEqual(exponentialDelay(10, low), 4000);
    for (let i = 0; i < 50; i++) {
      const d = exponentialDelay(2, { ...low, random: Math.random });
      assert.ok(d >= 1000 && d <= 2000, `jittered delay ${d} outside [1000, 2000]`);
    }
  });

  it("waits exactly Retry-After on 429, in seconds or as an HTTP date", () => {
    const now = Date.parse("2026-11-25T10:00:00Z");
    assert.deepStrictEqual(
      decideOnResponse({ status: 429, headers: { "retry-after": "7" }, body: undefined }, 0, now, options(0.5)),
      { retry: true, delayMs: 7000 },
    );
    assert.deepStrictEqual(
      decideOnResponse(
        { status: 429, headers: { "retry-after": "Wed, 25 Nov 2026 10:00:12 GMT" }, body: undefined },
        3,
        now,
        options(0.5),
      ),
      { retry: true, delayMs: 12_000 },
    );
  });

  it("backs off on 429 without Retry-After and gives up on a Retry-After beyond the cap", () => {
    assert.deepStrictEqual(decideOnResponse({ status: 429, headers: {}, body: undefined }, 1, 0, options(1)), {
      retry: true,
      delayMs: 1000,
    });
    assert.deepStrictEqual(
      decideOnResponse({ status: 429, headers: { "retry-after": "3600" }, body: undefined }, 0, 0, options(1)),
      { retry: false },
    );
  });
});
