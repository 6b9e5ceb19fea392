import assert from "node:assert/strict";
import { ApiError } from "../../../emulator/http/types";
import { errorBody } from "../../../emulator/middleware/errorBody";
import { fakeExchange, fakeRuntime } from "./fakeExchange";

describe("emulator error-body middleware", () => {
  it("leaves an answer that inner steps produced untouched", async () => {
    const x = fakeExchange(fakeRuntime());
    await errorBody(x, async () => {
      x.reply = { status: 204 };
    });
    assert.deepEqual(x.reply, { status: 204 });
  });

  it("turns an ApiError into the documented error body with its status, code, data and extra fields", async () => {
    const x = fakeExchange(fakeRuntime());
    await errorBody(x, async () => {
      throw new ApiError(400, 60012, "No licenses left.", ["LicenseQuotaExceededException : none"], {
        errorName: "LicenseQuotaExceeded",
      });
    });
    assert.deepEqual(x.reply, {
      status: 400,
      body: {
        code: 60012,
        description: "No licenses left.",
        data: ["LicenseQuotaExceededException : none"],
        source: "PartnerFD",
        errorName: "LicenseQuotaExceeded",
      },
      headers: undefined,
    });
  });

  it("answers any other exception with 500/5000 naming the request id, logs a diagnostic, and hides the message", async () => {
    const diagnostics: string[] = [];
    const x = fakeExchange(fakeRuntime({ diagnostics }), { method: "POST", url: "/v1/boom", requestId: "rid-42" });
    await errorBody(x, async () => {
      throw new TypeError("secret internal detail at line 7");
    });
    assert.equal(x.reply?.status, 500);
    const body = x.reply?.body as { code: number; description: string; source: string };
    assert.equal(body.code, 5000);
    assert.equal(body.source, "PartnerFD");
    assert.match(body.description, /MS-RequestId rid-42/);
    assert.doesNotMatch(JSON.stringify(x.reply), /secret internal detail|TypeError/);
    assert.equal(diagnostics.length, 1);
    assert.match(diagnostics[0], /POST \/v1\/boom \(request rid-42\): secret internal detail at line 7/);
  });

  it("also catches a thrown non-Error value", async () => {
    const x = fakeExchange(fakeRuntime());
    await errorBody(x, async () => {
      throw "a string";
    });
    assert.equal(x.reply?.status, 500);
  });
});
