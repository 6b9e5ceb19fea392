import assert from "assert";
import {
  caseInsensitiveSet,
  computeDiff,
  lowerCase,
  objectSet,
  stableStringify,
} from "../../../../provider/resources/kit/diff";
import { UNKNOWN } from "../../../../provider/resources/kit/unknown";

const rules = {
  replaceOn: ["customerId"],
  inPlace: ["upn", "plans", "perms", "flag", "name"],
  normalize: { upn: lowerCase, plans: caseInsensitiveSet, perms: objectSet },
  naturalKey: (p: Record<string, unknown>) =>
    p.customerId && p.upn ? `${p.customerId as string}/${(p.upn as string).toLowerCase()}` : undefined,
};
const defaults = { flag: true };
const olds = {
  customerId: "c1",
  upn: "Jane@Contoso.com",
  plans: ["A", "b"],
  perms: [
    { r: "X", a: "P" },
    { r: "Y", a: "P" },
  ],
  flag: true,
  name: "Jane",
  __provider: "old code",
  userId: "u1",
};

describe("kit/diff", () => {
  it("reports no change for case, order and defaults, and never compares __provider", () => {
    const news = {
      customerId: "c1",
      upn: "jane@contoso.COM",
      plans: ["B", "a"],
      perms: [
        { a: "p", r: "y" },
        { r: "x", a: "p" },
      ],
      name: "Jane",
      __provider: "new code",
    };
    const d = computeDiff(rules, defaults, olds, news);
    assert.deepStrictEqual(d, { changes: false, replaces: [], changed: [] });
  });

  it("reports an in-place change without replacing", () => {
    const d = computeDiff(rules, defaults, olds, { ...olds, name: "Janet", flag: false });
    assert.strictEqual(d.changes, true);
    assert.deepStrictEqual(d.changed, ["flag", "name"]);
    assert.deepStrictEqual(d.replaces, []);
    assert.strictEqual(d.deleteBeforeReplace, undefined);
  });

  it("replaces on a replaceOn key; deleteBeforeReplace only when the natural key stays the same", () => {
    const other = computeDiff(rules, defaults, olds, { ...olds, customerId: "c2" });
    assert.deepStrictEqual(other.replaces, ["customerId"]);
    assert.strictEqual(other.deleteBeforeReplace, false);
    const sameKey = computeDiff({ ...rules, naturalKey: () => "k" }, defaults, olds, { ...olds, customerId: "c2" });
    assert.strictEqual(sameKey.deleteBeforeReplace, true);
  });

  it("treats an unset optional input as unmanaged (refresh drift on it is not shown)", () => {
    const { name, ...news } = olds;
    const d = computeDiff(rules, defaults, { ...olds, name: "Changed remotely" }, news);
    assert.strictEqual(d.changes, false);
    assert.strictEqual(name, "Jane");
  });

  it("shows drift when refreshed outputs differ from stored inputs", () => {
    const refreshed = { ...olds, upn: "renamed@contoso.com" };
    const storedInputs = { customerId: "c1", upn: "jane@contoso.com", name: "Jane" };
    const d = computeDiff(rules, defaults, refreshed, storedInputs);
    assert.deepStrictEqual(d.changed, ["upn"]);
  });

  it("treats preview unknowns as changes, and replacement with an unknown key as delete-before-replace", () => {
    const d = computeDiff(rules, defaults, olds, { ...olds, customerId: UNKNOWN });
    assert.deepStrictEqual(d.replaces, ["customerId"]);
    assert.strictEqual(d.deleteBeforeReplace, true);
    const inPlace = computeDiff(rules, defaults, olds, { ...olds, plans: [UNKNOWN] });
    assert.deepStrictEqual(inPlace.changed, ["plans"]);
  });

  it("applies defaults on both sides", () => {
    const { flag, ...noFlag } = olds;
    assert.strictEqual(computeDiff(rules, defaults, noFlag, { ...noFlag, flag: true }).changes, false);
    assert.strictEqual(computeDiff(rules, defaults, noFlag, { ...noFlag, flag: false }).changes, true);
    assert.strictEqual(flag, true);
  });

  it("stableStringify ignores key order and undefined members", () => {
    assert.strictEqual(
      stableStringify({ b: 1, a: [1, { d: 2, c: undefined }] }),
      stableStringify({ a: [1, { d: 2 }], b: 1 }),
    );
    assert.notStrictEqual(stableStringify([1, 2]), stableStringify([2, 1]));
  });
});
