import assert from "assert";
import {
  errorFromResponse,
  isConflict,
  isNotFound,
  isPreconditionFailed,
  isThrottled,
  PartnerCenterError,
} from "../../../provider/client/errors";
import { baseRequest } from "./scriptedTransport";

const request = baseRequest({
  headers: { "MS-RequestId": "req-1", "MS-CorrelationId": "corr-1" },
  operation: "users.get",
});

describe("errors", () => {
  it("parses the standard error body", () => {
    const e = errorFromResponse("users.get", request, {
      status: 404,
      headers: {},
      body: { code: 60002, description: "User object ID isn't found", data: [], source: "PartnerFD" },
    });
    assert.strictEqual(e.status, 404);
    assert.strictEqual(e.code, "60002");
    assert.strictEqual(e.description, "User object ID isn't found");
    assert.strictEqual(e.requestId, "req-1");
    assert.strictEqual(e.correlationId, "corr-1");
    assert.strictEqual(e.operation, "users.get");
    assert.strictEqual(e.retryable, false);
    assert.ok(isNotFound(e) && !isConflict(e) && !isThrottled(e));
    assert.match(
      e.message,
      /users\.get failed \(HTTP 404, code 60002\): User object ID isn't found \[request id req-1, correlation id corr-1\]/,
    );
  });

  it("parses the MCA error body with its own retryable flag", () => {
    const e = errorFromResponse("agreements.confirm", request, {
      status: 409,
      headers: { "ms-requestid": "srv-req" },
      body: {
        code: 600061,
        message: "m",
        description: "A partner confirmed agreement already exists",
        errorName: "PartnerConfirmedAgreementAlreadyExists",
        isRetryable: false,
        parameters: {},
      },
    });
    assert.strictEqual(e.code, "600061");
    assert.strictEqual(e.description, "A partner confirmed agreement already exists");
    assert.strictEqual(e.requestId, "srv-req");
    assert.ok(isConflict(e));
  });

  it("parses the 429 body and keeps Retry-After", () => {
    const e = errorFromResponse("customers.get", request, {
      status: 429,
      headers: { "retry-after": "57" },
      body: { statusCode: 429, message: "Rate limit is exceeded. Try again in 57 seconds." },
    });
    assert.strictEqual(e.code, "TooManyRequests");
    assert.strictEqual(e.description, "Rate limit is exceeded. Try again in 57 seconds.");
    assert.strictEqual(e.retryable, true);
    assert.strictEqual(e.retryAfterMs, 57_000);
    assert.ok(isThrottled(e));
  });

  it("copes with an empty or non-JSON body", () => {
    const e = errorFromResponse("x.y", request, { status: 502, headers: {}, body: "<html>bad gateway</html>" });
    assert.strictEqual(e.code, "BadGateway");
    assert.strictEqual(e.retryable, true);
    assert.match(e.description, /bad gateway/);
    assert.strictEqual(
      errorFromResponse("x.y", request, { status: 500, headers: {}, body: undefined }).code,
      "InternalServerError",
    );
  });

  it("recognises stale etags: 400/2055 and 412", () => {
    assert.ok(
      isPreconditionFailed(
        errorFromResponse("p", request, {
          status: 400,
          headers: {},
          body: { code: 2055, description: "Etag is no longer valid" },
        }),
      ),
    );
    assert.ok(isPreconditionFailed(errorFromResponse("p", request, { status: 412, headers: {}, body: undefined })));
    assert.ok(
      !isPreconditionFailed(
        errorFromResponse("p", request, { status: 400, headers: {}, body: { code: 2000, description: "x" } }),
      ),
    );
  });

  it("never carries a token or password in the message", () => {
    const e = new PartnerCenterError({
      status: 400,
      code: "2000",
      description: "bad Bearer eyJabc.eyJdef.sig password=hunter2",
      operation: "x",
      retryable: false,
      data: ["refresh_token=rt-1"],
    });
    for (const secret of ["eyJabc", "hunter2", "rt-1"])
      assert.ok(!`${e.message} ${e.data.join()}`.includes(secret), secret);
  });
});
