import assert from "assert";
import { expectError, useEmulator } from "./apiFixture";

describe("emulator handlers: subscriptions", () => {
  const api = useEmulator();
  const cid = () => api.customer(0).id;
  const sid = () => api.customer(0).subscriptions[0].id;
  const read = async () => {
    const res = await api.call("GET", `/v1/customers/${cid()}/subscriptions/${sid()}`);
    assert.strictEqual(res.status, 200);
    return res.data;
  };
  const patch = (body: unknown, headers: Record<string, string> = {}) =>
    api.call("PATCH", `/v1/customers/${cid()}/subscriptions/${sid()}`, { as: "app", body, headers });

  it("lists and gets subscriptions with an etag = base64 of {id, version}", async () => {
    const list = await api.call("GET", `/v1/customers/${cid()}/subscriptions`, { as: "app" });
    assert.strictEqual(list.status, 200);
    assert.strictEqual(list.data.totalCount, api.customer(0).subscriptions.length);
    const sub = await read();
    assert.deepStrictEqual(JSON.parse(Buffer.from(sub.attributes.etag, "base64").toString("utf8")), {
      id: sub.id,
      version: 1,
    });
    assert.strictEqual(sub.attributes.objectType, "Subscription");
    assert.strictEqual(sub.links.self.uri, `/customers/${cid()}/subscriptions/${sub.id}`);
    expectError(
      await api.call("GET", `/v1/customers/${cid()}/subscriptions/00000000-0000-0000-0000-000000000000`),
      404,
      20003,
    );
  });

  it("renames with the full resource and its body etag (PascalCase), issuing a new etag", async () => {
    const sub = await read();
    const res = await patch({
      Id: sub.id,
      FriendlyName: "Sales seats",
      Quantity: sub.quantity,
      Status: sub.status,
      OfferName: "ignored",
      Attributes: { Etag: sub.attributes.etag, ObjectType: "Subscription" },
    });
    assert.strictEqual(res.status, 200, JSON.stringify(res.data));
    assert.strictEqual(res.data.friendlyName, "Sales seats");
    assert.strictEqual(res.data.offerName, sub.offerName, "read-only fields are not changed");
    assert.notStrictEqual(res.data.attributes.etag, sub.attributes.etag);
    expectError(await patch({ ...sub, friendlyName: "Stale" }), 400, 2055);
    assert.strictEqual((await read()).friendlyName, "Sales seats");
  });

  it("accepts the etag in If-Match, and a stale one in If-Match is 400/2055 even with a current body etag", async () => {
    const sub = await read();
    const { attributes: _drop, ...withoutEtag } = sub;
    const res = await patch(
      { ...withoutEtag, quantity: sub.quantity + 1, autoRenewEnabled: !sub.autoRenewEnabled },
      { "If-Match": `"${sub.attributes.etag}"` },
    );
    assert.strictEqual(res.status, 200, JSON.stringify(res.data));
    assert.strictEqual(res.data.quantity, sub.quantity + 1);
    assert.strictEqual(res.data.autoRenewEnabled, !sub.autoRenewEnabled);
    expectError(
      await patch({ ...res.data, friendlyName: "stale header" }, { "If-Match": `"${sub.attributes.etag}"` }),
      400,
      2055,
    );
  });

  it("applies a PATCH that carries no etag at all (neither attributes.etag nor If-Match), as generated clients send it", async () => {
    const before = await read();
    const res = await patch({ id: before.id, friendlyName: "No etag sent", quantity: before.quantity });
    assert.strictEqual(res.status, 200, JSON.stringify(res.data));
    assert.strictEqual(res.data.friendlyName, "No etag sent");
    assert.notStrictEqual(res.data.attributes.etag, before.attributes.etag);
    assert.strictEqual((await read()).friendlyName, "No etag sent");
  });

  it("suspends, refuses updates while suspended (800091), and reactivates", async () => {
    let sub = await read();
    const suspended = await patch({ ...sub, status: "suspended" });
    assert.strictEqual(suspended.data.status, "suspended");
    expectError(await patch({ ...suspended.data, friendlyName: "x" }), 400, 800091);
    const active = await patch({ ...suspended.data, status: "active", friendlyName: "back" });
    assert.strictEqual(active.status, 200, JSON.stringify(active.data));
    assert.strictEqual(active.data.status, "active");
    sub = await read();
    assert.strictEqual(sub.friendlyName, "back");
    expectError(await patch({ ...sub, status: "expired" }), 400, 2000, /active and suspended/);
  });

  it("refuses updates to a deleted subscription with 400/2011", async () => {
    api.emu.store.data.partners[0].customers[0].subscriptions[0].status = "deleted";
    const sub = await read();
    expectError(await patch({ ...sub, friendlyName: "x" }), 400, 2011);
  });

  it("validates the changed fields", async () => {
    const sub = await read();
    expectError(await patch({ ...sub, quantity: 0 }), 400, 2000, /quantity/);
    expectError(await patch({ ...sub, friendlyName: "" }), 400, 2000, /friendlyName/);
  });
});
