// MS-RequestId / MS-CorrelationId: echoed when sent, generated when missing; MS-CV and MS-ServerId added for realism.
import { randomBytes, randomUUID } from "crypto";
import type { Middleware } from "./exchange";

const SERVER_ID = "202611251";

function header(value: string | string[] | undefined): string | undefined {
  const v = Array.isArray(value) ? value[0] : value;
  return v && v.trim() ? v.trim() : undefined;
}

export const requestIds: Middleware = async (x, next) => {
  const sentRequestId = header(x.req.headers["ms-requestid"]);
  x.clientRequestId = sentRequestId !== undefined;
  x.requestId = sentRequestId ?? randomUUID();
  x.correlationId = header(x.req.headers["ms-correlationid"]) ?? randomUUID();
  const cv = header(x.req.headers["ms-cv"]) ?? `${randomBytes(12).toString("base64")}.0`;
  try {
    await next();
  } finally {
    if (x.reply) {
      x.reply.headers = {
        ...x.reply.headers,
        "MS-RequestId": x.requestId,
        "MS-CorrelationId": x.correlationId,
        "MS-CV": cv,
        "MS-ServerId": SERVER_ID,
      };
    }
  }
};
