// Provider configuration: where credentials and endpoints come from, validated with zod.
//
// Sources, first match wins per key:
//   1. stack config `partnercenter:<key>` — given to the dynamic provider's configure() (secrets arrive
//      decrypted), or read with pulumi.Config("partnercenter") by lookups inside a program;
//   2. environment `PARTNERCENTER_<KEY_IN_SNAKE_UPPER>` (e.g. PARTNERCENTER_CLIENT_SECRET).
// `caCertificate`, `certificatePem` and `privateKeyPem` take PEM text or a path to a PEM file.
// Error messages name the key, its config and environment names and the fix — never a value.
// Choice: `snapshotTtlSeconds` (default 20, 0 = off) sets how long refresh reads share a customer's lists.

import { createHash, X509Certificate } from "crypto";
import { existsSync, readFileSync } from "fs";
import { z } from "zod";

export const CONFIG_NAMESPACE = "partnercenter";

export const CONFIG_KEYS = [
  "clientId",
  "clientSecret",
  "tenantId",
  "refreshToken",
  "certificatePem",
  "privateKeyPem",
  "certificateThumbprint",
  "cloud",
  "endpoint",
  "authorityHost",
  "caCertificate",
  "maxConcurrency",
  "maxRetries",
  "maxThrottleWaitSeconds",
  "snapshotTtlSeconds",
] as const;
export type ConfigKey = (typeof CONFIG_KEYS)[number];

/** Keys whose values are secrets (never logged, hashed only). */
export const SECRET_KEYS: ReadonlyArray<ConfigKey> = ["clientSecret", "refreshToken", "privateKeyPem"];

export function envName(key: ConfigKey): string {
  return `PARTNERCENTER_${key.replace(/([a-z0-9])([A-Z])/g, "$1_$2").toUpperCase()}`;
}

const GUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
const where = (key: ConfigKey) =>
  `set \`pulumi config set ${CONFIG_NAMESPACE}:${key} ...\` or the environment variable ${envName(key)}`;
const url = (key: ConfigKey) =>
  z.string().refine(
    (v) => {
      try {
        return ["https:", "http:"].includes(new URL(v).protocol);
      } catch {
        return false;
      }
    },
    { error: `must be an absolute URL such as https://127.0.0.1:8443. Fix: ${where(key)}` },
  );
const positiveInt = (key: ConfigKey, max: number, min = 1) =>
  z.coerce
    .number({ error: `must be a whole number. Fix: ${where(key)}` })
    .int({ error: `must be a whole number. Fix: ${where(key)}` })
    .min(min, { error: `must be at least ${min}. Fix: ${where(key)}` })
    .max(max, { error: `must be at most ${max}. Fix: ${where(key)}` });
const pem = (key: ConfigKey, label: string) =>
  z.string().refine((v) => v.includes(`-----BEGIN ${label}`), {
    error: `must be PEM text (-----BEGIN ${label}...) or the path of a PEM file. Fix: ${where(key)}`,
  });

export const ProviderConfigSchema = z.object({
  tenantId: z
    .string({ error: `is required (the partner's Entra tenant id). Fix: ${where("tenantId")}` })
    .regex(GUID, { error: `must be the partner tenant id, a GUID. Fix: ${where("tenantId")}` }),
  clientId: z
    .string({ error: `is required (the app registration's client id). Fix: ${where("clientId")}` })
    .regex(GUID, { error: `must be the application (client) id, a GUID. Fix: ${where("clientId")}` }),
  clientSecret: z.string().min(1).optional(),
  refreshToken: z.string().min(1).optional(),
  certificatePem: pem("certificatePem", "CERTIFICATE").optional(),
  privateKeyPem: pem("privateKeyPem", "").optional(),
  certificateThumbprint: z
    .string()
    .regex(/^[0-9a-fA-F:]{64,95}$/, {
      error: `must be the certificate's SHA-256 thumbprint in hex. Fix: ${where("certificateThumbprint")}, or give certificatePem instead`,
    })
    .optional(),
  cloud: z
    .enum(["global", "usgov", "china"], { error: `must be global, usgov or china. Fix: ${where("cloud")}` })
    .default("global"),
  endpoint: url("endpoint").optional(),
  authorityHost: url("authorityHost").optional(),
  caCertificate: pem("caCertificate", "CERTIFICATE").optional(),
  maxConcurrency: positiveInt("maxConcurrency", 256).optional(),
  maxRetries: positiveInt("maxRetries", 20, 0).optional(),
  maxThrottleWaitSeconds: positiveInt("maxThrottleWaitSeconds", 3600, 0).optional(),
  snapshotTtlSeconds: positiveInt("snapshotTtlSeconds", 3600, 0).default(20),
});
export type ProviderConfig = z.output<typeof ProviderConfigSchema>;

