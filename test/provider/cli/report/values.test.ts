import assert from "node:assert/strict";
import { specialSigKey, unknownValue } from "@pulumi/pulumi/runtime/rpc";
import { SECRET_SIG, UNKNOWN } from "../../../../provider/cli/report/values";

describe("cli/report/values", () => {
  it("uses the engine's own secret signature key and preview unknown sentinel", () => {
    assert.equal(SECRET_SIG, specialSigKey);
    assert.equal(UNKNOWN, unknownValue);
  });
});
