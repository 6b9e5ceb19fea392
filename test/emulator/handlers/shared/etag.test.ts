import assert from "assert";
import { callerEtag, numericEtag, sameEtag, versionEtag } from "../../../../emulator/handlers/shared/etag";

describe("emulator/handlers/shared/etag", () => {
  it("prefers If-Match over the body etag, and is undefined without either", () => {
    assert.strictEqual(callerEtag({ headers: { "if-match": '"h"' }, body: { attributes: { etag: "b" } } }), '"h"');
    assert.strictEqual(callerEtag({ headers: {}, body: { attributes: { etag: "b" } } }), "b");
    assert.strictEqual(callerEtag({ headers: {}, body: {} }), undefined);
  });

  it("compares etags ignoring quotes and a weak prefix", () => {
    assert.ok(sameEtag('"5920358838484612121"', "5920358838484612121"));
    assert.ok(sameEtag('W/"abc"', '"abc"'));
    assert.ok(!sameEtag('"abc"', "abd"));
  });

  it("formats numeric and versioned etags", () => {
    assert.match(numericEtag(), /^-?\d+$/);
    assert.deepStrictEqual(JSON.parse(Buffer.from(versionEtag("s1", 2), "base64").toString()), {
      id: "s1",
      version: 2,
    });
  });
});
