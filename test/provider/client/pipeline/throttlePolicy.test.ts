import assert from "assert";
import { Throttle, throttlePolicy } from "../../../../provider/client/pipeline/throttlePolicy";
import type { PipelineResponse } from "../../../../provider/client/pipeline/types";
import { baseRequest } from "../scriptedTransport";

/** A transport whose responses the test releases by hand, counting the calls in flight. */
function gate() {
  let inFlight = 0,
    peak = 0;
  const pending: Array<(r: PipelineResponse) => void> = [];
  const transport = () => {
    inFlight++;
    peak = Math.max(peak, inFlight);
    return new Promise<PipelineResponse>((resolve) =>
      pending.push((r) => {
        inFlight--;
        resolve(r);
      }),
    );
  };
  return {
    transport,
    pending,
    get inFlight() {
      return inFlight;
    },
    get peak() {
      return peak;
    },
  };
}
const tick = () => new Promise((resolve) => setImmediate(resolve));

describe("pipeline/throttlePolicy", () => {
  it("limits concurrency per customer and per partner", async () => {
    const throttle = new Throttle(3, 2);
    const policy = throttlePolicy(throttle);
    const g = gate();
    const calls = [
      ...[1, 2, 3].map(() => policy(baseRequest({ customerId: "A" }), g.transport)),
      ...[1, 2].map(() => policy(baseRequest({ customerId: "B" }), g.transport)),
    ];
    await tick();
    assert.strictEqual(g.inFlight, 3, "partner limit 3");
    assert.strictEqual(throttle.customer("A").inFlight, 2, "customer limit 2");
    while (g.pending.length) {
      g.pending.shift()!({ status: 200, headers: {}, body: undefined });
      await tick();
    }
    await Promise.all(calls);
    assert.strictEqual(g.peak, 3);
    assert.strictEqual(throttle.partner.inFlight, 0);
  });

  it("shrinks the partner and customer limits on 429 and grows them back on success", async () => {
    const throttle = new Throttle(8, 4);
    const policy = throttlePolicy(throttle);
    await policy(baseRequest({ customerId: "c1" }), async () => ({ status: 429, headers: {}, body: undefined }));
    assert.strictEqual(throttle.partner.limit, 4);
    assert.strictEqual(throttle.customer("c1").limit, 2);
    assert.strictEqual(throttle.customer("c2").limit, 4, "other customers are not shrunk");
    for (let i = 0; i < 2; i++)
      await policy(baseRequest({ customerId: "c1" }), async () => ({ status: 200, headers: {}, body: undefined }));
    assert.strictEqual(throttle.customer("c1").limit, 3);
    for (let i = 0; i < 30; i++)
      await policy(baseRequest({ customerId: "c1" }), async () => ({ status: 200, headers: {}, body: undefined }));
    assert.strictEqual(throttle.partner.limit, 8);
    assert.strictEqual(throttle.customer("c1").limit, 4);
  });

  it("releases its slots when the transport throws", async () => {
    const throttle = new Throttle(1, 1);
    const policy = throttlePolicy(throttle);
    await assert.rejects(
      policy(baseRequest({ customerId: "c" }), async () => {
        throw new Error("reset");
      }),
    );
    assert.strictEqual(throttle.partner.inFlight, 0);
    assert.strictEqual(throttle.customer("c").inFlight, 0);
  });
});
