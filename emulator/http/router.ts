// Route table: matches "/v1/customers/:customerId/users/:userId" patterns, checks ids and scopes customers to the caller.
// Emulator choice: literal path segments match case-insensitively (the docs mix `SelfServePolicy`/`selfservepolicy`);
// a literal segment wins over a :param (so /v1/customers/all/validations is not a customer id); HEAD falls back to GET.
// Emulator choice: a wrong method on a known path is 405 with code 2000 (the docs list 405 but no code).
import { isGuid } from "../store/ids";
import type { Store } from "../store/store";
import type { CustomerRecord, PartnerRecord } from "../store/types";
import { ApiError, type Route } from "./types";

interface CompiledRoute {
  route: Route;
  segments: Array<{ literal: string } | { param: string }>;
}

export type RouteMatch = { route: Route; params: Record<string, string> } | { status: 404 | 405; allowed: string[] };

const splitPath = (path: string) => path.split("/").filter((s) => s.length > 0);

export class RouteTable {
  private compiled: CompiledRoute[];

  constructor(routes: Route[]) {
    this.compiled = routes.map((route) => ({
      route,
      segments: splitPath(route.pattern).map((s) =>
        s.startsWith(":") ? { param: s.slice(1) } : { literal: s.toLowerCase() },
      ),
    }));
  }

  match(method: string, path: string): RouteMatch {
    const parts = splitPath(path);
    const candidates: Array<{ c: CompiledRoute; params: Record<string, string>; score: string }> = [];
    for (const c of this.compiled) {
      if (c.segments.length !== parts.length) continue;
      const params: Record<string, string> = {};
      let score = "";
      let ok = true;
      for (let i = 0; i < parts.length && ok; i++) {
        const seg = c.segments[i];
        if ("literal" in seg) {
          ok = seg.literal === parts[i].toLowerCase();
          score += "1";
        } else {
          try {
            params[seg.param] = decodeURIComponent(parts[i]);
          } catch {
            throw new ApiError(400, 2000, `The path segment '${parts[i]}' is not valid percent-encoding.`);
          }
          score += "0";
        }
      }
      if (ok) candidates.push({ c, params, score });
    }
    if (candidates.length === 0) return { status: 404, allowed: [] };
    // most specific shape first: the best literal/param pattern decides which resource is meant
    const best = candidates.reduce((a, b) => (b.score > a.score ? b : a)).score;
    const sameShape = candidates.filter((x) => x.score === best);
    const wanted = method.toUpperCase();
    const hit =
      sameShape.find((x) => x.c.route.method === wanted) ??
      (wanted === "HEAD" ? sameShape.find((x) => x.c.route.method === "GET") : undefined);
    if (hit) return { route: hit.c.route, params: hit.params };
    return { status: 405, allowed: [...new Set(sameShape.map((x) => x.c.route.method))] };
  }
}

/** Checks a :customerId and finds it among the caller partner's customers (400/900118, 404/60003, 403/20002). */
export function resolveCustomer(store: Store, partner: PartnerRecord, customerId: string): CustomerRecord {
  if (!isGuid(customerId))
    throw new ApiError(
      400,
      900118,
      `Invalid Customer ID: '${customerId}' is not a GUID; use the customer's tenant id.`,
    );
  const found = store.findCustomer(customerId);
  if (!found) throw new ApiError(404, 60003, `Tenant with id ${customerId} was not found.`);
  if (found.partner !== partner) {
    throw new ApiError(
      403,
      20002,
      `Partner ${partner.tenantId} has no commerce relationship with customer ${customerId}.`,
    );
  }
  return found.customer;
}
