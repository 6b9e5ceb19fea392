import assert from "node:assert/strict";
import { requestLog } from "../../../emulator/middleware/requestLog";
import { maskQuery } from "../../../emulator/runtime/requestLog";
import type { PartnerRecord } from "../../../emulator/store/types";
import { BASE_NOW, fakeExchange, fakeRuntime } from "./fakeExchange";

describe("emulator request-log middleware", () => {
  it("writes one entry after the inner steps ran, with the answer's status, ids, partner, customer and emulated time", async () => {
    const runtime = fakeRuntime({ offsetMs: 60_000 });
    const x = fakeExchange(runtime, {
      method: "PATCH",
      url: "/v1/customers/c-1/users/u-1?size=5",
      requestId: "rid",
      correlationId: "cid",
      customerId: "c-1",
    });
    await requestLog(x, async () => {
      assert.equal(runtime.log.since().length, 0, "nothing is logged before the request is answered");
      x.partner = { tenantId: "p-1" } as PartnerRecord;
      x.reply = { status: 202 };
    });
    assert.deepEqual(runtime.log.since(), [
      {
        seq: 1,
        time: new Date(BASE_NOW + 60_000).toISOString(),
        method: "PATCH",
        path: "/v1/customers/c-1/users/u-1",
        query: "size=5",
        status: 202,
        requestId: "rid",
        correlationId: "cid",
        partnerId: "p-1",
        customerId: "c-1",
        replayed: false,
      },
    ]);
  });

  it("logs even when an inner step throws (status 0), and rethrows", async () => {
    const runtime = fakeRuntime();
    const x = fakeExchange(runtime);
    await assert.rejects(
      requestLog(x, async () => {
        throw new Error("boom");
      }),
      /boom/,
    );
    const entries = runtime.log.since();
    assert.equal(entries.length, 1);
    assert.equal(entries[0].status, 0);
    assert.equal(entries[0].partnerId, null);
    assert.equal(entries[0].customerId, null);
  });

  it("records a socket reset as status 0 with reset, and the fault rule and latency that applied", async () => {
    const runtime = fakeRuntime();
    const x = fakeExchange(runtime);
    await requestLog(x, async () => {
      x.reply = { status: 200 };
      x.reset = true;
      x.faultId = "rule-1";
      x.latencyMs = 250;
      x.replayed = true;
    });
    const [entry] = runtime.log.since();
    assert.equal(entry.status, 0);
    assert.equal(entry.reset, true);
    assert.equal(entry.faultId, "rule-1");
    assert.equal(entry.latencyMs, 250);
    assert.equal(entry.replayed, true);
  });

  it("masks query values whose names look like credentials and never logs headers or bodies", async () => {
    const runtime = fakeRuntime();
    const x = fakeExchange(runtime, {
      url: "/v1/x?client_secret=s3cr3t&refresh_token=rt-value-9&code=c0de&size=5",
      headers: { authorization: "Bearer abc.def.ghi" },
      rawBody: Buffer.from('{"password":"P@ssw0rd!"}'),
    });
    await requestLog(x, async () => {
      x.reply = { status: 200 };
    });
    const text = JSON.stringify(runtime.log.since());
    assert.equal(runtime.log.since()[0].query, "client_secret=***&refresh_token=***&code=***&size=5");
    for (const secret of ["s3cr3t", "rt-value-9", "c0de", "abc.def.ghi", "P@ssw0rd!"])
      assert.ok(!text.includes(secret), secret);
    assert.equal(maskQuery(new URLSearchParams("signature=x&keyword=y")), "signature=***&keyword=***");
  });
});
