import assert from "assert";
import { QualificationRequestSchema, QualificationSchema } from "../../../../provider/client/models/qualifications";

describe("models/qualifications", () => {
  it("reads the vetting date under either documented spelling and keeps unknown fields", () => {
    assert.strictEqual(
      QualificationSchema.parse({ qualification: "Education", vettingCreatedDate: "2020-12-04T20:54:24Z" })
        .vettingCreateDate,
      "2020-12-04T20:54:24Z",
    );
    const parsed = QualificationSchema.parse({
      qualification: "Education",
      vettingCreateDate: "d1",
      extra: 1,
    }) as Record<string, unknown>;
    assert.strictEqual(parsed.vettingCreateDate, "d1");
    assert.strictEqual(parsed.extra, 1);
  });

  it("enforces the conditional request fields", () => {
    assert.ok(!QualificationRequestSchema.safeParse({ qualification: "Education" }).success);
    assert.ok(!QualificationRequestSchema.safeParse({ qualification: "GovernmentCommunityCloud" }).success);
    assert.ok(
      QualificationRequestSchema.safeParse({ qualification: "GovernmentCommunityCloud", validationCode: "123456" })
        .success,
    );
    assert.ok(!QualificationRequestSchema.safeParse({ qualification: "Nonprofit" }).success);
  });
});
