// Debug log of every attempt (one line out, one line back), redacted: never an authorization header,
// password, secret or token. Does nothing without a logger.
import { redactHeaders, redactValue } from "./redact";
import { TransportError, type Policy } from "./types";

export function logPolicy(logger: ((line: string) => void) | undefined, now: () => number = Date.now): Policy {
  if (!logger) return (request, next) => next(request);
  return async (request, next) => {
    const started = now();
    const body = request.body === undefined ? "" : ` body=${JSON.stringify(redactValue(request.body))}`;
    logger(
      `--> ${request.operation} ${request.method} ${request.url} headers=${JSON.stringify(redactHeaders(request.headers))}${body}`,
    );
    try {
      const response = await next(request);
      const responseBody = response.body === undefined ? "" : ` body=${JSON.stringify(redactValue(response.body))}`;
      logger(
        `<-- ${request.operation} ${response.status} in ${now() - started}ms request-id=${request.headers["MS-RequestId"] ?? ""}${responseBody}`,
      );
      return response;
    } catch (error) {
      const what = error instanceof TransportError ? error.code : "error";
      logger(
        `<-- ${request.operation} failed (${what}) in ${now() - started}ms request-id=${request.headers["MS-RequestId"] ?? ""}`,
      );
      throw error;
    }
  };
}
