// The middleware chain for Microsoft Graph requests (/v1.0/...), in the same order as Partner Center's:
//   requestLog -> graphRequestIds -> graphErrors -> readBody -> graphAuthenticate -> route -> rateLimit -> faults
//   -> dispatch (settle the clock-driven GDAP transitions, run the handler, settle again so that transitions
//   without delay are seen at once).
// Emulator choice: Graph takes `client-request-id` from the caller (or MS-RequestId when that is what it sent) and
// answers `request-id` and `client-request-id`; rate-limit and injected-fault answers are rewritten into Graph's
// error shape (429 `TooManyRequests`).
// Emulator choice: Graph accepts only Microsoft Graph tokens (aud https://graph.microsoft.com or its appId): a
// Partner Center token is 401 `InvalidAuthenticationToken`, as a Graph token is 401 on the Partner Center API.
// Emulator choice: App-only calls need the partner's "Partner Customer Delegated Administration" service principal
// (appId 2832473f-ec63-45fb-976f-5d45a7d4bb91); without it they are 403 `Authorization_RequestDenied` naming it.
// Token permissions (scp/roles) are not checked: the emulator's apps are taken to hold
// DelegatedAdminRelationship.ReadWrite.All.
import { randomUUID } from "crypto";
import { MICROSOFT_GRAPH_AUDIENCES, verifyAccessToken } from "../auth/accessToken";
import { ApiError } from "../http/types";
import { compose, handlerContextBase, type Exchange, type Middleware } from "../middleware/exchange";
import { faults } from "../middleware/faults";
import { rateLimit } from "../middleware/rateLimit";
import { readBody } from "../middleware/readBody";
import { requestLog } from "../middleware/requestLog";
import { gdapOf } from "./gdapOf";
import { GraphError, graphErrorBody } from "./graphError";
import { settle } from "./lifecycle";
import type { GraphContext, GraphRoute } from "./route";
import { matchGraphRoute } from "./routes";

export const PARTNER_DELEGATED_ADMIN_APP_ID = "2832473f-ec63-45fb-976f-5d45a7d4bb91";

const routeOf = new WeakMap<Exchange, GraphRoute>();
const clientIds = new WeakMap<Exchange, string>();

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)?.trim() || undefined;

const graphRequestIds: Middleware = async (x, next) => {
  x.requestId = randomUUID();
  const clientId = first(x.req.headers["client-request-id"]) ?? first(x.req.headers["ms-requestid"]) ?? randomUUID();
  clientIds.set(x, clientId);
  x.correlationId = first(x.req.headers["ms-correlationid"]) ?? clientId;
  try {
    await next();
  } finally {
    if (x.reply) x.reply.headers = { ...x.reply.headers, "request-id": x.requestId, "client-request-id": clientId };
  }
};

const graphErrors: Middleware = async (x, next) => {
  const reply = (status: number, code: string, message: string, headers: Record<string, string> = {}) => {
    x.reply = {
      status,
      headers,
      body: graphErrorBody(code, message, x.requestId, clientIds.get(x) ?? "", new Date(x.runtime.clock.now())),
    };
  };
  try {
    await next();
  } catch (e) {
    if (e instanceof GraphError) reply(e.status, e.code, e.message, e.headers);
    else if (e instanceof ApiError)
      reply(e.status, e.status === 413 ? "requestEntityTooLarge" : "badRequest", e.description);
    else {
      x.runtime.diagnostic(
        `emulator: unexpected error in ${x.method} ${x.path}: ${(e as Error)?.message ?? String(e)}`,
      );
      reply(500, "generalException", `The emulator failed to process the request (request-id ${x.requestId}).`);
    }
    return;
  }
  const body = x.reply?.body as Record<string, unknown> | undefined;
  if (x.reply && x.reply.status >= 400 && !(body && typeof body === "object" && "error" in body)) {
    const described = body?.description ?? body?.message;
    const message = typeof described === "string" ? described : `HTTP ${x.reply.status}`;
    reply(x.reply.status, x.reply.status === 429 ? "TooManyRequests" : "generalException", message, x.reply.headers);
  }
};

const graphAuthenticate: Middleware = async (x, next) => {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(x.req.headers.authorization ?? "");
  const challenge = {
    "WWW-Authenticate":
      'Bearer realm="", authorization_uri="https://login.microsoftonline.com/common/oauth2/authorize"',
  };
  if (!match) throw new GraphError(401, "InvalidAuthenticationToken", "Access token is empty.", challenge);
  const result = verifyAccessToken(
    match[1],
    x.runtime.store.data.tokenSigningKey,
    x.runtime.clock.now(),
    MICROSOFT_GRAPH_AUDIENCES,
  );
  if ("reason" in result)
    throw new GraphError(
      401,
      "InvalidAuthenticationToken",
      `Access token validation failure: ${result.reason}.`,
      challenge,
    );
  const partner = x.runtime.store.partner(result.caller.partnerId);
  if (!partner)
    throw new GraphError(
      401,
      "InvalidAuthenticationToken",
      "The token's tenant is not a partner known to this emulator.",
      challenge,
    );
  if (result.caller.kind === "app" && !gdapOf(partner).servicePrincipal)
    throw new GraphError(
      403,
      "Authorization_RequestDenied",
      `App-only access to GDAP needs the service principal of "Partner Customer Delegated Administration" (appId ${PARTNER_DELEGATED_ADMIN_APP_ID}) in the partner tenant; create it with POST /v1.0/servicePrincipals {"appId":"${PARTNER_DELEGATED_ADMIN_APP_ID}"}.`,
    );
  x.caller = result.caller;
  x.partner = partner;
  await next();
};

const graphRoute: Middleware = async (x, next) => {
  const { route, params } = matchGraphRoute(x.method === "HEAD" ? "GET" : x.method, x.path);
  routeOf.set(x, route);
  x.params = params;
  await next();
};

const graphDispatch: Middleware = async (x) => {
  let body: unknown;
  if (x.rawBody.length) {
    try {
      body = JSON.parse(x.rawBody.toString("utf8"));
    } catch (e) {
      throw new GraphError(400, "BadRequest", `Unable to read JSON request payload: ${(e as Error).message}`);
    }
  }
  const partner = x.partner!;
  const gdap = gdapOf(partner);
  const base = handlerContextBase(x, body);
  if (settle(gdap, base.now())) x.changed = true;
  const origin = `${x.runtime.scheme}://${x.req.headers.host}`;
  const ctx: GraphContext = { ...base, partner, gdap, origin, url: `${origin}${x.req.url ?? x.path}` };
  x.reply = routeOf.get(x)!.handle(ctx);
  if (x.changed && settle(gdap, base.now())) x.changed = true;
};

export const graphChain = compose([
  requestLog,
  graphRequestIds,
  graphErrors,
  readBody,
  graphAuthenticate,
  graphRoute,
  rateLimit,
  faults,
  graphDispatch,
]);
