// Where bearer tokens come from. The client holds exactly one TokenSource (shared by withCorrelationId views).
import type { CredentialKind } from "../pipeline/types";

export interface TokenSource {
  /** An access token for the credential kind; cached and renewed before expiry by the implementation. */
  getToken(kind: CredentialKind): Promise<string>;
}
