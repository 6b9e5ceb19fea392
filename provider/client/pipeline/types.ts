// The request/response shapes every pipeline policy and the transport share.

export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE" | "HEAD";

/** Which token an attempt carries: App-only (client credentials) or App+User (refresh token). */
export type CredentialKind = "app" | "user";

export interface PipelineRequest {
  method: HttpMethod;
  /** absolute URL, already encoded */
  url: string;
  headers: Record<string, string>;
  /** JSON-serialisable body (sent as application/json) */
  body?: unknown;
  /** the logical operation, e.g. "users.get" (for errors and logs) */
  operation: string;
  /** the customer tenant the call is about (per-customer throttling) */
  customerId?: string;
  credential: CredentialKind;
}

export interface PipelineResponse {
  status: number;
  /** header names lower-cased */
  headers: Record<string, string>;
  /** parsed JSON when the body is JSON, the raw text otherwise, undefined when empty */
  body: unknown;
}

/** Sends one attempt over the wire. Returns every HTTP status; throws TransportError only when no response came. */
export type Transport = (request: PipelineRequest) => Promise<PipelineResponse>;

/** One step of the pipeline: may change the request, call next (0..n times) and inspect the response. */
export type Policy = (request: PipelineRequest, next: Transport) => Promise<PipelineResponse>;

/** No HTTP response at all: connection reset, refused, timed out, DNS failure. */
export class TransportError extends Error {
  constructor(
    public readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "TransportError";
  }
}

export function header(response: PipelineResponse, name: string): string | undefined {
  return response.headers[name.toLowerCase()];
}

/** Chains policies in order around a transport: compose([a, b], t) = a -> b -> t. */
export function compose(policies: Policy[], transport: Transport): Transport {
  return policies.reduceRight<Transport>((next, policy) => (request) => policy(request, next), transport);
}
