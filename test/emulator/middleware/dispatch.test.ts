import assert from "node:assert/strict";
import { ApiError, type RequestContext, type Route } from "../../../emulator/http/types";
import { dispatch } from "../../../emulator/middleware/dispatch";
import type { CustomerRecord, PartnerRecord } from "../../../emulator/store/types";
import { BASE_NOW, fakeExchange, fakeRuntime } from "./fakeExchange";

const partner = { tenantId: "p-1", customers: [] } as unknown as PartnerRecord;
const customer = { id: "c-1" } as unknown as CustomerRecord;
const caller = { partnerId: "p-1", clientId: "app", kind: "user" as const, audience: "aud" };

/** A route whose handler records the context it was given and answers 200. */
function recordingRoute(seen: RequestContext[], handle?: Route["handle"]): Route {
  return {
    method: "POST",
    pattern: "/v1/customers/:customerId/things",
    auth: "app-or-user",
    handle: (ctx) => {
      seen.push(ctx);
      return handle ? handle(ctx) : { status: 200, body: { ok: true } };
    },
  };
}

describe("emulator dispatch middleware", () => {
  it("hands the handler the parsed body, the route's params and query, the caller, partner and the customer resolved once", async () => {
    const seen: RequestContext[] = [];
    const x = fakeExchange(fakeRuntime(), {
      method: "POST",
      url: "/v1/customers/c-1/things?size=5",
      headers: { "content-type": "application/json; charset=utf-8", "x-extra": "1" },
      rawBody: Buffer.from('{"DisplayName":"Jane","Inner":{"ObjectType":"X"}}'),
      route: recordingRoute(seen),
      params: { customerId: "c-1" },
      caller,
      partner,
      customer,
    });
    await dispatch(x, async () => assert.fail("dispatch is the innermost step and calls no next"));
    assert.deepEqual(x.reply, { status: 200, body: { ok: true } });
    assert.equal(seen.length, 1);
    const ctx = seen[0];
    assert.deepEqual(ctx.body, { displayName: "Jane", inner: { objectType: "X" } });
    assert.equal(ctx.method, "POST");
    assert.equal(ctx.path, "/v1/customers/c-1/things");
    assert.deepEqual(ctx.params, { customerId: "c-1" });
    assert.equal(ctx.query.get("size"), "5");
    assert.equal(ctx.headers["x-extra"], "1");
    assert.equal(ctx.caller, caller);
    assert.equal(ctx.partner, partner);
    // the store holds no customers: the context must carry the one resolveRoute found, not look it up again
    assert.equal(ctx.customer, customer);
  });

  it("gives no customer on routes without :customerId and an undefined body for an empty one", async () => {
    const seen: RequestContext[] = [];
    const x = fakeExchange(fakeRuntime(), { route: recordingRoute(seen), caller, partner });
    await dispatch(x, async () => undefined);
    assert.equal(seen[0].customer, undefined);
    assert.equal(seen[0].body, undefined);
  });

  it("runs ctx.now on the emulated clock (base + admin offset) and marks the exchange changed through ctx.changed", async () => {
    const seen: RequestContext[] = [];
    const x = fakeExchange(fakeRuntime({ offsetMs: 86_400_000 }), {
      route: recordingRoute(seen, (ctx) => {
        ctx.changed();
        return { status: 201, body: { at: ctx.now().toISOString() } };
      }),
      caller,
      partner,
    });
    assert.equal(x.changed, false);
    await dispatch(x, async () => undefined);
    assert.equal(x.changed, true);
    assert.deepEqual(x.reply, { status: 201, body: { at: new Date(BASE_NOW + 86_400_000).toISOString() } });
  });

  it("throws 400/2000 for malformed JSON or a non-JSON content type without running the handler", async () => {
    for (const [contentType, raw, pattern] of [
      ["application/json", '{"a":', /not valid JSON/],
      ["text/plain", "a=b", /application\/json/],
    ] as const) {
      const seen: RequestContext[] = [];
      const x = fakeExchange(fakeRuntime(), {
        method: "POST",
        headers: { "content-type": contentType },
        rawBody: Buffer.from(raw),
        route: recordingRoute(seen),
        caller,
        partner,
      });
      await assert.rejects(
        dispatch(x, async () => undefined),
        (e: unknown) => e instanceof ApiError && e.status === 400 && e.code === 2000 && pattern.test(e.description),
      );
      assert.equal(seen.length, 0, contentType);
      assert.equal(x.reply, undefined);
    }
  });

  it("lets a handler's ApiError through to the error-body middleware", async () => {
    const x = fakeExchange(fakeRuntime(), {
      route: recordingRoute([], () => {
        throw new ApiError(409, 60018, "exists");
      }),
      caller,
      partner,
    });
    await assert.rejects(
      dispatch(x, async () => undefined),
      (e: unknown) => e instanceof ApiError && e.code === 60018,
    );
  });
});
