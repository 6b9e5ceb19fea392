import assert from "assert";
import { PartnerCenterError } from "../../../../provider/client/errors";
import { adoptAfterLostAnswer } from "../../../../provider/resources/kit/adopt-after-lost-answer";
import { isConflict } from "../../../../provider/resources/kit/errors";

const failure = (status: number) =>
  new PartnerCenterError({ status, code: "x", description: "d", operation: "users.create", retryable: false });

describe("kit/adopt-after-lost-answer", () => {
  it("after a lost answer, returns the object that appeared", async () => {
    assert.strictEqual(await adoptAfterLostAnswer(failure(503), async () => "found"), "found");
    assert.strictEqual(await adoptAfterLostAnswer(failure(408), async () => "found"), "found");
    assert.strictEqual(await adoptAfterLostAnswer(new Error("ECONNRESET"), async () => "found"), "found");
  });

  it("after a lost answer with no object there, throws the original error", async () => {
    const e = failure(500);
    await assert.rejects(
      adoptAfterLostAnswer(e, async () => undefined),
      (thrown) => thrown === e,
    );
  });

  it("after a real answer (400, 404, 409), throws it without looking", async () => {
    let looked = 0;
    const find = async () => {
      looked++;
      return "found";
    };
    for (const status of [400, 404, 409]) {
      const e = failure(status);
      await assert.rejects(adoptAfterLostAnswer(e, find), (thrown) => thrown === e);
    }
    assert.strictEqual(looked, 0);
  });

  it("alsoAfter widens the failures after which it looks", async () => {
    assert.strictEqual(await adoptAfterLostAnswer(failure(409), async () => 7, { alsoAfter: isConflict }), 7);
  });
});
