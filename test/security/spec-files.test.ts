// Malformed tenant spec files — hostile YAML (alias bombs, deep nesting, binary data), path tricks in ids, a
// password written into the spec — are refused by the loader with problems naming file, position, field and
// fix, and nothing from a hostile file (such as a password) is echoed into the error.
import assert from "assert";
import { mkdtempSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { loadTenantSpecs, parseTenantSpec } from "../../provider/spec/loader";
import { formatProblem, TenantSpecError } from "../../provider/spec/problems";

const CUSTOMER = "customer: contoso.onmicrosoft.com\n";

function refused(text: string): string[] {
  const result = parseTenantSpec(text, "tenants/hostile.yaml");
  assert.strictEqual(result.spec, undefined, "a malformed spec gives no spec");
  assert.ok(result.problems.length > 0, "and at least one problem");
  for (const p of result.problems) {
    assert.strictEqual(p.file, "tenants/hostile.yaml");
    assert.match(p.message, /Fix:/, `the problem says how to fix it: ${p.message}`);
    assert.ok(formatProblem(p).length < 2000, "a problem stays short");
  }
  return result.problems.map(formatProblem);
}

describe("security: malformed tenant spec files", () => {
  it("a YAML alias bomb (billion laughs) is never expanded: a problem naming the file and the fix", () => {
    const lines = ['a: &a ["x","x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 9; i++)
      lines.push(
        `${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(10)
          .fill(`*${String.fromCharCode(96 + i)}`)
          .join(",")}]`,
      );
    const text = `${CUSTOMER}${lines.join("\n")}\n`;
    const outcome = parseTenantSpec(text, "tenants/hostile.yaml");
    assert.strictEqual(outcome.spec, undefined);
    assert.equal(outcome.problems.length, 1);
    const message = formatProblem(outcome.problems[0]);
    assert.match(message, /tenants\/hostile\.yaml/);
    assert.match(message, /alias/i);
    assert.match(message, /Fix: write the values out/);
  });

  it("deep nesting, binary bytes and a non-mapping document are refused", () => {
    refused(`${CUSTOMER}users: ${"[".repeat(5000)}${"]".repeat(5000)}\n`);
    refused(Buffer.from([0x00, 0xff, 0xfe, 0x1b, 0x5b, 0x32, 0x4a, 0x0a]).toString("latin1"));
    refused("- customer: contoso.onmicrosoft.com\n");
    refused("just a string\n");
  });

  it("path tricks in the customer reference and in user names are refused, naming the field", () => {
    for (const customer of ["../../customers", "contoso.onmicrosoft.com/../x", "%2e%2e", "a".repeat(5000)]) {
      const problems = refused(`customer: ${JSON.stringify(customer)}\n`);
      assert.ok(
        problems.some((p) => p.includes("customer")),
        problems.join("\n"),
      );
    }
    for (const upn of [
      "../jane@contoso.onmicrosoft.com/..",
      "jane@contoso.onmicrosoft.com/../../x",
      "jane@..",
      "jane@contoso.onmicrosoft.com?x=1",
    ]) {
      const problems = refused(
        `${CUSTOMER}users:\n  - userPrincipalName: ${JSON.stringify(upn)}\n    displayName: Jane\n`,
      );
      assert.ok(
        problems.some((p) => p.includes("users[0].userPrincipalName")),
        problems.join("\n"),
      );
    }
  });

  it("a password written into a spec is refused without repeating it", () => {
    const password = "Spec-Secret-9c1f!Passw0rd";
    const problems = refused(
      `${CUSTOMER}users:\n  - userPrincipalName: jane@contoso.onmicrosoft.com\n    displayName: Jane\n    password: ${password}\n`,
    );
    assert.ok(
      problems.some((p) => p.includes("password")),
      problems.join("\n"),
    );
    for (const p of problems) assert.ok(!p.includes(password), `the password is not echoed: ${p}`);
  });

  it("a directory with one hostile file among good ones fails as a whole, listing every problem", () => {
    const dir = mkdtempSync(join(tmpdir(), "pc-spec-"));
    try {
      writeFileSync(join(dir, "good.yaml"), `${CUSTOMER}`);
      writeFileSync(join(dir, "hostile.yaml"), `customer: "../../customers"\nusers: ${"[".repeat(2000)}\n`);
      const error = (() => {
        try {
          loadTenantSpecs(dir);
          return undefined;
        } catch (e) {
          return e;
        }
      })();
      assert.ok(
        error instanceof TenantSpecError,
        "the whole load is refused: nothing runs on a partial set of customers",
      );
      assert.ok(error.problems.every((p) => p.file.endsWith("hostile.yaml")));
      assert.match(error.message, /nothing was run/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
