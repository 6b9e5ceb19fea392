// What the serialized provider shim requires in the provider process (docs/contracts.md §3):
//   require("pulumi-partner-center/dist/provider/runtime").<method>("<TypeName>", ...args)
//
// - configure(req) keeps the stack configuration (`partnercenter:*`, secrets decrypted). A bad or missing
//   configuration fails every check() after it, so `pulumi preview` stops with the key, its environment variable
//   and the fix (never a value). Without configure() (unit tests) check/diff need no configuration, and the
//   environment `PARTNERCENTER_*` is used; a key missing from configure() falls back to it too.
// - diff uses the client only for a resource with preview checks (kit/define-resource.ts `previewChecks`).
// - One PartnerCenterClient and one list snapshot per configuration hash, kept for the process lifetime.
// - Every engine call gets its own MS-CorrelationId (client.withCorrelationId).
// - Every error leaving here has the configured secrets and the resource's passwords redacted from its message.

import { randomUUID } from "crypto";
import {
  clientOptionsOf,
  configFromRequest,
  configHash,
  loadConfig,
  secretValues,
  type ProviderConfig,
} from "./config";
import type { PartnerCenterClient } from "./client";
import { clockSkewMessage } from "./client/graph/serverClock";
import { resourceDefinition } from "./resources";
import type { Bag, ResourceContext } from "./resources/kit/define-resource";
import { redact } from "./resources/kit/errors";
import { DEFAULT_WAITS, type PropagationWaits } from "./resources/kit/propagation";
import { ListSnapshot } from "./resources/kit/snapshot";
import { containsUnknown } from "./resources/kit/unknown";

interface Session {
  config: ProviderConfig;
  client: PartnerCenterClient;
  snapshot: ListSnapshot;
}

let configured: { config?: ProviderConfig; error?: unknown } | undefined;
const sessions = new Map<string, Session>();
let warningSink: (message: string) => void = (message) => console.warn(`warning: ${message}`);

/** Where warnings go (default: stderr of the provider process, which Pulumi shows). */
export function setWarningSink(sink: ((message: string) => void) | undefined): void {
  warningSink = sink ?? ((message) => console.warn(`warning: ${message}`));
}

let waits: PropagationWaits = DEFAULT_WAITS;

/** Replaces some propagation waits of every resource context (tests); returns a function that puts the previous ones back. */
export function setPropagationWaits(overrides: Partial<PropagationWaits>): () => void {
  const previous = waits;
  waits = { ...waits, ...overrides };
  return () => {
    waits = previous;
  };
}

/** Forget configuration, clients and snapshots (tests, or a process that switches stacks). */
export function resetRuntime(): void {
  configured = undefined;
  sessions.clear();
}

export async function configure(req: { config: { get(key: string): string | undefined } }): Promise<void> {
  try {
    configured = { config: configFromRequest(req) };
  } catch (error) {
    configured = { error };
  }
}

function currentConfig(): ProviderConfig {
  if (configured && "error" in configured) throw configured.error;
  return configured?.config ?? loadConfig(() => undefined);
}

function session(): Session {
  const config = currentConfig();
  const key = configHash(config);
  let s = sessions.get(key);
  if (!s) {
    // Loaded here, not at the top: check and most diffs never need the client (and its msal/axios dependencies).
    const { PartnerCenterClient: Client } = require("./client") as typeof import("./client");
    const client: PartnerCenterClient = new Client({
      ...clientOptionsOf(config),
      onServerClockSkew: (skew) => warningSink(clockSkewMessage(skew)),
    });
    s = { config, client, snapshot: new ListSnapshot({ ttlMs: config.snapshotTtlSeconds * 1000 }) };
    sessions.set(key, s);
  }
  return s;
}

function context(s: Session): ResourceContext {
  return {
    client: s.client.withCorrelationId(randomUUID()),
    snapshot: s.snapshot,
    partnerTenantId: s.config.tenantId,
    warn: (m) => warningSink(m),
    waits,
  };
}

function secretsOf(...bags: Array<Bag | undefined>): string[] {
  const out: string[] = [];
  try {
    const c = configured?.config ?? (sessions.size > 0 ? [...sessions.values()][0].config : undefined);
    if (c) out.push(...secretValues(c));
  } catch {
    /* no config: nothing to redact from it */
  }
  for (const bag of bags)
    for (const key of ["password", "initialPassword", "adminPassword"])
      if (typeof bag?.[key] === "string") out.push(bag[key]);
  return out;
}

async function guarded<T>(bags: Array<Bag | undefined>, run: () => Promise<T> | T): Promise<T> {
  try {
    return await run();
  } catch (e) {
    const secrets = secretsOf(...bags);
    if (e instanceof Error) {
      e.message = redact(e.message, secrets);
      if (e.stack) e.stack = redact(e.stack, secrets);
      const withReasons = e as Error & { reasons?: string[] };
      if (Array.isArray(withReasons.reasons)) withReasons.reasons = withReasons.reasons.map((r) => redact(r, secrets));
      throw e;
    }
    // eslint-disable-next-line preserve-caught-error -- the cause is what holds the unredacted secrets
    throw new Error(redact(String(e), secrets));
  }
}

export function check(type: string, olds: Bag, news: Bag) {
  // check() gets the configured cloud and credential kind (refused features fail at preview); before configure() rules fall back to the environment.
  return guarded([olds, news], () => {
    if (configured && "error" in configured) throw configured.error;
    const config = configured?.config;
    return resourceDefinition(type).check(olds ?? {}, news ?? {}, {
      cloud: config?.cloud,
      userCredentials: config ? config.refreshToken !== undefined : undefined,
    });
  });
}

export function diff(type: string, id: string, olds: Bag, news: Bag) {
  return guarded([olds, news], async () => {
    const definition = resourceDefinition(type);
    const result = definition.diff(id, olds ?? {}, news ?? {});
    // Only a resource with preview checks needs the client here, and only for a change whose values are all known.
    if (definition.previewChecks && result.changes && !containsUnknown(news ?? {}))
      await definition.previewChecks(context(session()), id, olds ?? {}, news ?? {});
    return result;
  });
}

export function create(type: string, inputs: Bag) {
  return guarded([inputs], () => resourceDefinition(type).create(context(session()), inputs));
}

export function read(type: string, id: string, props: Bag) {
  return guarded([props], () => resourceDefinition(type).read(context(session()), id, props ?? {}));
}

export function update(type: string, id: string, olds: Bag, news: Bag) {
  return guarded([olds, news], () => resourceDefinition(type).update(context(session()), id, olds, news));
}

// `delete` is a reserved word, so the function is named remove and exported as delete.
function remove(type: string, id: string, props: Bag) {
  return guarded([props], () => resourceDefinition(type).delete(context(session()), id, props ?? {}));
}
export { remove as delete };
