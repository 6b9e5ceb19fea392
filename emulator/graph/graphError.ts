// Microsoft Graph's error body {error:{code,message,innerError:{date,request-id,client-request-id}}}, distinct from
// Partner Center's {code,description,data,source} (https://learn.microsoft.com/graph/errors).
// Emulator choice: status codes where the GDAP pages are silent: 400 `badRequest` for invalid input and for any call
// the relationship's or assignment's status does not allow, 404 `notFound`, 409 `conflict`, 412 `preconditionFailed`
// (stale If-Match), 405 `methodNotAllowed` for the SDK-generated writes on operations and customers.
export class GraphError extends Error {
  constructor(
    public status: number,
    public code: string,
    message: string,
    public headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export const badRequest = (message: string) => new GraphError(400, "badRequest", message);
export const notFound = (what: string, id: string) =>
  new GraphError(404, "notFound", `The ${what} '${id}' was not found.`);

export function graphErrorBody(code: string, message: string, requestId: string, clientRequestId: string, date: Date) {
  return {
    error: {
      code,
      message,
      innerError: {
        date: date.toISOString().replace(/\.\d{3}Z$/, ""),
        "request-id": requestId,
        "client-request-id": clientRequestId,
      },
    },
  };
}
