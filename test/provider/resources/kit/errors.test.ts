import assert from "assert";
import { PartnerCenterError } from "../../../../provider/client/errors";
import {
  describePartnerCenterError,
  isAnswerLost,
  isConflict,
  isNotFound,
  isPreconditionFailed,
  isThrottled,
  PartialCreateError,
  redact,
  ResourceOperationError,
  ResourceUsageError,
} from "../../../../provider/resources/kit/errors";

const pcError = (status: number, code = "x", extra: Partial<{ requestId: string; correlationId: string }> = {}) =>
  new PartnerCenterError({
    status,
    code,
    description: "the description",
    operation: "users.get",
    retryable: false,
    ...extra,
  });

describe("kit/errors", () => {
  describe("classification (one definition, the client's)", () => {
    it("reads the status of a PartnerCenterError and of any error carrying one", () => {
      assert.ok(isNotFound(pcError(404)) && isNotFound({ status: 404 }));
      assert.ok(isConflict(pcError(409)) && !isConflict(pcError(404)));
      assert.ok(isThrottled(pcError(429)) && !isThrottled(new Error("429")));
      assert.ok(!isNotFound(undefined) && !isNotFound(null) && !isNotFound("404"));
    });

    it("a stale ETag is 412, or 400 with code 2055 (string or number)", () => {
      assert.ok(isPreconditionFailed(pcError(412)));
      assert.ok(isPreconditionFailed(pcError(400, "2055")));
      assert.ok(isPreconditionFailed({ status: 400, code: 2055 }));
      assert.ok(!isPreconditionFailed(pcError(400, "2000")));
    });

    it("an answer is lost exactly when the pipeline would retry, or when no status came back", () => {
      const lost = [undefined, 0, 408, 429, 500, 502, 503, 504];
      const answered = [400, 401, 403, 404, 409, 412, 501, 505];
      assert.deepStrictEqual(
        lost.filter((status) => !isAnswerLost(status === undefined ? new Error("socket hang up") : { status })),
        [],
      );
      assert.deepStrictEqual(
        answered.filter((status) => isAnswerLost(pcError(status))),
        [],
      );
    });
  });

  describe("messages", () => {
    it("describePartnerCenterError lists status, code, call and ids", () => {
      const text = describePartnerCenterError(pcError(404, "60002", { requestId: "r-1", correlationId: "c-1" }));
      assert.strictEqual(
        text,
        "HTTP 404, Partner Center code 60002, call users.get, request id r-1, correlation id c-1",
      );
      assert.strictEqual(describePartnerCenterError(new Error("plain")), "");
    });

    it("ResourceOperationError names resource, operation, the description, the hint and the facts", () => {
      const e = new ResourceOperationError("CustomerUser a@b.com", "create", pcError(409, "1234"), "Fix: adopt it.");
      assert.strictEqual(
        e.message,
        "CustomerUser a@b.com: create failed: the description Fix: adopt it. (HTTP 409, Partner Center code 1234, call users.get)",
      );
      assert.strictEqual(e.status, 409);
      assert.strictEqual(e.code, "1234");
      const plain = new ResourceOperationError("R", "read", new Error("boom"));
      assert.strictEqual(plain.message, "R: read failed: boom");
      assert.strictEqual(plain.status, undefined);
    });

    it("ResourceUsageError and PartialCreateError keep what the host needs", () => {
      assert.strictEqual(new ResourceUsageError("R", "update", "no.").message, "R: update: no.");
      const partial = new PartialCreateError("half done", "id-1", { a: 1 });
      assert.deepStrictEqual([partial.id, partial.properties, partial.reasons], ["id-1", { a: 1 }, ["half done"]]);
    });

    it("redact replaces every secret of 4 characters or more", () => {
      assert.strictEqual(
        redact("pw=hunter2 again hunter2 abc", ["hunter2", "abc", undefined]),
        "pw=[redacted] again [redacted] abc",
      );
    });
  });
});
