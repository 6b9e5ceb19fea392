// How lookups get a client: an explicit `client`, or an explicit `config` (the same keys as the stack config,
// without the "partnercenter:" prefix), or — inside a Pulumi program — pulumi.Config("partnercenter"), with the
// environment PARTNERCENTER_* as fallback (see provider/config.ts). One client is kept per configuration.

import * as pulumi from "@pulumi/pulumi";
import { PartnerCenterClient } from "../client";
import { clientOptionsOf, configHash, CONFIG_NAMESPACE, loadConfig, type ConfigKey } from "../config";

export type LookupConfig = Partial<Record<ConfigKey, string | number>>;

export interface LookupOptions {
  /** Explicit settings; missing keys still fall back to PARTNERCENTER_* environment variables. */
  config?: LookupConfig;
  /** A ready client (its configuration wins over `config`). */
  client?: PartnerCenterClient;
}

const clients = new Map<string, PartnerCenterClient>();

function stackConfigValue(key: ConfigKey): string | undefined {
  try {
    return new pulumi.Config(CONFIG_NAMESPACE).get(key);
  } catch {
    return undefined;
  }
}

export function lookupClient(options: LookupOptions = {}): PartnerCenterClient {
  if (options.client) return options.client;
  const explicit = options.config;
  const config = loadConfig((key) => {
    const value = explicit ? explicit[key] : stackConfigValue(key);
    return value === undefined ? undefined : String(value);
  });
  const key = configHash(config);
  let client = clients.get(key);
  if (!client) {
    client = new PartnerCenterClient(clientOptionsOf(config));
    clients.set(key, client);
  }
  return client;
}
