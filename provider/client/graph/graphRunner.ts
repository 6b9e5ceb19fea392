// Runs one Microsoft Graph operation on the client's pipeline (retry, throttle, auth with a Graph-audience token,
// log): sets client-request-id once per logical call (the same on every retry), turns non-2xx into the client's error
// via Graph's error shape, parses bodies with zod, and follows @odata.nextLink (same origin only) for collections.
import { randomUUID } from "crypto";
import { z } from "zod";
import { PartnerCenterError } from "../errors";
import { Paged } from "../paging";
import { parseModel, sendOrNetworkError } from "../requestRunner";
import type { HttpMethod, PipelineResponse, Transport } from "../pipeline/types";
import { collectionOf } from "./models";
import { graphErrorFromResponse } from "./graphError";
import type { ServerClock } from "./serverClock";

export interface GraphCore {
  /** e.g. https://graph.microsoft.com (no version) */
  endpoint: string;
  hasUserCredential: boolean;
  send: Transport;
  /** told every answer's Date header (see serverClock.ts) */
  clock?: ServerClock;
}

export interface GraphRequest {
  operation: string;
  method: HttpMethod;
  /** path from /v1.0, already encoded */
  path: string;
  query?: Record<string, string | undefined>;
  body?: unknown;
  headers?: Record<string, string>;
  customerId?: string;
}

export class GraphRunner {
  constructor(
    private readonly core: GraphCore,
    readonly correlationId?: string,
  ) {}

  url(path: string, query?: GraphRequest["query"]): string {
    const search = new URLSearchParams();
    for (const [k, v] of Object.entries(query ?? {})) if (v !== undefined) search.append(k, v);
    const text = search.toString().replace(/%24/g, "$");
    return `${this.core.endpoint}${path}${text ? `?${text}` : ""}`;
  }

  async send(request: GraphRequest, url = this.url(request.path, request.query)): Promise<PipelineResponse> {
    const clientRequestId = randomUUID();
    const pipelineRequest = {
      method: request.method,
      url,
      headers: {
        "client-request-id": clientRequestId,
        ...(this.correlationId ? { "MS-CorrelationId": this.correlationId } : {}),
        ...request.headers,
      },
      body: request.body,
      operation: request.operation,
      customerId: request.customerId,
      credential: this.core.hasUserCredential ? ("user" as const) : ("app" as const),
    };
    const response = await sendOrNetworkError(this.core.send, pipelineRequest, clientRequestId);
    this.core.clock?.observe(response.headers.date);
    if (response.status >= 200 && response.status < 300) return response;
    throw graphErrorFromResponse(request.operation, pipelineRequest, response);
  }

  async json<S extends z.ZodType>(request: GraphRequest, schema: S, model: string): Promise<z.output<S>> {
    return parseModel(schema, await this.send(request), request.operation, model);
  }

  paged<S extends z.ZodType>(request: GraphRequest, item: S, model: string): Paged<z.output<S>> {
    const schema = collectionOf(item);
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- an async generator function cannot be an arrow function
    const runner = this;
    return new Paged<z.output<S>>(async function* () {
      let url = runner.url(request.path, request.query);
      const seen = new Set<string>();
      for (;;) {
        const response = await runner.send(request, url);
        const page = parseModel(schema, response, request.operation, `collection of ${model}`);
        yield page.value;
        const next = page["@odata.nextLink"];
        if (!next) return;
        if (new URL(next).origin !== new URL(runner.core.endpoint).origin || seen.has(next))
          throw new PartnerCenterError({
            status: response.status,
            code: seen.has(next) ? "PagingLoop" : "InvalidResponse",
            description: seen.has(next)
              ? "Graph returned the same @odata.nextLink twice; stopping instead of looping"
              : `the @odata.nextLink points at ${new URL(next).origin}, not at the configured Graph endpoint; not following it`,
            operation: request.operation,
            retryable: false,
          });
        seen.add(next);
        url = next;
      }
    });
  }
}
