// OData pieces the GDAP endpoints use: weak ETags, If-Match checks, $filter (eq joined by `and`), $select, and paging
// with $top and an absolute @odata.nextLink carrying an opaque $skiptoken.
// Emulator choice: ETags are `W/"` + base64 of a quoted GUID (like the docs' examples), new on every change;
// If-Match `*` matches any version. A missing If-Match where the docs require one is 400 `badRequest`.
// Emulator choice: pages hold 100 items unless $top (1..300, else 400) asks for fewer; the $skiptoken is base64url of
// the offset; $filter supports `<path> eq '<value>'` terms joined by `and` on the properties each list names (other
// filters are 400); $orderby and $count are ignored.
import { randomUUID } from "crypto";
import { badRequest, GraphError } from "./graphError";

export const DEFAULT_PAGE_SIZE = 100;
export const MAX_TOP = 300;

export function newEtag(): string {
  return `W/"${Buffer.from(`"${randomUUID()}"`).toString("base64")}"`;
}

/** A record's new version after a change at `at`: its lastModifiedDateTime and a new ETag. */
export function touch(record: { lastModifiedDateTime: string; etag: string }, at: string): void {
  record.lastModifiedDateTime = at;
  record.etag = newEtag();
}

/** Checks If-Match against the record's etag: 400 when missing and required, 412 when stale. */
export function checkIfMatch(headerValue: string | string[] | undefined, etag: string, required: boolean): void {
  const value = Array.isArray(headerValue) ? headerValue[0] : headerValue;
  if (!value) {
    if (required) throw badRequest("The If-Match header is required; send the object's @odata.etag.");
    return;
  }
  if (value.trim() === "*") return;
  if (value.trim() !== etag)
    throw new GraphError(
      412,
      "preconditionFailed",
      "The If-Match etag does not match the current version; read the object again and retry with its @odata.etag.",
    );
}

type Getter<T> = (item: T) => string | null | undefined;

/** Applies $filter with the getters a list supports, e.g. { status: r => r.status, "customer/tenantId": ... }. */
export function applyFilter<T>(items: T[], filter: string | null, getters: Record<string, Getter<T>>): T[] {
  if (!filter) return items;
  const terms = filter.split(/\s+and\s+/i).map((term) => {
    const m = /^\s*([A-Za-z/]+)\s+eq\s+'((?:[^']|'')*)'\s*$/.exec(term);
    if (!m)
      throw badRequest(
        `Invalid $filter term '${term}': this emulator supports <property> eq '<value>' joined by 'and'.`,
      );
    const key = Object.keys(getters).find((k) => k.toLowerCase() === m[1].toLowerCase());
    if (!key)
      throw badRequest(
        `Invalid $filter: the property '${m[1]}' is not filterable here; use one of ${Object.keys(getters).join(", ")}.`,
      );
    return { get: getters[key], value: m[2].replace(/''/g, "'").toLowerCase() };
  });
  return items.filter((item) => terms.every((t) => (t.get(item) ?? "").toLowerCase() === t.value));
}

/** $select: keeps the named top-level properties plus @odata.* annotations. */
export function applySelect(body: Record<string, unknown>, select: string | null): Record<string, unknown> {
  if (!select) return body;
  const keep = new Set(select.split(",").map((s) => s.trim().toLowerCase()));
  return Object.fromEntries(Object.entries(body).filter(([k]) => k.startsWith("@odata.") || keep.has(k.toLowerCase())));
}

/** One page of a collection: {@odata.context, value, @odata.nextLink?}. */
export function page(
  items: Array<Record<string, unknown>>,
  query: URLSearchParams,
  context: string,
  selfUrl: string,
): Record<string, unknown> {
  const topText = query.get("$top");
  let size = DEFAULT_PAGE_SIZE;
  if (topText !== null) {
    const top = Number(topText);
    if (!Number.isInteger(top) || top < 1 || top > MAX_TOP)
      throw badRequest(`Invalid $top '${topText}': use an integer from 1 to ${MAX_TOP}.`);
    size = top;
  }
  const skipText = query.get("$skiptoken") ?? query.get("$skipToken");
  let offset = 0;
  if (skipText !== null) {
    offset = Number(Buffer.from(skipText, "base64url").toString("utf8"));
    if (!Number.isInteger(offset) || offset < 0)
      throw badRequest("Invalid $skiptoken; follow @odata.nextLink as given.");
  }
  const select = query.get("$select");
  const value = items.slice(offset, offset + size).map((item) => applySelect(item, select));
  const body: Record<string, unknown> = { "@odata.context": context, value };
  if (offset + size < items.length) {
    const next = new URL(selfUrl);
    next.searchParams.delete("$skipToken");
    next.searchParams.set("$skiptoken", Buffer.from(String(offset + size)).toString("base64url"));
    body["@odata.nextLink"] = next.toString();
  }
  return body;
}
