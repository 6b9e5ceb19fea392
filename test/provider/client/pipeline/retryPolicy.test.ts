import assert from "assert";
import { retryPolicy } from "../../../../provider/client/pipeline/retryPolicy";
import { requestIdPolicy } from "../../../../provider/client/pipeline/requestIdPolicy";
import { compose, TransportError } from "../../../../provider/client/pipeline/types";
import { baseRequest, recordingSleep, scripted } from "../scriptedTransport";

function setup(maxRetries = 3, now = () => 0, maxThrottleWaitMs = 60_000) {
  const clock = recordingSleep();
  const policy = retryPolicy({
    maxRetries,
    maxThrottleWaitMs,
    baseDelayMs: 100,
    maxDelayMs: 1000,
    maxRetryAfterMs: 60_000,
    random: () => 1,
    sleep: clock.sleep,
    now,
  });
  return { policy, sleeps: clock.sleeps };
}

describe("pipeline/retryPolicy", () => {
  it("retries 5xx and 408 with exponential delays until success", async () => {
    const { policy, sleeps } = setup();
    const s = scripted({ status: 503 }, { status: 500 }, { status: 408 }, { status: 200, body: { ok: true } });
    const response = await policy(baseRequest(), s.transport);
    assert.strictEqual(response.status, 200);
    assert.strictEqual(s.requests.length, 4);
    assert.deepStrictEqual(sleeps, [100, 200, 400]);
  });

  it("stops after maxRetries and returns the last response", async () => {
    const { policy, sleeps } = setup(2);
    const s = scripted({ status: 502 });
    const response = await policy(baseRequest(), s.transport);
    assert.strictEqual(response.status, 502);
    assert.strictEqual(s.requests.length, 3);
    assert.strictEqual(sleeps.length, 2);
  });

  it("does not retry 400/401/403/404/409/412", async () => {
    for (const status of [400, 401, 403, 404, 409, 412]) {
      const { policy, sleeps } = setup();
      const s = scripted({ status }, { status: 200 });
      assert.strictEqual((await policy(baseRequest(), s.transport)).status, status);
      assert.strictEqual(s.requests.length, 1, `status ${status} was retried`);
      assert.deepStrictEqual(sleeps, []);
    }
  });

  it("honours Retry-After seconds and HTTP dates with the injected clock", async () => {
    const now = Date.parse("2026-11-25T10:00:00Z");
    const { policy, sleeps } = setup(3, () => now);
    const s = scripted(
      { status: 429, headers: { "retry-after": "3" } },
      { status: 429, headers: { "retry-after": "Wed, 25 Nov 2026 10:00:45 GMT" } },
      { status: 204 },
    );
    assert.strictEqual((await policy(baseRequest(), s.transport)).status, 204);
    assert.deepStrictEqual(sleeps, [3000, 45_000]);
  });

  it("waits out 429s beyond maxRetries until their waits would pass maxThrottleWaitMs", async () => {
    const { policy, sleeps } = setup(1, () => 0, 10_000);
    const s = scripted({ status: 429, headers: { "retry-after": "3" } });
    const response = await policy(baseRequest(), s.transport);
    assert.strictEqual(response.status, 429);
    assert.deepStrictEqual(sleeps, [3000, 3000, 3000]);
    assert.strictEqual(s.requests.length, 4);
  });

  it("rides out a long 429 window and then succeeds, with the 5xx count apart", async () => {
    const { policy, sleeps } = setup(1);
    const throttled = Array.from({ length: 12 }, () => ({ status: 429, headers: { "retry-after": "1" } }));
    const s = scripted({ status: 503 }, ...throttled, { status: 200 });
    assert.strictEqual((await policy(baseRequest(), s.transport)).status, 200);
    assert.strictEqual(s.requests.length, 14);
    assert.deepStrictEqual(sleeps, [100, ...throttled.map(() => 1000)]);
  });

  it("retries nothing, not even a 429, when maxRetries is 0", async () => {
    const { policy, sleeps } = setup(0);
    const s = scripted({ status: 429, headers: { "retry-after": "1" } }, { status: 200 });
    assert.strictEqual((await policy(baseRequest(), s.transport)).status, 429);
    assert.deepStrictEqual(sleeps, []);
  });

  it("retries network errors and rethrows the last one", async () => {
    const { policy, sleeps } = setup(2);
    const s = scripted({ networkError: "ECONNRESET" });
    await assert.rejects(
      policy(baseRequest(), s.transport),
      (e: unknown) => e instanceof TransportError && e.code === "ECONNRESET",
    );
    assert.strictEqual(s.requests.length, 3);
    assert.deepStrictEqual(sleeps, [100, 200]);
  });

  it("recovers from a connection reset", async () => {
    const { policy } = setup();
    const s = scripted({ networkError: "ECONNRESET" }, { status: 201 });
    assert.strictEqual((await policy(baseRequest(), s.transport)).status, 201);
  });

  it("does not retry other errors (e.g. a failed token request)", async () => {
    const { policy } = setup();
    let calls = 0;
    await assert.rejects(
      policy(baseRequest(), async () => {
        calls++;
        throw new Error("boom");
      }),
      /boom/,
    );
    assert.strictEqual(calls, 1);
  });

  it("keeps MS-RequestId across the retries of one call and changes it for the next call", async () => {
    const { policy } = setup();
    const s = scripted({ status: 500 }, { status: 500 }, { status: 200 });
    const send = compose([requestIdPolicy(), policy], s.transport);
    await send(baseRequest());
    const ids = s.requests.map((r) => r.headers["MS-RequestId"]);
    assert.strictEqual(ids.length, 3);
    assert.match(ids[0], /^[0-9a-f-]{36}$/);
    assert.ok(
      ids.every((id) => id === ids[0]),
      "request id changed between retries",
    );
    await send(baseRequest());
    assert.notStrictEqual(s.requests[3].headers["MS-RequestId"], ids[0]);
  });
});
