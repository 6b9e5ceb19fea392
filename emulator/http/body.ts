// Request bodies: read with a size limit, parse JSON, and normalise keys to camelCase.
// Key rule (documented, no guessing): only the FIRST letter is lower-cased at every depth, so `CompanyProfile` ->
// `companyProfile`, `TenantID` -> `tenantID`, `ID` -> `iD`... handlers that expect irregular names read both forms.
// Emulator choice: a `__proto__` key is dropped like any field the service does not know (it never becomes data or a
//   prototype); a body nested more than 64 levels deep (the .NET JSON readers' default MaxDepth) -> 400/2000 naming the
//   limit, not "not valid JSON".
import type { IncomingMessage } from "http";
import { ApiError } from "./types";

export const MAX_BODY_BYTES = 1024 * 1024;
export const MAX_BODY_DEPTH = 64;

/** Thrown when the body is over MAX_BODY_BYTES; the server answers 413 and closes the connection. */
export class BodyTooLargeError extends ApiError {
  constructor() {
    super(
      413,
      2000,
      `The request body is larger than the limit of ${MAX_BODY_BYTES} bytes (1 MiB); send a smaller body.`,
    );
  }
}

/** Reads the raw body; rejects with BodyTooLargeError once the limit is crossed (the rest is discarded, not buffered). */
export function readRawBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers["content-length"]);
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = Number.isFinite(declared) && declared > limit;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) tooLarge = true;
      if (!tooLarge) chunks.push(chunk);
      else if (size > limit * 16) req.destroy();
    });
    req.on("end", () => (tooLarge ? reject(new BodyTooLargeError()) : resolve(Buffer.concat(chunks))));
    req.on("error", reject);
    req.on("close", () => {
      if (!req.complete) reject(tooLarge ? new BodyTooLargeError() : new Error("client closed the request early"));
    });
  });
}

/** Lower-cases the first letter of every object key, recursively (arrays and nested objects included); drops `__proto__`. */
export function normalizeKeys(value: unknown, depth = 1): unknown {
  if (value === null || typeof value !== "object") return value;
  if (depth > MAX_BODY_DEPTH)
    throw new ApiError(
      400,
      2000,
      `The request body is nested more than ${MAX_BODY_DEPTH} levels deep; send a flatter JSON document.`,
    );
  if (Array.isArray(value)) return value.map((item) => normalizeKeys(item, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value as Record<string, unknown>)) {
    if (key === "__proto__") continue;
    out[key.length ? key[0].toLowerCase() + key.slice(1) : key] = normalizeKeys(inner, depth + 1);
  }
  return out;
}

/** Parses a JSON body (empty -> undefined). Malformed JSON or a non-JSON content type -> 400 / 2000 naming the fix. */
export function parseJsonBody(raw: Buffer, contentType: string | undefined): unknown {
  if (raw.length === 0) return undefined;
  const type = (contentType ?? "").split(";")[0].trim().toLowerCase();
  if (type && type !== "application/json" && !type.endsWith("+json")) {
    throw new ApiError(400, 2000, `Content-Type ${type} is not supported; send the body as application/json.`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw.toString("utf8"));
  } catch (e) {
    throw new ApiError(
      400,
      2000,
      `The request body is not valid JSON (${(e as Error).message}); send a well-formed JSON document.`,
    );
  }
  return normalizeKeys(parsed);
}
