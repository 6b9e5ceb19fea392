import assert from "assert";
import {
  collection,
  DEFAULT_PAGE_SIZE,
  MAX_PAGE_SIZE,
  pageSize,
  parseFilter,
  sameEnum,
  seekPage,
} from "../../../emulator/http/collection";
import { ApiError } from "../../../emulator/http/types";

const request = (query: string, token?: string) => ({
  query: new URLSearchParams(query),
  headers: token ? { "ms-continuationtoken": token } : {},
});
const items = Array.from({ length: 7 }, (_, i) => i);

function apiError(fn: () => unknown, code: number, pattern: RegExp): void {
  assert.throws(
    fn,
    (e: unknown) => e instanceof ApiError && e.status === 400 && e.code === code && pattern.test(e.description),
  );
}

describe("emulator/http/collection", () => {
  it("wraps a whole list in the collection envelope", () => {
    assert.deepStrictEqual(collection(["a"], "/v1/x"), {
      totalCount: 1,
      items: ["a"],
      links: { self: { uri: "/v1/x", method: "GET", headers: [] } },
      attributes: { objectType: "Collection" },
    });
  });

  it("reads size: default for absent or 0, clamped to the maximum, 400 for junk", () => {
    assert.strictEqual(pageSize(new URLSearchParams("")), DEFAULT_PAGE_SIZE);
    assert.strictEqual(pageSize(new URLSearchParams("size=0")), DEFAULT_PAGE_SIZE);
    assert.strictEqual(pageSize(new URLSearchParams("size=7")), 7);
    assert.strictEqual(pageSize(new URLSearchParams(`size=${MAX_PAGE_SIZE + 1}`)), MAX_PAGE_SIZE);
    apiError(() => pageSize(new URLSearchParams("size=-1")), 2000, /size/);
  });

  it("walks every item exactly once through continuation tokens, carrying the filter in links.next", () => {
    const options = { basePath: "/v1/things", scope: "things", carried: { filter: '{"Field":"A"}' } };
    const seen: number[] = [];
    let page = seekPage(request("size=3&filter=%7B%22Field%22%3A%22A%22%7D"), items, options);
    assert.strictEqual(page.links.self.uri, "/v1/things?size=3&filter=%7B%22Field%22%3A%22A%22%7D");
    for (;;) {
      seen.push(...page.items);
      assert.strictEqual(page.totalCount, page.items.length);
      if (!page.links.next) break;
      const next = new URL(page.links.next.uri, "https://x");
      assert.strictEqual(next.searchParams.get("seekOperation"), "Next");
      assert.strictEqual(next.searchParams.get("filter"), '{"Field":"A"}');
      assert.deepStrictEqual(page.links.next.headers, [{ key: "MS-ContinuationToken", value: page.continuationToken }]);
      page = seekPage(request(next.search.slice(1), page.continuationToken), items, options);
    }
    assert.deepStrictEqual(seen, items);
    assert.strictEqual(page.continuationToken, undefined);
  });

  it("refuses tokens that are garbage, from another list or from another filter", () => {
    const first = seekPage(request("size=2"), items, { basePath: "/v1/a", scope: "a" });
    const token = first.continuationToken!;
    apiError(
      () => seekPage(request("size=2&seekOperation=Next", "%%%"), items, { basePath: "/v1/a", scope: "a" }),
      2000,
      /not a token/,
    );
    apiError(
      () => seekPage(request("size=2&seekOperation=Next", token), items, { basePath: "/v1/b", scope: "b" }),
      2000,
      /another list/,
    );
    apiError(
      () =>
        seekPage(request("size=2&seekOperation=Next", token), items, {
          basePath: "/v1/a",
          scope: "a",
          carried: { filter: "x" },
        }),
      2000,
      /filter/,
    );
    apiError(
      () => seekPage(request("size=2&seekOperation=Next"), items, { basePath: "/v1/a", scope: "a" }),
      2000,
      /MS-ContinuationToken/,
    );
    apiError(
      () => seekPage(request("size=2&seekOperation=Previous", token), items, { basePath: "/v1/a", scope: "a" }),
      2000,
      /not supported/,
    );
  });

  it("parses filters with keys in any case and explains a bad one", () => {
    assert.deepStrictEqual(parseFilter('{"field":"Domain","VALUE":"x","Operator":"equals"}'), {
      field: "Domain",
      value: "x",
      operator: "equals",
    });
    assert.strictEqual(parseFilter(null), undefined);
    apiError(() => parseFilter("{"), 2000, /URL-encoded JSON/);
    apiError(() => parseFilter('{"Field":"Domain"}'), 2000, /filter\.Value/);
  });

  it("compares enum spellings ignoring case and underscores", () => {
    assert.ok(sameEnum("StartsWith", "starts_with"));
    assert.ok(sameEnum("ONETIME", "one_time"));
    assert.ok(!sameEnum("equals", "not_equals"));
  });
});
