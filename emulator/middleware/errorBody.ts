// Turns what inner middlewares and handlers throw into the documented error body {code, description, data, source};
// anything that is not an ApiError becomes a 500 without a stack trace.
import { ApiError } from "../http/types";
import { errorReply, type Middleware } from "./exchange";

export const errorBody: Middleware = async (x, next) => {
  try {
    await next();
  } catch (e) {
    if (e instanceof ApiError) {
      x.reply = errorReply(e.status, e.code, e.description, e.data, e.extra);
      return;
    }
    x.runtime.diagnostic(
      `emulator: unexpected error in ${x.method} ${x.path} (request ${x.requestId}): ${(e as Error)?.message ?? String(e)}`,
    );
    x.reply = errorReply(
      500,
      5000,
      `The emulator failed to process the request (MS-RequestId ${x.requestId}); this is an emulator bug.`,
    );
  }
};