export class ConfigurationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ConfigurationError";
  }
}

/** PEM text as is, or the contents of the file it names. */
function pemOrFile(key: ConfigKey, value: string | undefined): string | undefined {
  if (value === undefined || value.includes("-----BEGIN")) return value;
  const path = value.trim();
  if (!existsSync(path))
    throw new ConfigurationError(
      `partnercenter:${key} is neither PEM text nor the path of an existing file. Fix: ${where(key)} to the PEM text or a readable file path.`,
    );
  return readFileSync(path, "utf8");
}

export type ConfigGetter = (key: ConfigKey) => string | undefined;

/** Reads every key from `get` (stack config) with the environment as fallback, and validates. */
export function loadConfig(get: ConfigGetter, env: NodeJS.ProcessEnv = process.env): ProviderConfig {
  const raw: Record<string, string> = {};
  for (const key of CONFIG_KEYS) {
    const value = get(key) ?? env[envName(key)];
    if (value !== undefined && value !== "") raw[key] = value;
  }
  for (const key of ["caCertificate", "certificatePem", "privateKeyPem"] as const) {
    const resolved = pemOrFile(key, raw[key]);
    if (resolved !== undefined) raw[key] = resolved;
  }
  const result = ProviderConfigSchema.safeParse(raw);
  if (!result.success) {
    const problems = result.error.issues.map((i) => `partnercenter:${i.path.join(".")} ${i.message}`);
    throw new ConfigurationError(`Partner Center provider configuration is invalid: ${problems.join("; ")}`);
  }
  const config = result.data;
  if (!config.clientSecret && !config.privateKeyPem) {
    throw new ConfigurationError(
      `Partner Center provider configuration has no client credential. Fix: set partnercenter:clientSecret (secret) — or partnercenter:privateKeyPem with partnercenter:certificatePem or certificateThumbprint — as stack config or ${envName("clientSecret")} / ${envName("privateKeyPem")}.`,
    );
  }
  if (config.privateKeyPem && !config.certificatePem && !config.certificateThumbprint) {
    throw new ConfigurationError(
      `partnercenter:privateKeyPem needs the certificate too. Fix: set partnercenter:certificatePem (or ${envName("certificatePem")}), or partnercenter:certificateThumbprint.`,
    );
  }
  return config;
}

/** From a dynamic provider's ConfigureRequest (keys are namespaced: `partnercenter:clientId`). */
export function configFromRequest(
  req: { config: { get(key: string): string | undefined } },
  env: NodeJS.ProcessEnv = process.env,
): ProviderConfig {
  return loadConfig((key) => req.config.get(`${CONFIG_NAMESPACE}:${key}`), env);
}

/** A stable hash of the whole configuration (secrets included, one-way), to cache one client per config. */
export function configHash(config: ProviderConfig): string {
  const ordered = Object.fromEntries(Object.entries(config).sort(([a], [b]) => a.localeCompare(b)));
  return createHash("sha256").update(JSON.stringify(ordered)).digest("hex");
}

/** The secret values of a configuration, for redaction. */
export function secretValues(config: ProviderConfig): string[] {
  return SECRET_KEYS.map((k) => config[k]).filter((v): v is string => typeof v === "string" && v.length > 0);
}

/** SHA-256 thumbprint (64 hex characters) of the certificate, as the client expects. */
export function certificateThumbprint(config: ProviderConfig): string | undefined {
  if (config.certificateThumbprint) return config.certificateThumbprint.replace(/:/g, "").toLowerCase();
  if (!config.certificatePem) return undefined;
  try {
    return new X509Certificate(config.certificatePem).fingerprint256.replace(/:/g, "").toLowerCase();
  } catch {
    throw new ConfigurationError(
      `partnercenter:certificatePem could not be parsed as an X.509 certificate. Fix: ${where("certificatePem")} to the PEM of the app's certificate.`,
    );
  }
}

/** The PartnerCenterClient options (docs/contracts.md §2) for a configuration. */
export function clientOptionsOf(config: ProviderConfig) {
  const thumbprint = certificateThumbprint(config);
  return {
    tenantId: config.tenantId,
    clientId: config.clientId,
    clientSecret: config.clientSecret,
    refreshToken: config.refreshToken,
    certificate:
      config.privateKeyPem && thumbprint
        ? { privateKeyPem: config.privateKeyPem, thumbprintSha256: thumbprint }
        : undefined,
    cloud: config.cloud,
    endpoint: config.endpoint,
    authorityHost: config.authorityHost,
    caCertificate: config.caCertificate,
    maxConcurrency: config.maxConcurrency,
    maxRetries: config.maxRetries,
    maxThrottleWaitSeconds: config.maxThrottleWaitSeconds,
  };
}
