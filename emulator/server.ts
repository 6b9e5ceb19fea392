// The HTTP(S) server: admin API, token/discovery endpoints, and the Partner Center API behind the middleware chain.
//
// Middleware order for /v1 requests (first = outermost; each wraps the rest, so the log is written last):
//   requestLog -> requestIds -> errorBody -> readBody -> authenticate -> resolveRoute (404/405, 900329, customer scope)
//   -> rateLimit -> faults -> idempotency -> dispatch (handler)
// Microsoft Graph requests (/v1.0/...) run the same order in emulator/graph/chain.ts.
// i.e. the documented order request ids -> auth -> rate limits/faults -> idempotency replay -> handler -> error body -> log.
// Emulator choice: every answer's `Date` header is the emulated clock (base clock + the admin clock offset), so a
// client that counts time by the server (GDAP expiry in `partner-center drift`) sees an advanced clock as it would a
// server's.
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from "http";
import { createServer as createHttpsServer } from "https";
import { instanceDiscoveryEndpoint, jwksEndpoint, openIdConfigurationEndpoint } from "./auth/discovery";
import { tokenEndpoint } from "./auth/tokenEndpoint";
import { handleAdmin, type AdminHooks } from "./admin";
import { graphChain } from "./graph/chain";
import type { Reply } from "./http/types";
import { authenticate } from "./middleware/authenticate";
import { dispatch } from "./middleware/dispatch";
import { errorBody } from "./middleware/errorBody";
import { compose, type Exchange, type Middleware, type Runtime } from "./middleware/exchange";
import { faults } from "./middleware/faults";
import { idempotency } from "./middleware/idempotency";
import { rateLimit } from "./middleware/rateLimit";
import { readBody } from "./middleware/readBody";
import { requestIds } from "./middleware/requestIds";
import { requestLog } from "./middleware/requestLog";
import { resolveRoute } from "./middleware/resolveRoute";
import type { TlsMaterial } from "./tls";

const apiChain = compose([
  requestLog,
  requestIds,
  errorBody,
  readBody,
  authenticate,
  resolveRoute,
  rateLimit,
  faults,
  idempotency,
  dispatch,
]);
const tokenChain = compose([requestLog, requestIds, errorBody, readBody, faults, tokenEndpoint]);
const discoveryChain = (endpoint: Middleware) => compose([requestIds, errorBody, endpoint]);

interface SystemRoute {
  method: string;
  pattern: RegExp;
  names: string[];
  run: (x: Exchange) => Promise<void>;
}

// Entra endpoints; the tenant segment is a GUID or name without slashes.
const SYSTEM_ROUTES: SystemRoute[] = [
  { method: "POST", pattern: /^\/([^/]+)\/oauth2\/(?:v2\.0\/)?token\/?$/i, names: ["tenant"], run: tokenChain },
  {
    method: "GET",
    pattern: /^\/common\/discovery\/instance\/?$/i,
    names: [],
    run: discoveryChain(instanceDiscoveryEndpoint),
  },
  {
    method: "GET",
    pattern: /^\/([^/]+)\/(?:(v2\.0)\/)?\.well-known\/openid-configuration\/?$/i,
    names: ["tenant", "version"],
    run: discoveryChain(openIdConfigurationEndpoint),
  },
  {
    method: "GET",
    pattern: /^\/([^/]+)\/discovery\/(?:v2\.0\/)?keys\/?$/i,
    names: ["tenant"],
    run: discoveryChain(jwksEndpoint),
  },
];

function writeReply(res: ServerResponse, reply: Reply, head: boolean, now: number): void {
  const headers: Record<string, string> = { Date: new Date(now).toUTCString(), ...reply.headers };
  let payload: string | undefined;
  if (reply.body !== undefined && reply.status !== 204) {
    payload = JSON.stringify(reply.body);
    headers["Content-Type"] ??= "application/json; charset=utf-8";
  }
  headers["Content-Length"] = String(payload ? Buffer.byteLength(payload) : 0);
  res.writeHead(reply.status, headers);
  res.end(head ? undefined : payload);
}

export function createEmulatorServer(runtime: Runtime, hooks: AdminHooks, tls?: TlsMaterial): Server {
  const onRequest = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? "/", "http://emulator.invalid");
    const method = (req.method ?? "GET").toUpperCase();
    const path = url.pathname;
    try {
      if (path === "/_emulator" || path.startsWith("/_emulator/")) {
        writeReply(
          res,
          await handleAdmin(req, path, url.searchParams, runtime, hooks),
          method === "HEAD",
          runtime.clock.emulatedNow(),
        );
        return;
      }
      const x: Exchange = {
        req,
        res,
        runtime,
        method,
        path,
        query: url.searchParams,
        requestId: "",
        correlationId: "",
        clientRequestId: false,
        rawBody: Buffer.alloc(0),
        params: {},
        replayed: false,
        changed: false,
      };
      const system = SYSTEM_ROUTES.find((r) => r.pattern.test(path) && (r.method === method || r.run === tokenChain));
      if (system) {
        const m = system.pattern.exec(path)!;
        system.names.forEach((name, i) => {
          x.params[name] = m[i + 1] ? decodeURIComponent(m[i + 1]) : "";
        });
        await system.run(x);
      } else if (/^\/v1\.0(\/|$)/i.test(path)) {
        await graphChain(x);
      } else {
        await apiChain(x);
      }
      if (x.changed) runtime.store.save();
      if (x.reset) {
        req.socket.destroy();
        return;
      }
      writeReply(
        res,
        x.reply ?? {
          status: 500,
          body: { code: 5000, description: "The emulator produced no response.", data: [], source: "PartnerFD" },
        },
        method === "HEAD",
        runtime.clock.emulatedNow(),
      );
    } catch (e) {
      runtime.diagnostic(`emulator: failed to answer ${method} ${path}: ${(e as Error).message}`);
      if (!res.headersSent)
        writeReply(
          res,
          {
            status: 500,
            body: {
              code: 5000,
              description: "The emulator failed to answer this request.",
              data: [],
              source: "PartnerFD",
            },
          },
          false,
          runtime.clock.emulatedNow(),
        );
      else res.destroy();
    }
  };
  const listener = (req: IncomingMessage, res: ServerResponse) => void onRequest(req, res);
  return tls ? createHttpsServer({ cert: tls.cert, key: tls.key }, listener) : createHttpServer(listener);
}
