// PartnerCenterClient: one partner, one set of credentials, one pipeline composed here and nowhere else
// (requestId -> retry -> throttle -> auth -> log -> HTTP), and the operations grouped by API area.
// Choice: with a refresh token every call uses App+User; without one, App-only, and "U only" operations
// fail before any request with code AppUserRequired. Without withCorrelationId each call gets its own
// MS-CorrelationId.
// Choice: withCorrelationId (once per engine call) makes a view of two small objects that shares the pipeline;
// an API area's operations object is made on a view's first use of that area.
import { credentialTokenSource } from "./auth/credentialTokenSource";
import type { TokenSource } from "./auth/tokenSource";
import { CLOUDS } from "./clouds";
import { resolveClientOptions, type ClientOptions, type ResolvedClientOptions } from "./options";
import { AgreementsOperations } from "./operations/agreements";
import { BudgetOperations } from "./operations/budget";
import { CustomersOperations } from "./operations/customers";
import { DomainsOperations } from "./operations/domains";
import { EntitlementsOperations } from "./operations/entitlements";
import { LicensesOperations } from "./operations/licenses";
import { OrdersOperations } from "./operations/orders";
import { ProfilesOperations } from "./operations/profiles";
import { QualificationsOperations } from "./operations/qualifications";
import { RolesOperations } from "./operations/roles";
import { SelfServePoliciesOperations } from "./operations/selfServePolicies";
import { SubscriptionsOperations } from "./operations/subscriptions";
import { UsersOperations } from "./operations/users";
import { ValidationsOperations } from "./operations/validations";
import { authPolicy } from "./pipeline/authPolicy";
import { axiosTransport } from "./pipeline/axiosTransport";
import { logPolicy } from "./pipeline/logPolicy";
import { defaultBackoff } from "./pipeline/retryDecision";
import { retryPolicy } from "./pipeline/retryPolicy";
import { Throttle, throttlePolicy } from "./pipeline/throttlePolicy";
import { requestIdPolicy } from "./pipeline/requestIdPolicy";
import { compose } from "./pipeline/types";
import { RequestRunner, type RunnerCore } from "./requestRunner";
import { guid } from "./ids";
import { GraphClient, graphEndpointOf, graphTokenSource } from "./graph/graphClient";
import type { GraphCore } from "./graph/graphRunner";
import { ServerClock } from "./graph/serverClock";

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

interface SharedState {
  options: ResolvedClientOptions;
  core: RunnerCore;
  throttle: Throttle;
  tokens: TokenSource;
  graph: GraphCore;
}

function buildShared(input: ClientOptions): SharedState {
  const options = resolveClientOptions(input);
  const cloud = CLOUDS[options.cloud];
  const endpoint = (options.endpoint ?? cloud.apiBaseUrl).replace(/\/+$/, "");
  const authorityHost = (options.authorityHost ?? cloud.authorityHost).replace(/\/+$/, "");
  const tokens =
    options.tokenSource ??
    credentialTokenSource(options, authorityHost, {
      appOnlyScope: options.appOnlyScope,
      userScope: options.userScope,
    });
  const now = options.now ?? Date.now;
  const throttle = new Throttle(options.maxConcurrency, options.maxConcurrencyPerCustomer);
  const transport =
    options.transport ?? axiosTransport({ caCertificate: options.caCertificate, timeoutMs: options.timeoutMs });
  // the same policies for both APIs; only Partner Center gets MS-RequestId, and each API its own token audience
  const policies = (source: TokenSource) => [
    retryPolicy({
      ...defaultBackoff,
      maxRetries: options.maxRetries,
      maxThrottleWaitMs: options.maxThrottleWaitSeconds * 1000,
      sleep: options.sleep ?? realSleep,
      now,
      random: options.random ?? Math.random,
    }),
    throttlePolicy(throttle),
    authPolicy(source),
    logPolicy(options.logger, now),
  ];
  const send = compose([requestIdPolicy(), ...policies(tokens)], transport);
  const graphSend = compose(policies(graphTokenSource(options, authorityHost)), transport);
  return {
    options,
    throttle,
    tokens,
    core: { endpoint, hasUserCredential: Boolean(options.refreshToken), send },
    graph: {
      endpoint: graphEndpointOf(options),
      hasUserCredential: Boolean(options.refreshToken),
      send: graphSend,
      clock: options.onServerClockSkew ? new ServerClock(options.onServerClockSkew, now) : undefined,
    },
  };
}

