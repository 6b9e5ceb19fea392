// The shape of one emulator route handler. Handlers live one module per API area in emulator/handlers/
// and are mounted from a single list (emulator/handlers/index.ts).
import type { IncomingHttpHeaders } from "http";
import type { CustomerRecord, PartnerRecord, StoreData } from "../store/types";

export type AuthMode = "app-or-user" | "user-only";

/** What the verified bearer token says about the caller. */
export interface Caller {
  partnerId: string;
  clientId: string;
  kind: "app" | "user";
  userId?: string;
  userPrincipalName?: string;
  audience: string;
}

export interface RequestContext {
  method: string;
  /** path without query, e.g. /v1/customers/abc/users */
  path: string;
  /** decoded path parameters from the route pattern, e.g. { customerId } */
  params: Record<string, string>;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  /** parsed JSON body with keys normalised to camelCase at every depth (PascalCase accepted) */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each handler validates it (parseBody, zod)
  body: any;
  caller: Caller;
  store: StoreData;
  partner: PartnerRecord;
  /** the customer named by :customerId, already checked to belong to the caller's partner (404/403 otherwise) */
  customer?: CustomerRecord;
  now(): Date;
  /** mark the store as changed so it is persisted after the response */
  changed(): void;
}

export interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface Route {
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE" | "HEAD";
  /** path pattern with :params, e.g. "/v1/customers/:customerId/users/:userId" */
  pattern: string;
  auth: AuthMode;
  handle(ctx: RequestContext): Reply | Promise<Reply>;
}

/** Thrown by handlers; becomes the documented error body {code, description, data, source}. */
export class ApiError extends Error {
  constructor(
    public status: number,
    public code: number | string,
    public description: string,
    public data: string[] = [],
    public extra: Record<string, unknown> = {},
  ) {
    super(description);
  }
}
