// MS-RequestId / MS-CorrelationId: echoed when sent, generated when missing; MS-CV and MS-ServerId added for realism.
// Emulator choice: an MS-RequestId, MS-CorrelationId or MS-CV longer than 128 characters is refused with 400/2000 in
//   the documented error body, naming the header (the docs ask for a GUID but give no limit); the answer carries
//   generated ids and never echoes the over-long value.
import { randomBytes, randomUUID } from "crypto";
import { errorReply, type Middleware } from "./exchange";

const SERVER_ID = "202611251";
export const MAX_ID_HEADER_LENGTH = 128;

function header(value: string | string[] | undefined): string | undefined {
  const v = Array.isArray(value) ? value[0] : value;
  return v && v.trim() ? v.trim() : undefined;
}

export const requestIds: Middleware = async (x, next) => {
  const sent = {
    "MS-RequestId": header(x.req.headers["ms-requestid"]),
    "MS-CorrelationId": header(x.req.headers["ms-correlationid"]),
    "MS-CV": header(x.req.headers["ms-cv"]),
  };
  const tooLong = Object.entries(sent).find(([, v]) => v !== undefined && v.length > MAX_ID_HEADER_LENGTH);
  x.clientRequestId = !tooLong && sent["MS-RequestId"] !== undefined;
  x.requestId = (!tooLong && sent["MS-RequestId"]) || randomUUID();
  x.correlationId = (!tooLong && sent["MS-CorrelationId"]) || randomUUID();
  const cv = (!tooLong && sent["MS-CV"]) || `${randomBytes(12).toString("base64")}.0`;
  try {
    if (tooLong) {
      x.reply = errorReply(
        400,
        2000,
        `The ${tooLong[0]} header is ${tooLong[1]!.length} characters long; send a GUID (at most ${MAX_ID_HEADER_LENGTH} characters).`,
      );
      return;
    }
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
