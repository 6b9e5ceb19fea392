// Runs one operation: picks the credential, builds the URL, sends through the client's one pipeline (composed in
// client.ts) with this view's MS-CorrelationId, turns non-2xx and transport failures into PartnerCenterError and
// parses the body with the operation's zod model.
// Choice: any 2xx is success (docs and REST reference disagree between 200 and 201 for several creates).
import { z } from "zod";
import { errorFromResponse, PartnerCenterError } from "./errors";
import { Paged } from "./paging";
import { collectionSchema, type CollectionPage } from "./models/common";
import {
  header,
  TransportError,
  type CredentialKind,
  type HttpMethod,
  type PipelineRequest,
  type PipelineResponse,
  type Transport,
} from "./pipeline/types";
import { camelizeKeys } from "./wireCase";

export type Query = Record<string, string | string[] | number | boolean | undefined>;

export interface OperationRequest {
  operation: string;
  method: HttpMethod;
  /** path starting with /v1, already encoded (build it with ids.v1``) */
  path: string;
  query?: Query;
  body?: unknown;
  headers?: Record<string, string>;
  customerId?: string;
  /** "U only" in the API reference: needs an App+User token */
  appUserOnly?: boolean;
  /** statuses that are not errors although not 2xx (e.g. 404 of the domain-availability HEAD) */
  alsoAccept?: number[];
}

/** What every runner of one client shares: endpoint, credentials mode and the whole pipeline. */
export interface RunnerCore {
  endpoint: string;
  hasUserCredential: boolean;
  send: Transport;
}

export class RequestRunner {
  constructor(
    private readonly core: RunnerCore,
    /** fixed MS-CorrelationId of this view; without it the pipeline's requestId step makes one per call */
    readonly correlationId?: string,
  ) {}

  private credential(request: OperationRequest): CredentialKind {
    if (this.core.hasUserCredential) return "user";
    if (request.appUserOnly) {
      throw new PartnerCenterError({
        status: 0,
        code: "AppUserRequired",
        description:
          `${request.operation} needs App+User (delegated) credentials, but only App-only credentials are configured. ` +
          "Set partnercenter:refreshToken (env PARTNERCENTER_REFRESH_TOKEN) to a secure-application-model refresh token.",
        operation: request.operation,
        retryable: false,
      });
    }
    return "app";
  }

  url(path: string, query?: Query): string {
    const search = new URLSearchParams();
    for (const [name, value] of Object.entries(query ?? {})) {
      if (value === undefined) continue;
      for (const item of Array.isArray(value) ? value : [value]) search.append(name, String(item));
    }
    const text = search.toString();
    return `${this.core.endpoint}${path}${text ? `?${text}` : ""}`;
  }

  async send(request: OperationRequest, url = this.url(request.path, request.query)): Promise<PipelineResponse> {
    const pipelineRequest: PipelineRequest = {
      method: request.method,
      url,
      headers: {
        "MS-Contract-Version": "v1",
        "X-Locale": "en-US",
        "MS-PartnerCenter-Client": "pulumi-partner-center",
        ...(this.correlationId ? { "MS-CorrelationId": this.correlationId } : {}),
        ...request.headers,
      },
      body: request.body,
      operation: request.operation,
      customerId: request.customerId,
      credential: this.credential(request),
    };
    const response = await sendOrNetworkError(this.core.send, pipelineRequest, this.correlationId);
    if ((response.status >= 200 && response.status < 300) || request.alsoAccept?.includes(response.status))
      return response;
    throw errorFromResponse(request.operation, pipelineRequest, response);
  }

  async json<S extends z.ZodType>(request: OperationRequest, schema: S, model: string): Promise<z.output<S>> {
    const response = await this.send(request);
    return parseModel(schema, response, request.operation, model);
  }

  async empty(request: OperationRequest): Promise<void> {
    await this.send(request);
  }

