// The innermost step: parse the JSON body, build the handler's RequestContext and run the route's handler.
import { parseJsonBody } from "../http/body";
import type { RequestContext } from "../http/types";
import type { Middleware } from "./exchange";

export const dispatch: Middleware = async (x) => {
  const body = parseJsonBody(x.rawBody, x.req.headers["content-type"]);
  const store = x.runtime.store;
  const ctx: RequestContext = {
    method: x.method,
    path: x.path,
    params: x.params,
    query: x.query,
    headers: x.req.headers,
    body,
    caller: x.caller!,
    store: store.data,
    partner: x.partner!,
    customer: x.customer,
    now: () => new Date(x.runtime.clock.emulatedNow()),
    changed: () => {
      x.changed = true;
    },
  };
  x.reply = await x.route!.handle(ctx);
};
