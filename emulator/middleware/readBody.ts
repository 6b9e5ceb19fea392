// Reads the raw request body (max 1 MiB -> 413). JSON parsing happens at dispatch, after authentication.
import { ApiError } from "../http/types";
import { BodyTooLargeError, readRawBody } from "../http/body";
import type { Middleware } from "./exchange";

export const readBody: Middleware = async (x, next) => {
  try {
    x.rawBody = await readRawBody(x.req);
  } catch (e) {
    if (e instanceof BodyTooLargeError) {
      x.res.setHeader("Connection", "close");
      throw e;
    }
    throw new ApiError(400, 2000, "The request body could not be read; send it again.");
  }
  await next();
};
