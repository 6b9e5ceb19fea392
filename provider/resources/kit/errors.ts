// Errors raised by resources. Every message names the resource (type and natural key), the operation, and —
// when Partner Center answered — its status, error code, request id and correlation id, so a user can quote
// them to Microsoft support. Messages never include secrets: the runtime passes every message through
// `redact` with the known secret values (client secret, refresh token, key, passwords) before it leaves.
//
// Messages read the documented fields of the client's PartnerCenterError structurally (status, code,
// requestId, correlationId, description). Classification (isNotFound, ...) is the client's own (client/errors.ts).

import { isNotFound } from "../../client/errors";

export { isAnswerLost, isConflict, isNotFound, isPreconditionFailed, isThrottled } from "../../client/errors";

/** Runs a delete call; an object already gone (404) is what the delete wanted. */
export async function deleteUnlessGone(call: () => Promise<unknown>): Promise<void> {
  try {
    await call();
  } catch (e) {
    if (!isNotFound(e)) throw e;
  }
}

export interface PartnerCenterErrorLike {
  status?: number;
  code?: string | number;
  description?: string;
  requestId?: string;
  correlationId?: string;
  operation?: string;
  retryable?: boolean;
}

function asPc(e: unknown): PartnerCenterErrorLike {
  return e !== null && typeof e === "object" ? e : {};
}

/** The Partner Center facts of an error, as "status 404, code 60002, request id …, correlation id …". */
export function describePartnerCenterError(e: unknown): string {
  const pc = asPc(e);
  const parts: string[] = [];
  if (pc.status !== undefined) parts.push(`HTTP ${pc.status}`);
  if (pc.code !== undefined && pc.code !== "") parts.push(`Partner Center code ${pc.code}`);
  if (pc.operation) parts.push(`call ${pc.operation}`);
  if (pc.requestId) parts.push(`request id ${pc.requestId}`);
  if (pc.correlationId) parts.push(`correlation id ${pc.correlationId}`);
  return parts.join(", ");
}

function baseMessage(e: unknown): string {
  const pc = asPc(e);
  if (pc.description) return pc.description;
  return e instanceof Error ? e.message : String(e);
}

/** An operation of a resource failed. `cause` keeps the original error (its fields are already safe). */
export class ResourceOperationError extends Error {
  readonly status?: number;
  readonly code?: string;
  readonly requestId?: string;
  constructor(
    readonly resource: string,
    readonly operation: string,
    cause: unknown,
    hint?: string,
  ) {
    const facts = describePartnerCenterError(cause);
    super(
      `${resource}: ${operation} failed: ${baseMessage(cause)}${hint ? ` ${hint}` : ""}${facts ? ` (${facts})` : ""}`,
    );
    this.name = "ResourceOperationError";
    const pc = asPc(cause);
    this.status = pc.status;
    this.code = pc.code === undefined ? undefined : String(pc.code);
    this.requestId = pc.requestId;
  }
}

/** A plain-words problem found by the provider itself (no Partner Center call failed). */
export class ResourceUsageError extends Error {
  constructor(resource: string, operation: string, message: string) {
    super(`${resource}: ${operation}: ${message}`);
    this.name = "ResourceUsageError";
  }
}

/**
 * The object exists but the create could not finish. Pulumi's dynamic-provider host turns an error with
 * `id`, `properties` and `reasons` into ErrorResourceInitFailed: the resource is kept in state (so it is
 * tracked and can be updated or deleted) and the operation still fails.
 */
export class PartialCreateError extends Error {
  readonly reasons: string[];
  constructor(
    message: string,
    readonly id: string,
    readonly properties: Record<string, unknown>,
  ) {
    super(message);
    this.name = "PartialCreateError";
    this.reasons = [message];
  }
}

/** Replaces every occurrence of a secret value by "[redacted]". Secrets shorter than 4 characters are ignored. */
export function redact(text: string, secrets: Iterable<string | undefined>): string {
  let out = text;
  for (const s of secrets) if (s && s.length >= 4) out = out.split(s).join("[redacted]");
  return out;
}
