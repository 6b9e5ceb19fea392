// defineResource on a toy resource (no Partner Center): what the kit guarantees every resource.
import assert from "assert";
import { z } from "zod";
import type { PartnerCenterClient } from "../../../../provider/client";
import { PartnerCenterError } from "../../../../provider/client/errors";
import { defineResource, type ResourceContext } from "../../../../provider/resources/kit/define-resource";
import { ResourceOperationError, ResourceUsageError } from "../../../../provider/resources/kit/errors";
import { DEFAULT_WAITS } from "../../../../provider/resources/kit/propagation";
import { ListSnapshot } from "../../../../provider/resources/kit/snapshot";
import { UNKNOWN } from "../../../../provider/resources/kit/unknown";

const CUSTOMER = "11111111-1111-1111-1111-111111111111";

interface Remote {
  name: string;
  colour?: string;
}

function toy(remote: Map<string, Remote>, fail?: Error) {
  return defineResource({
    type: "Toy",
    inputs: z.strictObject({
      customerId: z.string(),
      name: z.string().min(1, { error: "must not be empty. Fix: give a name" }),
      colour: z.string().optional(),
      size: z.number().default(3),
    }),
    outputs: z.object({ toyId: z.string(), note: z.string().optional() }),
    diff: { replaceOn: ["customerId", "name"], inPlace: ["colour", "size"] },
    describe: (p) => `Toy ${p.name ?? "?"}`,
    async create(_ctx, inputs) {
      if (fail) throw fail;
      remote.set(inputs.name, { name: inputs.name, colour: inputs.colour });
      return { id: `${inputs.customerId}/${inputs.name}`, outs: { toyId: inputs.name, note: undefined } };
    },
    async read(_ctx, id, props) {
      const found = remote.get(props.name);
      if (!found) return undefined;
      return { colour: found.colour ?? null };
    },
    async update(_ctx, _id, olds, news) {
      if (fail) throw fail;
      remote.set(news.name, { name: news.name, colour: news.colour });
      return { toyId: olds.toyId ?? news.name };
    },
    async delete(_ctx, _id, props) {
      remote.delete(props.name);
    },
  });
}

function context(): ResourceContext & { invalidated: string[] } {
  const snapshot = new ListSnapshot({ ttlMs: 60_000 });
  const invalidated: string[] = [];
  const original = snapshot.invalidate.bind(snapshot);
  snapshot.invalidate = (customerId: string) => {
    invalidated.push(customerId);
    original(customerId);
  };
  return {
    client: {} as PartnerCenterClient,
    snapshot,
    partnerTenantId: "p",
    warn: () => undefined,
    waits: DEFAULT_WAITS,
    invalidated,
  };
}

