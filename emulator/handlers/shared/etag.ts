// ETag helpers: where a handler reads the caller's etag from, and the formats each resource uses (reference §1.7).
import { randomBytes } from "crypto";
import type { RequestContext } from "../../http/types";

/** The caller's etag: If-Match header (wins when present) or the body's attributes.etag; undefined when neither. */
export function callerEtag(ctx: Pick<RequestContext, "headers" | "body">): string | undefined {
  const header = ctx.headers["if-match"];
  const fromHeader: string | undefined = Array.isArray(header) ? (header[0] as string | undefined) : header;
  if (fromHeader) return fromHeader;
  const body = ctx.body as { attributes?: { etag?: unknown; eTag?: unknown } } | null | undefined;
  const fromBody = body?.attributes?.etag ?? body?.attributes?.eTag;
  return typeof fromBody === "string" && fromBody !== "" ? fromBody : undefined;
}

/** Compares opaque etags ignoring a W/ prefix and surrounding double quotes (If-Match values are quoted). */
export function sameEtag(a: string, b: string): boolean {
  const bare = (s: string) =>
    s
      .trim()
      .replace(/^W\//, "")
      .replace(/^"+|"+$/g, "")
      .replace(/^\\"|\\"$/g, "");
  return bare(a) === bare(b);
}

/** Billing-profile style etag: a signed 64-bit decimal, e.g. "5920358838484612121". */
export function numericEtag(): string {
  return randomBytes(8).readBigInt64BE().toString();
}

/** Order/subscription style etag: base64 of {"id":"<id>","version":n}. */
export function versionEtag(id: string, version: number): string {
  return Buffer.from(JSON.stringify({ id, version }), "utf8").toString("base64");
}
