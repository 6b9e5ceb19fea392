// Partner Center collection envelope, links and seek-based paging (reference §1.4-1.6).
// Emulator choice: page size default 100, maximum 500 (larger sizes are clamped); size=0 or absent means the default.
// Emulator choice: the continuation token is base64url JSON of {offset, list scope, hash of filter+sort}; links.next.uri
//   repeats size/filter/sort and adds seekOperation=Next. A token that does not decode, belongs to another list or
//   another filter -> 400/2000. Paging is by offset over the current list, so deletions between pages may shift items.
// Emulator choice: only seekOperation Next (with MS-ContinuationToken) and First are supported; others -> 400/2000.
import { createHash } from "crypto";
import { ApiError, type RequestContext } from "./types";

export interface Link {
  uri: string;
  method: string;
  headers: Array<{ key: string; value: string }>;
}

export const DEFAULT_PAGE_SIZE = 100;
export const MAX_PAGE_SIZE = 500;

export function link(uri: string, method = "GET", headers: Array<{ key: string; value: string }> = []): Link {
  return { uri, method, headers };
}

export interface Collection<T> {
  totalCount: number;
  items: T[];
  links: { self: Link; next?: Link };
  continuationToken?: string;
  attributes: { objectType: "Collection" };
}

/** A whole (unpaged) collection: totalCount is the number of items returned. */
export function collection<T>(items: T[], selfUri: string): Collection<T> {
  return { totalCount: items.length, items, links: { self: link(selfUri) }, attributes: { objectType: "Collection" } };
}

interface TokenBody {
  o: number;
  s: string;
  h: string;
}

function hashOf(text: string): string {
  return createHash("sha256").update(text).digest("base64url").slice(0, 16);
}

function badToken(reason: string): ApiError {
  return new ApiError(
    400,
    2000,
    `The continuation token is invalid (${reason}). Start again from the first page and follow links.next exactly.`,
  );
}

function decodeToken(token: string, scope: string, filterHash: string): number {
  let parsed: TokenBody;
  try {
    parsed = JSON.parse(Buffer.from(token, "base64url").toString("utf8")) as TokenBody;
  } catch {
    throw badToken("not a token issued by this service");
  }
  if (
    !parsed ||
    typeof parsed.o !== "number" ||
    !Number.isInteger(parsed.o) ||
    parsed.o < 0 ||
    typeof parsed.s !== "string" ||
    typeof parsed.h !== "string"
  ) {
    throw badToken("not a token issued by this service");
  }
  if (parsed.s !== scope) throw badToken("it belongs to another list");
  if (parsed.h !== filterHash) throw badToken("the filter or sort differs from the first page");
  return parsed.o;
}

function encodeToken(offset: number, scope: string, filterHash: string): string {
  return Buffer.from(JSON.stringify({ o: offset, s: scope, h: filterHash } satisfies TokenBody), "utf8").toString(
    "base64url",
  );
}

/** Reads `size` (default/clamped) from the query; a non-integer or negative size -> 400. */
export function pageSize(query: URLSearchParams): number {
  const raw = query.get("size");
  if (raw === null || raw === "") return DEFAULT_PAGE_SIZE;
  if (!/^\d+$/.test(raw))
    throw new ApiError(
      400,
      2000,
      `Query parameter 'size' must be a non-negative integer (got '${raw.slice(0, 20)}'); use e.g. size=${DEFAULT_PAGE_SIZE}.`,
    );
  const n = Number(raw);
  if (n === 0) return DEFAULT_PAGE_SIZE;
  return Math.min(n, MAX_PAGE_SIZE);
}

export interface SeekOptions {
  /** path of the list with /v1, without query, e.g. /v1/customers */
  basePath: string;
  /** identifies the list (e.g. "users:<customerId>") so a token of one list is refused by another */
  scope: string;
  /** query parameters that define the result set and must be repeated on the next page (filter, sortField...) */
  carried?: Record<string, string | null | undefined>;
}

