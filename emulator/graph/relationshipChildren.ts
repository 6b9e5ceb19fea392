// The read routes of a collection a relationship holds (its requests, its operations): the list, paged, and one
// member by id (404 naming the Graph type when there is none).
import { notFound } from "./graphError";
import { page } from "./odata";
import type { GdapRelationshipRecord } from "./records";
import { findRelationship } from "./relationships";
import { METADATA, RELATIONSHIPS, type GraphRoute } from "./route";

export function childReadRoutes<T extends { id: string }>(child: {
  /** the collection's path segment and @odata.context name, e.g. "requests" */
  segment: string;
  /** the route parameter of one member's id, e.g. "requestId" */
  idParam: string;
  /** the Graph type a missing member is reported as */
  type: string;
  items: (rel: GdapRelationshipRecord) => T[];
  json: (item: T) => Record<string, unknown>;
}): GraphRoute[] {
  const collection = `${RELATIONSHIPS}/:relationshipId/${child.segment}`;
  return [
    {
      method: "GET",
      pattern: collection,
      handle: (ctx) => ({
        status: 200,
        body: page(
          child.items(findRelationship(ctx.gdap, ctx.params.relationshipId)).map(child.json),
          ctx.query,
          `${ctx.origin}${METADATA}#${child.segment}`,
          ctx.url,
        ),
      }),
    },
    {
      method: "GET",
      pattern: `${collection}/:${child.idParam}`,
      handle: (ctx) => {
        const id = ctx.params[child.idParam];
        const item = child
          .items(findRelationship(ctx.gdap, ctx.params.relationshipId))
          .find((x) => x.id === id.toLowerCase());
        if (!item) throw notFound(child.type, id);
        return {
          status: 200,
          body: { "@odata.context": `${ctx.origin}${METADATA}#${child.segment}/$entity`, ...child.json(item) },
        };
      },
    },
  ];
}
