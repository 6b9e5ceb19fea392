// Finds the route (404/1000, 405), refuses App-only tokens on App+User-only routes (403/900329) and scopes
// :customerId to the caller's partner (router.resolveCustomer), keeping the customer on the exchange for the handler.
import { ApiError } from "../http/types";
import { RouteTable, resolveCustomer } from "../http/router";
import { errorReply, type Middleware } from "./exchange";

const tables = new WeakMap<object, RouteTable>();

export const resolveRoute: Middleware = async (x, next) => {
  let table = tables.get(x.runtime.routes);
  if (!table) {
    table = new RouteTable(x.runtime.routes);
    tables.set(x.runtime.routes, table);
  }
  const match = table.match(x.method, x.path);
  if ("status" in match) {
    if (match.status === 404)
      throw new ApiError(
        404,
        1000,
        `No resource exists at ${x.path}; check the path against the Partner Center REST reference.`,
      );
    x.reply = errorReply(
      405,
      2000,
      `The method ${x.method} is not supported on ${x.path}; use ${match.allowed.join(" or ")}.`,
      [],
      {},
      { Allow: match.allowed.join(", ") },
    );
    return;
  }
  x.route = match.route;
  x.params = match.params;
  if (match.route.auth === "user-only" && x.caller!.kind === "app") {
    throw new ApiError(
      403,
      900329,
      "This resource does not support application-only authentication; use App+User (delegated) credentials.",
    );
  }
  if (match.params.customerId !== undefined) {
    x.customerId = match.params.customerId.toLowerCase();
    x.customer = resolveCustomer(x.runtime.store, x.partner!, match.params.customerId);
  }
  await next();
};
