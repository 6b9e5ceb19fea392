// The innermost step: parse the JSON body, build the handler's RequestContext and run the route's handler.
import { parseJsonBody } from "../http/body";
import type { RequestContext } from "../http/types";
import { handlerContextBase, type Middleware } from "./exchange";

export const dispatch: Middleware = async (x) => {
  const body = parseJsonBody(x.rawBody, x.req.headers["content-type"]);
  const store = x.runtime.store;
  const ctx: RequestContext = {
    ...handlerContextBase(x, body),
    store: store.data,
    partner: x.partner!,
    customer: x.customer,
  };
  x.reply = await x.route!.handle(ctx);
};
