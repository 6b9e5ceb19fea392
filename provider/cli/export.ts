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
import { connectFromSettings, SETTING_OPTIONS, SETTINGS_USAGE } from "./lookup/settings";
import { progressWriter } from "./progress";

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
    ...SETTINGS_USAGE,
  ].join("\n"),
  async run(argv, io) {
    const values = parse(argv, {
      customer: { type: "string" },
      out: { type: "string" },
      force: { type: "boolean" },
      ...SETTING_OPTIONS,
    });
    const customer = typeof values.customer === "string" ? values.customer.trim() : "";
    if (!customer) throw new UsageError("--customer is required: give the customer's tenant id or one of its domains");

    const { config, client } = await connectFromSettings(values);

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
