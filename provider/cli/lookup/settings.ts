// The settings every lookup command takes, as `export` takes them: non-secret settings as flags (which win) or
// PARTNERCENTER_* variables, secrets only from the environment (flags end up in shell history and `ps`).
import type { PartnerCenterClient } from "../../client";
import type { ProviderConfig } from "../../config";

export const SETTING_FLAGS = {
  "tenant-id": "tenantId",
  "client-id": "clientId",
  endpoint: "endpoint",
  "authority-host": "authorityHost",
  "ca-certificate": "caCertificate",
  cloud: "cloud",
} as const;

export const SETTING_OPTIONS = Object.fromEntries(
  Object.keys(SETTING_FLAGS).map((flag) => [flag, { type: "string" as const }]),
) as Record<keyof typeof SETTING_FLAGS, { type: "string" }>;

export const SETTINGS_USAGE = [
  "Settings (each defaults to its PARTNERCENTER_* environment variable, as for the provider):",
  "  --tenant-id ID          partner tenant id            (PARTNERCENTER_TENANT_ID)",
  "  --client-id ID          application (client) id      (PARTNERCENTER_CLIENT_ID)",
  "  --endpoint URL          Partner Center API base URL  (PARTNERCENTER_ENDPOINT)",
  "  --authority-host URL    Entra token service base URL (PARTNERCENTER_AUTHORITY_HOST)",
  "  --ca-certificate PEM    PEM text or file to trust    (PARTNERCENTER_CA_CERTIFICATE)",
  "  --cloud NAME            global, usgov or china       (PARTNERCENTER_CLOUD)",
  "Secrets only from the environment: PARTNERCENTER_CLIENT_SECRET, PARTNERCENTER_REFRESH_TOKEN (App+User),",
  "or PARTNERCENTER_PRIVATE_KEY_PEM with PARTNERCENTER_CERTIFICATE_PEM.",
];

/** The provider settings from the setting flags in `values`, falling back to PARTNERCENTER_*, and a client for them;
 * a missing setting says how to give it. */
export async function connectFromSettings(
  values: Partial<Record<string, string | boolean | undefined>>,
): Promise<{ config: ProviderConfig; client: PartnerCenterClient }> {
  const { loadConfig, clientOptionsOf } = await import("../../config");
  const fromFlags: Record<string, string | undefined> = Object.fromEntries(
    Object.entries(SETTING_FLAGS).map(([flag, key]) => {
      const value = values[flag];
      return [key, typeof value === "string" ? value : undefined];
    }),
  );
  let config: ProviderConfig;
  try {
    config = loadConfig((key) => fromFlags[key]);
  } catch (e) {
    throw new Error(
      `${(e as Error).message}. The CLI does not read stack config: give the settings as flags (--tenant-id, --client-id, ...) or PARTNERCENTER_* variables, and secrets only as variables`,
      { cause: e },
    );
  }
  const { PartnerCenterClient } = await import("../../client");
  return { config, client: new PartnerCenterClient(clientOptionsOf(config)) };
}

/** A client from the setting flags in `values` (see connectFromSettings). */
export async function clientFromSettings(
  values: Partial<Record<string, string | boolean | undefined>>,
): Promise<PartnerCenterClient> {
  return (await connectFromSettings(values)).client;
}
