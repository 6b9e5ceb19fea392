// PartnerCenterError: every failure the client reports, with the Partner Center error code and the ids
// support needs. Parses the three documented error bodies: standard {code, description, data, source},
// the richer MCA one {code, message, description, errorName, isRetryable, ...} and the 429 one
// {statusCode, message}. https://learn.microsoft.com/partner-center/developer/error-codes
// Choice: code is always a string (examples send numbers). When the body carries no code, the code is the HTTP reason ("NotFound", "TooManyRequests", ...).
import { z } from "zod";
import { redactText } from "./pipeline/redact";
import { isRetryableStatus } from "./pipeline/retryDecision";
import { header, type PipelineRequest, type PipelineResponse } from "./pipeline/types";

export interface PartnerCenterErrorFields {
  status: number;
  code: string;
  description: string;
  operation: string;
  retryable: boolean;
  requestId?: string;
  correlationId?: string;
  data?: string[];
  /** Retry-After of a 429, in milliseconds */
  retryAfterMs?: number;
}

export class PartnerCenterError extends Error {
  readonly status: number;
  readonly code: string;
  readonly description: string;
  readonly operation: string;
  readonly retryable: boolean;
  readonly requestId?: string;
  readonly correlationId?: string;
  readonly data: string[];
  readonly retryAfterMs?: number;

  constructor(fields: PartnerCenterErrorFields) {
    const description = redactText(fields.description).slice(0, 1024);
    const ids = [
      fields.requestId && `request id ${fields.requestId}`,
      fields.correlationId && `correlation id ${fields.correlationId}`,
    ]
      .filter(Boolean)
      .join(", ");
    const status = fields.status ? `HTTP ${fields.status}, ` : "";
    super(`${fields.operation} failed (${status}code ${fields.code}): ${description}${ids ? ` [${ids}]` : ""}`);
    this.name = "PartnerCenterError";
    this.status = fields.status;
    this.code = fields.code;
    this.description = description;
    this.operation = fields.operation;
    this.retryable = fields.retryable;
    this.requestId = fields.requestId;
    this.correlationId = fields.correlationId;
    this.data = (fields.data ?? []).map((item) => redactText(item));
    this.retryAfterMs = fields.retryAfterMs;
  }
}

const STATUS_NAMES: Record<number, string> = {
  400: "BadRequest",
  401: "Unauthorized",
  403: "Forbidden",
  404: "NotFound",
  405: "MethodNotAllowed",
  406: "NotAcceptable",
  408: "RequestTimeout",
  409: "Conflict",
  412: "PreconditionFailed",
  417: "ExpectationFailed",
  429: "TooManyRequests",
  500: "InternalServerError",
  501: "NotImplemented",
  502: "BadGateway",
  503: "ServiceUnavailable",
  504: "GatewayTimeout",
};

const ErrorBodySchema = z.looseObject({
  code: z.union([z.string(), z.number()]).optional(),
  description: z.string().optional(),
  message: z.string().optional(),
  errorName: z.string().optional(),
  isRetryable: z.boolean().optional(),
  data: z.array(z.unknown()).optional().nullable(),
  statusCode: z.number().optional(),
});

/** The error for a non-2xx response of one operation. */
export function errorFromResponse(
  operation: string,
  request: PipelineRequest,
  response: PipelineResponse,
): PartnerCenterError {
  const parsed = ErrorBodySchema.safeParse(response.body);
  const body = parsed.success ? parsed.data : {};
  const code =
    body.code !== undefined && body.code !== ""
      ? String(body.code)
      : (body.errorName ?? STATUS_NAMES[response.status] ?? `Http${response.status}`);
  const text = typeof response.body === "string" ? response.body : undefined;
  const description = body.description ?? body.message ?? text ?? `HTTP ${response.status} with no error description`;
  const retryAfter = header(response, "retry-after");
  return new PartnerCenterError({
    status: response.status,
    code,
    description,
    operation,
    retryable: body.isRetryable ?? isRetryableStatus(response.status),
    requestId: header(response, "ms-requestid") ?? request.headers["MS-RequestId"],
    correlationId: header(response, "ms-correlationid") ?? request.headers["MS-CorrelationId"],
    data: (body.data ?? []).map((item) => (typeof item === "string" ? item : JSON.stringify(item))),
    retryAfterMs: retryAfter && /^\d+$/.test(retryAfter.trim()) ? Number(retryAfter) * 1000 : undefined,
  });
}

/** Input rejected before any request was sent. */
export function invalidInput(operation: string, field: string, problem: string): PartnerCenterError {
  return new PartnerCenterError({
    status: 0,
    code: "InvalidInput",
    description: `${field} ${problem}`,
    operation,
    retryable: false,
  });
}

export function isPartnerCenterError(e: unknown): e is PartnerCenterError {
  return e instanceof PartnerCenterError;
}

// Classification reads the documented fields (status, code) structurally, so an error that carries them
// (a PartnerCenterError, or one a resource wraps or a test stands in) is classified the same way.
function fieldsOf(e: unknown): { status?: number; code?: unknown } {
  return e !== null && typeof e === "object" ? e : {};
}
export function isNotFound(e: unknown): boolean {
  return fieldsOf(e).status === 404;
}
export function isConflict(e: unknown): boolean {
  return fieldsOf(e).status === 409;
}
export function isThrottled(e: unknown): boolean {
  return fieldsOf(e).status === 429;
}
/** A stale ETag: 400 / 2055 "Etag is no longer valid", or HTTP 412. */
export function isPreconditionFailed(e: unknown): boolean {
  const { status, code } = fieldsOf(e);
  return status === 412 || (status === 400 && String(code) === "2055");
}
/**
 * The write may have been applied although its answer never arrived: no HTTP status (network error, timeout)
 * or a status the pipeline retries (408, 429, 5xx but 501/505) that still failed after its retries.
 */
export function isAnswerLost(e: unknown): boolean {
  const { status } = fieldsOf(e);
  return status === undefined || status === 0 || isRetryableStatus(status);
}
