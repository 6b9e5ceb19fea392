// The admin API under /_emulator (unauthenticated, loopback clients only), exactly as docs/contracts.md §1 lists it:
// reset, faults, config, clock, requests, state (secrets masked) and seed.
// Emulator choice: a reset keeps the token signing key and app certificates, so tokens and SeedInfo stay valid.
import { z } from "zod";
import { FaultRulesSchema } from "./faults";
import { handleGdapAdmin } from "./graph/admin";
import { BodyTooLargeError, readRawBody } from "./http/body";
import type { Reply } from "./http/types";
import type { Runtime } from "./middleware/exchange";
import type { SeedInfo } from "./seed";
import { settingsOf } from "./store/store";
import type { IncomingMessage } from "http";

export interface AdminHooks {
  reset(seed: boolean): void;
  seedInfo(): SeedInfo;
}

const ResetSchema = z.strictObject({ seed: z.boolean().optional() });
const ConfigSchema = z.strictObject({
  rateLimitPerMinute: z.number().int().min(1).optional(),
  eventualConsistencyReads: z.number().int().min(0).optional(),
});
const ClockSchema = z.strictObject({ advanceMs: z.number().int().min(0) });

const SECRET_KEYS = new Set([
  "password",
  "clientsecret",
  "privatekeypem",
  "tokensigningkey",
  "token",
  "refreshtoken",
  "accesstoken",
]);

/** Deep copy with every secret-bearing field replaced by "***". */
export function maskSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(maskSecrets);
  if (value === null || typeof value !== "object") return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    out[k] = SECRET_KEYS.has(k.toLowerCase()) && v !== null && v !== undefined ? "***" : maskSecrets(v);
  }
  return out;
}

const LOOPBACK = new Set(["127.0.0.1", "::1", "::ffff:127.0.0.1"]);

function bad(description: string): Reply {
  return { status: 400, body: { code: 2000, description, data: [], source: "Emulator" } };
}

function parse<T>(
  schema: z.ZodType<T>,
  raw: Buffer,
  what: string,
): { ok: true; value: T } | { ok: false; reply: Reply } {
  let json: unknown = {};
  if (raw.length) {
    try {
      json = JSON.parse(raw.toString("utf8"));
    } catch (e) {
      return { ok: false, reply: bad(`${what}: the body is not valid JSON (${(e as Error).message}).`) };
    }
  }
  const result = schema.safeParse(json);
  if (result.success) return { ok: true, value: result.data };
  const issue = result.error.issues[0];
  return {
    ok: false,
    reply: bad(
      `${what}: field '${issue.path.join(".") || "(body)"}' ${issue.message}. See docs/contracts.md §1 (Admin API).`,
    ),
  };
}

/** Answers an /_emulator/... request. */
export async function handleAdmin(
  req: IncomingMessage,
  path: string,
  query: URLSearchParams,
  runtime: Runtime,
  hooks: AdminHooks,
): Promise<Reply> {
  if (!LOOPBACK.has(req.socket.remoteAddress ?? ""))
    return {
      status: 403,
      body: {
        code: 2032,
        description: "The emulator admin API answers loopback clients only.",
        data: [],
        source: "Emulator",
      },
    };
  const method = (req.method ?? "GET").toUpperCase();
  let raw: Buffer = Buffer.alloc(0);
  if (method !== "GET" && method !== "DELETE") {
    try {
      raw = await readRawBody(req);
    } catch (e) {
      if (e instanceof BodyTooLargeError)
        return { status: 413, body: { code: 2000, description: e.description, data: [], source: "Emulator" } };
      throw e;
    }
  }
  const sub = path.slice("/_emulator".length).replace(/\/+$/, "");
  const faultId = /^\/faults\/([^/]+)$/.exec(sub)?.[1];

  if (sub === "/reset" && method === "POST") {
    const body = parse(ResetSchema, raw, "POST /_emulator/reset");
    if (!body.ok) return body.reply;
    hooks.reset(body.value.seed ?? true);
    return { status: 200, body: { reset: true, seed: body.value.seed ?? true } };
  }
  if (sub === "/faults" && method === "GET") return { status: 200, body: runtime.faults.list() };
  if (sub === "/faults" && method === "POST") {
    const body = parse(FaultRulesSchema, raw, "POST /_emulator/faults");
    if (!body.ok) return body.reply;
    const ids = runtime.faults.add(Array.isArray(body.value) ? body.value : [body.value]);
    return { status: 201, body: { ids } };
  }
  if (sub === "/faults" && method === "DELETE") {
    runtime.faults.remove();
    return { status: 204 };
  }
  if (faultId && method === "DELETE") {
    return runtime.faults.remove(decodeURIComponent(faultId))
      ? { status: 204 }
      : {
          status: 404,
          body: { code: 1000, description: `No fault rule with id ${faultId}.`, data: [], source: "Emulator" },
        };
  }
  if (sub === "/config" && method === "POST") {
    const body = parse(ConfigSchema, raw, "POST /_emulator/config");
    if (!body.ok) return body.reply;
    const data = runtime.store.data;
    data.settings = { ...data.settings, ...body.value };
    runtime.store.save();
    return { status: 200, body: settingsOf(data) };
  }
  if (sub === "/clock" && method === "POST") {
    const body = parse(ClockSchema, raw, "POST /_emulator/clock");
    if (!body.ok) return body.reply;
    runtime.store.data.clockOffsetMs += body.value.advanceMs;
    runtime.store.save();
    return {
      status: 200,
      body: {
        clockOffsetMs: runtime.store.data.clockOffsetMs,
        now: new Date(runtime.clock.emulatedNow()).toISOString(),
      },
    };
  }
  if (sub === "/requests" && method === "GET") {
    const since = Number(query.get("since") ?? "0");
    if (!Number.isInteger(since) || since < 0)
      return bad("GET /_emulator/requests: 'since' must be a non-negative integer sequence number.");
    return { status: 200, body: runtime.log.since(since) };
  }
  if (sub === "/state" && method === "GET") return { status: 200, body: maskSecrets(runtime.store.data) };
  if (sub === "/seed" && method === "GET") return { status: 200, body: hooks.seedInfo() };
  if (sub.startsWith("/gdap/")) return handleGdapAdmin(method, sub, raw, runtime);
  return {
    status: 404,
    body: {
      code: 1000,
      description: `Unknown admin operation ${method} ${path}; see docs/contracts.md §1 (Admin API).`,
      data: [],
      source: "Emulator",
    },
  };
}