export class PartnerCenterClient {
  private readonly shared: SharedState;
  private readonly runner: RequestRunner;
  private readonly areas: {
    customers?: CustomersOperations;
    orders?: OrdersOperations;
    entitlements?: EntitlementsOperations;
    subscriptions?: SubscriptionsOperations;
    profiles?: ProfilesOperations;
    budget?: BudgetOperations;
    domains?: DomainsOperations;
    agreements?: AgreementsOperations;
    validations?: ValidationsOperations;
    qualifications?: QualificationsOperations;
    users?: UsersOperations;
    roles?: RolesOperations;
    licenses?: LicensesOperations;
    selfServePolicies?: SelfServePoliciesOperations;
    graph?: GraphClient;
  } = {};

  constructor(options: ClientOptions);
  /** @internal a view sharing auth, throttle and transport */
  constructor(options: ClientOptions, view: { shared: SharedState; correlationId: string });
  constructor(options: ClientOptions, view?: { shared: SharedState; correlationId: string }) {
    this.shared = view?.shared ?? buildShared(options);
    this.runner = new RequestRunner(this.shared.core, view?.correlationId);
  }

  get customers(): CustomersOperations {
    return (this.areas.customers ??= new CustomersOperations(this.runner));
  }
  get orders(): OrdersOperations {
    return (this.areas.orders ??= new OrdersOperations(this.runner));
  }
  get entitlements(): EntitlementsOperations {
    return (this.areas.entitlements ??= new EntitlementsOperations(this.runner));
  }
  get subscriptions(): SubscriptionsOperations {
    return (this.areas.subscriptions ??= new SubscriptionsOperations(this.runner));
  }
  get profiles(): ProfilesOperations {
    return (this.areas.profiles ??= new ProfilesOperations(this.runner));
  }
  get budget(): BudgetOperations {
    return (this.areas.budget ??= new BudgetOperations(this.runner));
  }
  get domains(): DomainsOperations {
    return (this.areas.domains ??= new DomainsOperations(this.runner));
  }
  get agreements(): AgreementsOperations {
    return (this.areas.agreements ??= new AgreementsOperations(this.runner));
  }
  get validations(): ValidationsOperations {
    return (this.areas.validations ??= new ValidationsOperations(this.runner));
  }
  get qualifications(): QualificationsOperations {
    return (this.areas.qualifications ??= new QualificationsOperations(this.runner));
  }
  get users(): UsersOperations {
    return (this.areas.users ??= new UsersOperations(this.runner));
  }
  get roles(): RolesOperations {
    return (this.areas.roles ??= new RolesOperations(this.runner));
  }
  get licenses(): LicensesOperations {
    return (this.areas.licenses ??= new LicensesOperations(this.runner));
  }
  get selfServePolicies(): SelfServePoliciesOperations {
    return (this.areas.selfServePolicies ??= new SelfServePoliciesOperations(this.runner));
  }
  /** Microsoft Graph (GDAP): relationships, access assignments, partner security groups */
  get graph(): GraphClient {
    return (this.areas.graph ??= new GraphClient(this.shared.graph, this.runner.correlationId));
  }

  /** A view whose calls all carry MS-CorrelationId = id (one engine operation), sharing auth, throttle and transport. */
  withCorrelationId(id: string): PartnerCenterClient {
    return new PartnerCenterClient(this.shared.options, {
      shared: this.shared,
      correlationId: guid("client.withCorrelationId", "id", id),
    });
  }

  /** The MS-CorrelationId of this view (undefined: a new one per call). */
  get correlationId(): string | undefined {
    return this.runner.correlationId;
  }

  /** App+User when a refresh token is configured, App-only otherwise. */
  get credentialMode(): "app+user" | "app-only" {
    return this.shared.core.hasUserCredential ? "app+user" : "app-only";
  }

  /** The API base URL in use (e.g. the emulator's url). */
  get endpoint(): string {
    return this.shared.core.endpoint;
  }

  /** The throttle's current limits (for diagnostics and tests). */
  get throttle(): Throttle {
    return this.shared.throttle;
  }
}
