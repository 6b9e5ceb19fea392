// The client surface resources and lookups use: the PartnerCenterClient of docs/contracts.md §2 and its
// models, imported as types only (the runtime constructs the client; resource files never do).

import type { PartnerCenterClient } from "../../client";

export type PartnerCenterApi = PartnerCenterClient;
export type {
  Customer,
  CustomerUser,
  CustomerUserCreate,
  CustomerUserPatch,
  DirectoryRole,
  UserMember,
  SubscribedSku,
  License,
  LicenseUpdateRequest,
  SelfServePolicy,
  Subscription,
  Domain,
} from "../../client";

/** Drains a paged listing into an array. */
export async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}
