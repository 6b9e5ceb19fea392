// The shape of one Graph route handler and the context it receives; routes are matched by routes.ts.
import type { IncomingHttpHeaders } from "http";
import type { Caller } from "../http/types";
import type { PartnerRecord } from "../store/types";
import type { PartnerGdapRecord } from "./records";

export interface GraphContext {
  method: string;
  path: string;
  params: Record<string, string>;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  /** parsed JSON body (undefined when empty) */
  body: unknown;
  caller: Caller;
  partner: PartnerRecord;
  gdap: PartnerGdapRecord;
  /** scheme://host of this request, for @odata.context, Location and nextLink */
  origin: string;
  /** the absolute URL of this request (for nextLink) */
  url: string;
  now(): Date;
  changed(): void;
}

export interface GraphReply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface GraphRoute {
  method: "GET" | "POST" | "PATCH" | "DELETE";
  /** path with :params, e.g. "/v1.0/tenantRelationships/delegatedAdminRelationships/:relationshipId" */
  pattern: string;
  handle(ctx: GraphContext): GraphReply;
}

export const METADATA = "/v1.0/tenantRelationships/$metadata";
export const RELATIONSHIPS = "/v1.0/tenantRelationships/delegatedAdminRelationships";
