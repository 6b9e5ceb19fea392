import assert from "assert";
import { ValidationCodeSchema } from "../../../../provider/client/models/validations";

describe("models/validations", () => {
  it("reads validationId given as a string or a number, and requires it", () => {
    assert.strictEqual(ValidationCodeSchema.parse({ validationId: 123 }).validationId, "123");
    assert.strictEqual(ValidationCodeSchema.parse({ validationId: "abc", eTag: 'W/"x"' }).eTag, 'W/"x"');
    assert.ok(!ValidationCodeSchema.safeParse({ partnerId: "p" }).success);
  });
});
