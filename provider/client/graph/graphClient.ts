// The Microsoft Graph side of the client (GDAP): its own runner, operations and models; client.ts runs it on the same
// pipeline policies as Partner Center (retry, throttle, log) with tokens for the Graph audience from the same credentials.
// Choice: the Graph base URL is `graphEndpoint`, else `endpoint` when one is set (the emulator serves Graph and
// Partner Center at one origin), else the cloud's Graph root; the scope is `<graph root>/.default` for App-only and
// App+User alike.
import { credentialTokenSource } from "../auth/credentialTokenSource";
import type { TokenSource } from "../auth/tokenSource";
import { CLOUDS } from "../clouds";
import type { ResolvedClientOptions } from "../options";
import { DelegatedAdminAccessAssignmentsOperations } from "./delegatedAdminAccessAssignments";
import { DelegatedAdminRelationshipsOperations } from "./delegatedAdminRelationships";
import { GroupsOperations } from "./groups";
import { GraphRunner, type GraphCore } from "./graphRunner";

export function graphEndpointOf(options: ResolvedClientOptions): string {
  return (options.graphEndpoint ?? options.endpoint ?? CLOUDS[options.cloud].graphBaseUrl).replace(/\/+$/, "");
}

/** Tokens for the Graph audience from the client's credentials (or the injected graphTokenSource/tokenSource). */
export function graphTokenSource(options: ResolvedClientOptions, authorityHost: string): TokenSource {
  const scope = `${CLOUDS[options.cloud].graphBaseUrl}/.default`;
  return (
    options.graphTokenSource ??
    options.tokenSource ??
    credentialTokenSource(options, authorityHost, { appOnlyScope: scope, userScope: scope })
  );
}

export class GraphClient {
  readonly relationships: DelegatedAdminRelationshipsOperations;
  readonly accessAssignments: DelegatedAdminAccessAssignmentsOperations;
  readonly groups: GroupsOperations;

  constructor(core: GraphCore, correlationId?: string) {
    const runner = new GraphRunner(core, correlationId);
    this.relationships = new DelegatedAdminRelationshipsOperations(runner);
    this.accessAssignments = new DelegatedAdminAccessAssignmentsOperations(runner);
    this.groups = new GroupsOperations(runner);
  }
}
