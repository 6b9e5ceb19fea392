// The shipped JSON Schema (schema/tenant-spec.schema.json) is exactly what the zod schema generates today, and it
// describes what editors need: every section, closed objects (so typos are flagged), the patterns of ids and names.
import { strict as assert } from "assert";
import { readFileSync } from "fs";
import { join } from "path";
import { schemaFilePath, tenantSpecJsonSchema, tenantSpecJsonSchemaText } from "../../../provider/spec/json-schema";
import { SECTIONS } from "../../../provider/spec/sections";

const repoRoot = join(__dirname, "..", "..", "..");

type Node = {
  type?: string;
  properties?: Record<string, Node>;
  items?: Node;
  required?: string[];
  additionalProperties?: unknown;
  pattern?: string;
  anyOf?: Node[];
};

describe("spec/json-schema", () => {
  it("schema/tenant-spec.schema.json is up to date with the zod schema", () => {
    const shipped = readFileSync(schemaFilePath(repoRoot), "utf8");
    assert.equal(
      shipped,
      tenantSpecJsonSchemaText(),
      "the shipped JSON Schema is stale: run `npm run build && node dist/provider/spec/json-schema.js --write`",
    );
  });

  it("names every section and the header keys; only `customer` is required", () => {
    const schema = tenantSpecJsonSchema() as Node;
    assert.deepEqual(Object.keys(schema.properties!), [
      "apiVersion",
      "customer",
      "description",
      "adopt",
      "userResources",
      ...SECTIONS.map((s) => s.key),
    ]);
    assert.ok(
      [
        "users",
        "selfServePolicy",
        "subscriptions",
        "domains",
        "usageBudget",
        "billingProfile",
        "qualifications",
        "customerAgreements",
      ].every((k) => k in schema.properties!),
    );
    assert.deepEqual(schema.required, ["customer"]);
  });

  it("objects are closed, so an editor flags a misspelt key", () => {
    const schema = tenantSpecJsonSchema() as Node;
    const open: string[] = [];
    const walk = (n: Node | undefined, where: string) => {
      if (!n) return;
      if (n.type === "object" && n.additionalProperties !== false) open.push(where);
      for (const [k, v] of Object.entries(n.properties ?? {})) walk(v, `${where}.${k}`);
      walk(n.items, `${where}[]`);
      n.anyOf?.forEach((b, i) => walk(b, `${where}|${i}`));
    };
    walk(schema, "$");
    assert.deepEqual(open, []);
  });

  it("carries the patterns that catch bad GUIDs and UPNs while typing", () => {
    const schema = tenantSpecJsonSchema() as Node;
    const user = schema.properties!.users.items!;
    assert.ok(new RegExp(user.properties!.userPrincipalName.pattern!).test("jane@contoso.com"));
    assert.ok(!new RegExp(user.properties!.userPrincipalName.pattern!).test("jane.contoso.com"));
    const sub = schema.properties!.subscriptions.items!;
    assert.ok(new RegExp(sub.properties!.id.pattern!).test("9e25ff1b-a9a2-4c0e-bcbe-c42c61444c7b"));
    assert.ok(!new RegExp(sub.properties!.id.pattern!).test("9e25ff1b"));
  });
});
