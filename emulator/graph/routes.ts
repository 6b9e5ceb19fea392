// The single list of every Microsoft Graph route the emulator serves (GDAP and the partner's groups), and their matcher.
// Emulator choice: literal segments match case-insensitively; an unknown path is 404 `notFound`, a known path with
// another method 405 `methodNotAllowed`, both in Graph's error shape.
import { accessAssignmentRoutes } from "./accessAssignments";
import { customerRoutes } from "./customers";
import { GraphError } from "./graphError";
import { groupRoutes } from "./groups";
import { operationRoutes } from "./operations";
import { relationshipRoutes } from "./relationships";
import { requestRoutes } from "./requests";
import type { GraphRoute } from "./route";

export const graphRoutes: GraphRoute[] = [
  ...relationshipRoutes,
  ...requestRoutes,
  ...accessAssignmentRoutes,
  ...operationRoutes,
  ...customerRoutes,
  ...groupRoutes,
];

const split = (path: string) => path.split("/").filter((s) => s.length > 0);
const compiled = graphRoutes.map((route) => ({ route, segments: split(route.pattern) }));

export function matchGraphRoute(method: string, path: string): { route: GraphRoute; params: Record<string, string> } {
  const parts = split(path);
  const allowed: string[] = [];
  for (const { route, segments } of compiled) {
    if (segments.length !== parts.length) continue;
    const params: Record<string, string> = {};
    const ok = segments.every((seg, i) => {
      if (seg.startsWith(":")) {
        params[seg.slice(1)] = decodeURIComponent(parts[i]);
        return true;
      }
      return seg.toLowerCase() === parts[i].toLowerCase();
    });
    if (!ok) continue;
    if (route.method === method) return { route, params };
    allowed.push(route.method);
  }
  if (allowed.length)
    throw new GraphError(
      405,
      "methodNotAllowed",
      `${method} is not supported on ${path}; use ${allowed.join(" or ")}.`,
      {
        Allow: allowed.join(", "),
      },
    );
  throw new GraphError(404, "notFound", `Resource not found for the segment in ${path}.`);
}
