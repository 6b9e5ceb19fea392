import assert from "assert";
import { parseRetryAfter } from "../../../../provider/client/pipeline/retryAfter";

describe("pipeline/retryAfter", () => {
  const now = Date.parse("2026-11-25T10:00:00Z");

  it("reads delta seconds", () => {
    assert.strictEqual(parseRetryAfter("57", now), 57_000);
    assert.strictEqual(parseRetryAfter(" 0 ", now), 0);
    assert.strictEqual(parseRetryAfter("1.5", now), 1500);
  });

  it("reads an HTTP date relative to the injected clock", () => {
    assert.strictEqual(parseRetryAfter("Wed, 25 Nov 2026 10:00:30 GMT", now), 30_000);
    assert.strictEqual(parseRetryAfter("Wed, 25 Nov 2026 10:02:00 GMT", now + 60_000), 60_000);
  });

  it("treats a date in the past as no wait", () => {
    assert.strictEqual(parseRetryAfter("Wed, 25 Nov 2026 09:59:00 GMT", now), 0);
  });

  it("ignores absent and unparsable values", () => {
    assert.strictEqual(parseRetryAfter(undefined, now), undefined);
    assert.strictEqual(parseRetryAfter("", now), undefined);
    assert.strictEqual(parseRetryAfter("soon", now), undefined);
    assert.strictEqual(parseRetryAfter("-5", now), undefined);
  });
});
