// `partner-center export --customer <id|domain> [--out DIR]`: reads a live customer (or the emulator) through the
// client and writes its tenant spec with `adopt: true`, so the first `pulumi up` takes over every existing object
// and creates nothing (provider/spec/export.ts builds the text).
// Choice: credentials come only from the PARTNERCENTER_* environment (as for the provider); the non-secret settings
// may also be given as flags, which win. Secrets are never flags, because flags end up in shell history and `ps`.
// Choice: the file is DIR/<initial domain>.yaml; an existing file is replaced only with --force. Without --out the
// spec goes to standard output.

import { existsSync, mkdirSync, writeFileSync } from "fs";
import { join, relative, resolve } from "path";
import { parse, UsageError, type Command } from "./command-kit";
import { progressWriter } from "./progress";

const FLAG_CONFIG = {
  "tenant-id": "tenantId",
  "client-id": "clientId",
  endpoint: "endpoint",
  "authority-host": "authorityHost",
  "ca-certificate": "caCertificate",
  cloud: "cloud",
} as const;

/** The package's JSON Schema file (shipped with it: schema/tenant-spec.schema.json). */
function schemaFile(): string {
  return resolve(__dirname, "..", "..", "..", "schema", "tenant-spec.schema.json");
}

export const exportCommand: Command = {
  summary: "write a customer's tenant spec (YAML) from Partner Center, with adoption on",
  usage: [
    "partner-center export --customer <tenant id | domain> [--out DIR] [--force] [settings]",
    "",
    "  --customer C            the customer: tenant id (GUID) or one of its domains",
    "  --out DIR               write DIR/<initial domain>.yaml (default: print the spec to standard output)",
    "  --force                 replace an existing file",
    "",
    "Settings (each defaults to its PARTNERCENTER_* environment variable, as for the provider):",
    "  --tenant-id ID          partner tenant id            (PARTNERCENTER_TENANT_ID)",
    "  --client-id ID          application (client) id      (PARTNERCENTER_CLIENT_ID)",
    "  --endpoint URL          Partner Center API base URL  (PARTNERCENTER_ENDPOINT)",
    "  --authority-host URL    Entra token service base URL (PARTNERCENTER_AUTHORITY_HOST)",
    "  --ca-certificate PEM    PEM text or file to trust    (PARTNERCENTER_CA_CERTIFICATE)",
    "  --cloud NAME            global, usgov or china       (PARTNERCENTER_CLOUD)",
    "Secrets only from the environment: PARTNERCENTER_CLIENT_SECRET, PARTNERCENTER_REFRESH_TOKEN (App+User),",
    "or PARTNERCENTER_PRIVATE_KEY_PEM with PARTNERCENTER_CERTIFICATE_PEM.",
  ].join("\n"),
  async run(argv, io) {
    const values = parse(argv, {
      customer: { type: "string" },
      out: { type: "string" },
      force: { type: "boolean" },
      ...Object.fromEntries(Object.keys(FLAG_CONFIG).map((flag) => [flag, { type: "string" as const }])),
    });
    const customer = typeof values.customer === "string" ? values.customer.trim() : "";
    if (!customer) throw new UsageError("--customer is required: give the customer's tenant id or one of its domains");

    const { loadConfig, clientOptionsOf } = await import("../config");
    const flags = values as Record<string, string | boolean | undefined>;
    const fromFlags = Object.fromEntries(
      Object.entries(FLAG_CONFIG).map(([flag, key]) => [key, flags[flag] as string | undefined]),
    );
    let config: ReturnType<typeof loadConfig>;
    try {
      config = loadConfig((key) => (fromFlags as Record<string, string | undefined>)[key]);
    } catch (e) {
      throw new Error(
        `${(e as Error).message}. For export, stack config does not apply: give the settings as flags (--tenant-id, --client-id, ...) or PARTNERCENTER_* variables, and secrets only as variables`,
        { cause: e },
      );
    }
    const { PartnerCenterClient } = await import("../client");
    const client = new PartnerCenterClient(clientOptionsOf(config));

    const outDir = typeof values.out === "string" ? resolve(values.out) : undefined;
    const schemaRef = relative(outDir ?? process.cwd(), schemaFile())
      .split("\\")
      .join("/");
    const { exportTenant } = await import("../spec/export");
    const progress = progressWriter();
    const exported = await exportTenant(client, customer, {
      partnerTenantId: config.tenantId,
      cloud: config.cloud,
      schemaRef,
      warn: (m) => io.err(`warning: ${m}`),
      progress: (n, done, all) =>
        progress(`export ${customer}: objects read (${done}/${all} sections)`, n, done === all),
    });

    if (!outDir) {
      io.out(exported.text.replace(/\n$/, ""));
      return 0;
    }
    const file = join(outDir, `${exported.domain}.yaml`);
    if (existsSync(file) && !values.force) {
      throw new UsageError(
        `${file} exists already. Fix: review it with git, then run again with --force to replace it, or choose another --out`,
      );
    }
    mkdirSync(outDir, { recursive: true });
    writeFileSync(file, exported.text);
    const sections = Object.keys(exported.spec).filter(
      (k) => !["apiVersion", "customer", "description", "adopt"].includes(k),
    );
    io.out(
      `wrote ${file}: customer ${exported.customerId}${exported.companyName ? ` (${exported.companyName})` : ""}, sections: ${sections.join(", ") || "none"}`,
    );
    return 0;
  },
};
