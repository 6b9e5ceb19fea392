// The typed Partner Center client: what resources, lookups and the CLI import.
export { PartnerCenterClient } from "./client";
export {
  PartnerCenterError,
  isNotFound,
  isConflict,
  isThrottled,
  isPreconditionFailed,
  isPartnerCenterError,
} from "./errors";
export { collect, Paged } from "./paging";
export { CLOUDS, DEFAULT_SCOPE, type CloudName, type Cloud } from "./clouds";
export { ClientOptionsSchema, type ClientOptions } from "./options";
export type { TokenSource } from "./auth/tokenSource";
export type { Transport, PipelineRequest, PipelineResponse, CredentialKind } from "./pipeline/types";
export { TransportError } from "./pipeline/types";
export { isGuid, isUpn, isDomain } from "./ids";
export * from "./models";