/** One page of a seek-based collection, following MS-ContinuationToken + seekOperation=Next. */
export function seekPage<T>(
  ctx: Pick<RequestContext, "query" | "headers">,
  all: T[],
  opts: SeekOptions,
): Collection<T> {
  const size = pageSize(ctx.query);
  const carried = Object.entries(opts.carried ?? {}).filter(
    (e): e is [string, string] => typeof e[1] === "string" && e[1] !== "",
  );
  const filterHash = hashOf(JSON.stringify(carried));
  const seek = ctx.query.get("seekOperation");
  let offset = 0;
  if (seek !== null && seek.toLowerCase() !== "first") {
    if (seek.toLowerCase() !== "next") {
      throw new ApiError(
        400,
        2000,
        `seekOperation '${seek.slice(0, 20)}' is not supported; use seekOperation=Next with the MS-ContinuationToken header from links.next.`,
      );
    }
    const header = ctx.headers["ms-continuationtoken"];
    const token = Array.isArray(header) ? header[0] : header;
    if (!token)
      throw new ApiError(
        400,
        2000,
        "seekOperation=Next requires the MS-ContinuationToken header; send the value from links.next.headers.",
      );
    offset = decodeToken(token, opts.scope, filterHash);
  }
  const items = all.slice(offset, offset + size);
  const params = new URLSearchParams();
  params.set("size", String(size));
  for (const [k, v] of carried) params.set(k, v);
  const selfParams = new URLSearchParams(params);
  if (offset > 0) selfParams.set("seekOperation", "Next");
  const page: Collection<T> = {
    totalCount: items.length,
    items,
    links: { self: link(`${opts.basePath}?${selfParams.toString()}`) },
    attributes: { objectType: "Collection" },
  };
  if (offset + size < all.length) {
    const token = encodeToken(offset + size, opts.scope, filterHash);
    params.set("seekOperation", "Next");
    page.continuationToken = token;
    page.links.next = link(`${opts.basePath}?${params.toString()}`, "GET", [
      { key: "MS-ContinuationToken", value: token },
    ]);
  }
  // keep continuationToken before attributes in the JSON, as in the documented examples
  return page.continuationToken
    ? {
        totalCount: page.totalCount,
        items,
        links: page.links,
        continuationToken: page.continuationToken,
        attributes: page.attributes,
      }
    : page;
}

/** A Partner Center filter: URL-encoded JSON {"Field","Value","Operator"} (keys accepted in any case). */
export interface SimpleFilter {
  field: string;
  value: string;
  operator: string;
}

export function parseFilter(raw: string | null): SimpleFilter | undefined {
  if (raw === null || raw === "") return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw new ApiError(
      400,
      2000,
      `Query parameter 'filter' must be URL-encoded JSON like {"Field":"CompanyName","Value":"con","Operator":"starts_with"}.`,
    );
  }
  if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) {
    throw new ApiError(400, 2000, `Query parameter 'filter' must be a JSON object with Field, Value and Operator.`);
  }
  const get = (name: string): unknown => {
    const key = Object.keys(parsed).find((k) => k.toLowerCase() === name);
    return key === undefined ? undefined : (parsed as Record<string, unknown>)[key];
  };
  const field = get("field"),
    value = get("value"),
    operator = get("operator");
  for (const [name, v] of [
    ["Field", field],
    ["Value", value],
    ["Operator", operator],
  ] as const) {
    if (typeof v !== "string" || (name !== "Value" && v === "")) {
      throw new ApiError(
        400,
        2000,
        `filter.${name} is required and must be a string, e.g. {"Field":"CompanyName","Value":"con","Operator":"starts_with"}.`,
      );
    }
  }
  return { field: field as string, value: value as string, operator: operator as string };
}

/** Enum spelling used by the wire and SDK alike: compare ignoring case and underscores (StartsWith = starts_with). */
export function sameEnum(a: string, b: string): boolean {
  return a.replace(/_/g, "").toLowerCase() === b.replace(/_/g, "").toLowerCase();
}
