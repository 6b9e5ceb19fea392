// Bearer authentication for /v1 routes. Missing token -> 401/800001; bad, expired or wrong-audience token -> 401/400
// ("Access denied"), both with WWW-Authenticate (https://learn.microsoft.com/partner-center/developer/error-codes).
import { verifyAccessToken } from "../auth/accessToken";
import { errorReply, type Middleware } from "./exchange";

const challenge = (error?: string) => ({
  "WWW-Authenticate": `OAuth realm=urn:cpsvc:cpid:emulator${error ? `, error="${error}"` : ""}`,
});

export const authenticate: Middleware = async (x, next) => {
  const header = x.req.headers.authorization;
  if (!header) {
    x.reply = errorReply(
      401,
      800001,
      "Partner Token missing in request context. Send Authorization: Bearer <access token>.",
      [],
      {},
      challenge(),
    );
    return;
  }
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match) {
    x.reply = errorReply(
      401,
      400,
      "Access denied: the Authorization header must be 'Bearer <access token>'.",
      [],
      {},
      challenge("invalid_request"),
    );
    return;
  }
  const result = verifyAccessToken(match[1], x.runtime.store.data.tokenSigningKey, x.runtime.clock.now());
  if ("reason" in result) {
    x.reply = errorReply(401, 400, `Access denied: ${result.reason}.`, [], {}, challenge("invalid_token"));
    return;
  }
  const partner = x.runtime.store.partner(result.caller.partnerId);
  if (!partner) {
    x.reply = errorReply(
      401,
      400,
      "Access denied: the token's tenant is not a partner known to this emulator.",
      [],
      {},
      challenge("invalid_token"),
    );
    return;
  }
  x.caller = result.caller;
  x.partner = partner;
  await next();
};
