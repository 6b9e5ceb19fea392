// The JSON Schema of the tenant spec, generated from the zod schema. It ships as schema/tenant-spec.schema.json
// so editors (yaml-language-server, VS Code YAML) validate and complete tenant files; a test keeps it current.
// Regenerate: `npm run build && node dist/provider/spec/json-schema.js --write`.

import { writeFileSync } from "fs";
import { join } from "path";
import { z } from "zod";
import { TenantSpecSchema } from "./schema";

export function tenantSpecJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(TenantSpecSchema, { io: "input", unrepresentable: "any" });
}

/** The file's exact text (stable key order from the zod schema, two-space indent, final newline). */
export function tenantSpecJsonSchemaText(): string {
  return `${JSON.stringify(tenantSpecJsonSchema(), null, 2)}\n`;
}

export function schemaFilePath(root: string): string {
  return join(root, "schema", "tenant-spec.schema.json");
}

if (require.main === module) {
  if (!process.argv.includes("--write")) {
    process.stdout.write(tenantSpecJsonSchemaText());
  } else {
    const root = join(__dirname, "..", "..", "..");
    writeFileSync(schemaFilePath(root), tenantSpecJsonSchemaText());
    process.stdout.write(`wrote ${schemaFilePath(root)}\n`);
  }
}
