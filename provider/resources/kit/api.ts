// The client surface resources and lookups use: the PartnerCenterClient of docs/contracts.md §2 and its
// models, imported as types only (the runtime constructs the client; resource files never do). Paged listings
// are drained with the client's own `collect`.

export type {
  PartnerCenterClient,
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
