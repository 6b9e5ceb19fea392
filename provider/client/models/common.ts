// Shapes shared by every area: attributes, links, collections. Unknown fields are kept (loose objects).
// https://learn.microsoft.com/partner-center/developer/partner-center-rest-api-reference (resource conventions)
import { z } from "zod";

export const AttributesSchema = z.looseObject({ objectType: z.string().optional(), etag: z.string().optional() });
export type Attributes = z.infer<typeof AttributesSchema>;

export const LinkSchema = z.looseObject({
  uri: z.string(),
  method: z.string().optional(),
  headers: z
    .array(z.looseObject({ key: z.string(), value: z.string() }))
    .optional()
    .nullable(),
});
export type Link = z.infer<typeof LinkSchema>;

export const LinksSchema = z.record(z.string(), LinkSchema.nullable().optional());

/** A Partner Center collection page: {totalCount, items, links{self,next}, continuationToken, attributes}. */
export function collectionSchema<T extends z.ZodType>(item: T) {
  return z.looseObject({
    totalCount: z.number().optional(),
    items: z.array(item),
    links: z.looseObject({ next: LinkSchema.nullable().optional() }).nullable().optional(),
    continuationToken: z.string().nullable().optional(),
    attributes: AttributesSchema.optional(),
  });
}
export type CollectionPage<T> = {
  items: T[];
  links?: { next?: Link | null } | null;
  continuationToken?: string | null;
};

export const nullableString = z.string().nullable().optional();