  /** A collection: {items, links.next, continuationToken} pages, or (shape "array") a bare JSON array. */
  paged<S extends z.ZodType>(
    request: OperationRequest,
    itemSchema: S,
    model: string,
    shape: "collection" | "array" = "collection",
  ): Paged<z.output<S>> {
    const pageSchema =
      shape === "array"
        ? z.array(itemSchema).transform((items) => ({ items, links: undefined, continuationToken: undefined }))
        : collectionSchema(itemSchema);
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- an async generator function cannot be an arrow
    const runner = this;
    return new Paged<z.output<S>>(async function* () {
      let url = runner.url(request.path, request.query);
      let continuation: string | undefined;
      const seen = new Set<string>();
      for (;;) {
        const headers = continuation ? { ...request.headers, "MS-ContinuationToken": continuation } : request.headers;
        const response = await runner.send({ ...request, headers }, url);
        const page: CollectionPage<z.output<S>> = parseModel(
          pageSchema,
          response,
          request.operation,
          `collection of ${model}`,
        );
        yield page.items;
        const next = page.links?.next;
        if (!next) return;
        continuation =
          next.headers?.find((h) => h.key.toLowerCase() === "ms-continuationtoken")?.value ??
          page.continuationToken ??
          undefined;
        url = runner.nextUrl(next.uri, request.operation);
        const key = `${url} ${continuation ?? ""}`;
        if (seen.has(key)) {
          throw new PartnerCenterError({
            status: response.status,
            code: "PagingLoop",
            description:
              "the service returned the same next page (link and continuation token) twice; stopping instead of looping",
            operation: request.operation,
            retryable: false,
            requestId: header(response, "ms-requestid"),
            correlationId: header(response, "ms-correlationid"),
          });
        }
        seen.add(key);
      }
    });
  }

  /** links.next.uri is relative, with or without the /v1 prefix. */
  nextUrl(uri: string, operation: string): string {
    if (/^[a-z][a-z0-9+.-]*:/i.test(uri)) {
      const target = new URL(uri);
      if (target.origin !== new URL(this.core.endpoint).origin) {
        throw new PartnerCenterError({
          status: 0,
          code: "InvalidResponse",
          description: `the next-page link points at ${target.origin}, not at the configured endpoint; not following it`,
          operation,
          retryable: false,
        });
      }
      return target.href;
    }
    const path = uri.startsWith("/") ? uri : `/${uri}`;
    return `${this.core.endpoint}${/^\/v1(\/|\?|$)/i.test(path) ? path : `/v1${path}`}`;
  }
}

/** Sends through the pipeline; a failure below HTTP (after the retries) becomes the retryable NetworkError. */
export async function sendOrNetworkError(
  send: Transport,
  request: PipelineRequest,
  correlationId: string | undefined,
): Promise<PipelineResponse> {
  try {
    return await send(request);
  } catch (error) {
    if (error instanceof TransportError)
      throw new PartnerCenterError({
        status: 0,
        code: "NetworkError",
        description: error.message,
        operation: request.operation,
        retryable: true,
        correlationId,
      });
    throw error;
  }
}

/** Parses a 2xx body with the operation's model; a mismatch names the operation and the field. */
export function parseModel<S extends z.ZodType>(
  schema: S,
  response: PipelineResponse,
  operation: string,
  model: string,
): z.output<S> {
  const result = schema.safeParse(camelizeKeys(response.body));
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = issue.path.length
    ? issue.path
        .map((p) => (typeof p === "number" ? `[${p}]` : `.${String(p)}`))
        .join("")
        .replace(/^\./, "")
    : "(body)";
  throw new PartnerCenterError({
    status: response.status,
    code: "InvalidResponse",
    description:
      `the response does not match the ${model} model at field "${field}": ${issue.message}` +
      (result.error.issues.length > 1 ? ` (and ${result.error.issues.length - 1} more problem(s))` : ""),
    operation,
    retryable: false,
    requestId: header(response, "ms-requestid"),
    correlationId: header(response, "ms-correlationid"),
  });
}
