import assert from "assert";
import { requestIdPolicy } from "../../../../provider/client/pipeline/requestIdPolicy";
import { baseRequest, scripted } from "../scriptedTransport";

describe("pipeline/requestIdPolicy", () => {
  it("sets a new request id and correlation id per call when not scoped", async () => {
    const s = scripted({ status: 200 });
    const policy = requestIdPolicy();
    await policy(baseRequest(), s.transport);
    await policy(baseRequest(), s.transport);
    const [a, b] = s.requests;
    assert.notStrictEqual(a.headers["MS-RequestId"], b.headers["MS-RequestId"]);
    assert.notStrictEqual(a.headers["MS-CorrelationId"], b.headers["MS-CorrelationId"]);
    assert.notStrictEqual(a.headers["MS-RequestId"], a.headers["MS-CorrelationId"]);
  });

  it("fixes the correlation id of a scoped client", async () => {
    const s = scripted({ status: 200 });
    const policy = requestIdPolicy("11111111-2222-3333-4444-555555555555");
    await policy(baseRequest(), s.transport);
    await policy(baseRequest(), s.transport);
    assert.deepStrictEqual(
      s.requests.map((r) => r.headers["MS-CorrelationId"]),
      ["11111111-2222-3333-4444-555555555555", "11111111-2222-3333-4444-555555555555"],
    );
  });

  it("keeps a request id the caller already set", async () => {
    const s = scripted({ status: 200 });
    await requestIdPolicy()(baseRequest({ headers: { "MS-RequestId": "given" } }), s.transport);
    assert.strictEqual(s.requests[0].headers["MS-RequestId"], "given");
  });
});