describe("kit/define-resource", () => {
  it("carries its schemas and keys", () => {
    const def = toy(new Map());
    assert.deepStrictEqual(def.inputKeys, ["customerId", "name", "colour", "size"]);
    assert.deepStrictEqual(def.outputKeys, ["toyId", "note"]);
    assert.ok(def.inputs.shape.name && def.outputs.shape.toyId);
  });

  it("check names the property and the fix; unknown property names are failures", () => {
    const { failures } = toy(new Map()).check({}, { customerId: CUSTOMER, name: "", extra: 1 });
    const text = failures.map((f) => `${f.property}: ${f.reason}`).join("\n");
    assert.match(text, /name: name must not be empty\. Fix: give a name/);
    assert.match(text, /extra: extra is not a property of this resource/);
  });

  it("diff: replaceOn replaces, inPlace updates, a default equals its absence, no change is explicit", () => {
    const def = toy(new Map());
    const olds = { customerId: CUSTOMER, name: "a", size: 3 };
    assert.deepStrictEqual(def.diff("id", olds, { customerId: CUSTOMER, name: "a" }), { changes: false, replaces: [] });
    assert.deepStrictEqual(def.diff("id", olds, { ...olds, colour: "red" }), { changes: true, replaces: [] });
    assert.deepStrictEqual(def.diff("id", olds, { ...olds, name: "b" }).replaces, ["name"]);
  });

  it("create: inputs re-parsed with defaults, outputs merged, undefined dropped, the customer's snapshot invalidated", async () => {
    const ctx = context();
    const { id, outs } = await toy(new Map()).create(ctx, { customerId: CUSTOMER, name: "a", __provider: "x" });
    assert.strictEqual(id, `${CUSTOMER}/a`);
    assert.deepStrictEqual(outs, { customerId: CUSTOMER, name: "a", size: 3, toyId: "a" });
    assert.ok(!("note" in outs), "undefined never reaches the engine");
    assert.deepStrictEqual(ctx.invalidated, [CUSTOMER]);
  });

  it("read: fresh values overlay the stored props, null removes one, a missing object is an empty id", async () => {
    const remote = new Map<string, Remote>([["a", { name: "a", colour: "blue" }]]);
    const def = toy(remote);
    const stored = { customerId: CUSTOMER, name: "a", size: 3, toyId: "a", colour: "red" };
    assert.deepStrictEqual(await def.read(context(), "id", stored), { id: "id", props: { ...stored, colour: "blue" } });
    remote.set("a", { name: "a" });
    assert.deepStrictEqual((await def.read(context(), "id", stored)).props.colour, undefined);
    remote.clear();
    assert.deepStrictEqual(await def.read(context(), "id", stored), { id: "", props: {} });
  });

  it("a Partner Center failure becomes a ResourceOperationError naming resource, operation and facts; the snapshot is still invalidated", async () => {
    const cause = new PartnerCenterError({
      status: 409,
      code: "600049",
      description: "conflict",
      operation: "toys.create",
      retryable: false,
      requestId: "r-9",
    });
    const ctx = context();
    await assert.rejects(toy(new Map(), cause).create(ctx, { customerId: CUSTOMER, name: "a" }), (e: unknown) => {
      assert.ok(e instanceof ResourceOperationError);
      assert.match(
        e.message,
        /^Toy a: create failed: conflict \(HTTP 409, Partner Center code 600049, call toys\.create, request id r-9\)$/,
      );
      return true;
    });
    assert.deepStrictEqual(ctx.invalidated, [CUSTOMER]);
  });

  it("the kit's own errors pass through unwrapped", async () => {
    const own = new ResourceUsageError("Toy a", "update", "no.");
    await assert.rejects(
      toy(new Map(), own).update(
        context(),
        "id",
        { customerId: CUSTOMER, name: "a", size: 3 },
        { customerId: CUSTOMER, name: "a" },
      ),
      (e: unknown) => e === own,
    );
  });

  it("stored state that does not match the schema fails in plain words, naming refresh", async () => {
    await assert.rejects(
      toy(new Map()).delete(context(), "id", { customerId: CUSTOMER, name: 5 }),
      /Toy 5: delete: the stored state does not match this provider version \(name .*\); run `pulumi refresh`/,
    );
  });
  it("changeRules see the old inputs (never on create, never with unknowns); inputOnly keys stay out of every output", async () => {
    const def = defineResource({
      type: "Stamp",
      inputs: z.strictObject({ customerId: z.string(), ink: z.string().optional() }),
      outputs: z.object({ stampId: z.string() }),
      changeRules: [
        (olds, news) =>
          olds.ink !== undefined && news.ink !== olds.ink
            ? [{ property: "ink", reason: "ink is fixed. Fix: put it back" }]
            : [],
      ],
      inputOnly: ["ink"],
      diff: { replaceOn: ["customerId"], inPlace: [] },
      describe: () => "Stamp",
      async create() {
        return { id: "s", outs: { stampId: "s" } };
      },
      async read() {
        return {};
      },
      async update() {
        return { stampId: "s" };
      },
      async delete() {},
    });
    const olds = { customerId: CUSTOMER, ink: "red" };
    assert.deepStrictEqual(def.check({}, { customerId: CUSTOMER, ink: "blue" }).failures, [], "create has no olds");
    assert.deepStrictEqual(
      def.check(olds, { customerId: CUSTOMER, ink: "blue" }).failures.map((f) => f.property),
      ["ink"],
    );
    assert.deepStrictEqual(def.check(olds, { customerId: UNKNOWN, ink: "blue" }).failures, [], "unknowns wait");
    const ctx = context();
    assert.deepStrictEqual((await def.create(ctx, olds)).outs, { customerId: CUSTOMER, stampId: "s" });
    assert.deepStrictEqual((await def.update(ctx, "s", { customerId: CUSTOMER, stampId: "s" }, olds)).outs, {
      customerId: CUSTOMER,
      stampId: "s",
    });
    assert.deepStrictEqual((await def.read(ctx, "s", { ...olds, stampId: "s" })).props, {
      customerId: CUSTOMER,
      stampId: "s",
    });
  });
});
