import assert from "node:assert/strict";
import { RequestLog } from "../../../emulator/runtime/requestLog";

describe("emulator request log", () => {
  it("keeps the newest entries up to its bound and numbers them for ?since=", () => {
    const log = new RequestLog(3);
    for (let i = 0; i < 5; i++)
      log.add({
        time: "t",
        method: "GET",
        path: `/${i}`,
        query: "",
        status: 200,
        requestId: "r",
        correlationId: "c",
        partnerId: null,
        customerId: null,
        replayed: false,
      });
    assert.deepEqual(
      log.since().map((e) => [e.seq, e.path]),
      [
        [3, "/2"],
        [4, "/3"],
        [5, "/4"],
      ],
    );
    assert.deepEqual(
      log.since(4).map((e) => e.path),
      ["/4"],
    );
    log.clear();
    assert.deepEqual(log.since(), []);
  });
});
