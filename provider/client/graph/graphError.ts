// Errors of Microsoft Graph calls: Graph's body {error:{code,message,innerError:{request-id,client-request-id}}}
// becomes the client's one error type (PartnerCenterError: status, code, description, ids), so callers handle both
// APIs alike while neither parser sees the other's shape. https://learn.microsoft.com/graph/errors
// Choice: a 403 on an App-only call adds what the GDAP docs require for App-only access: the "Partner Customer
// Delegated Administration" service principal in the partner tenant, and how to create it.
import { z } from "zod";
import { PartnerCenterError } from "../errors";
import { isRetryableStatus } from "../pipeline/retryDecision";
import { header, type PipelineRequest, type PipelineResponse } from "../pipeline/types";

export const PARTNER_DELEGATED_ADMIN_APP_ID = "2832473f-ec63-45fb-976f-5d45a7d4bb91";

const GraphErrorBody = z.looseObject({
  error: z.looseObject({
    code: z.string().optional(),
    message: z.string().optional(),
    innerError: z.looseObject({}).optional(),
  }),
});

export const APP_ONLY_HINT =
  `App-only GDAP calls need the "Partner Customer Delegated Administration" service principal (appId ` +
  `${PARTNER_DELEGATED_ADMIN_APP_ID}) in the partner tenant: create it once with POST ` +
  `https://graph.microsoft.com/v1.0/servicePrincipals {"appId":"${PARTNER_DELEGATED_ADMIN_APP_ID}"} ` +
  `(or az ad sp create --id ${PARTNER_DELEGATED_ADMIN_APP_ID}), or use App+User credentials (partnercenter:refreshToken).`;

export function graphErrorFromResponse(
  operation: string,
  request: PipelineRequest,
  response: PipelineResponse,
): PartnerCenterError {
  const parsed = GraphErrorBody.safeParse(response.body);
  const error = parsed.success ? parsed.data.error : undefined;
  let description =
    error?.message ??
    (typeof response.body === "string" && response.body
      ? response.body
      : `HTTP ${response.status} with no error message`);
  if (response.status === 403 && request.credential === "app") description += ` ${APP_ONLY_HINT}`;
  const retryAfter = header(response, "retry-after");
  return new PartnerCenterError({
    status: response.status,
    code: error?.code ?? `Http${response.status}`,
    description,
    operation,
    retryable: isRetryableStatus(response.status),
    requestId: header(response, "request-id"),
    correlationId: header(response, "client-request-id") ?? request.headers["client-request-id"],
    retryAfterMs: retryAfter && /^\d+$/.test(retryAfter.trim()) ? Number(retryAfter) * 1000 : undefined,
  });
}
