// docs/gitops.md, run as a user runs it: every command of its bash blocks in order, in one terminal (ShellSession),
// in a fresh folder outside the checkout, with plain `pulumi` and the language host, against the sandbox emulator
// started with the doc's own command. Declared differences: `npm install pulumi-partner-center` installs the packed
// tarball; lines with a placeholder (`<…>`, `...`) are the user's own values, given here by the emulator's
// PARTNERCENTER_* lines as the doc says; the doc's YAML edits are made where the doc says (section 4's user under
// `users:`, section 6's `userResources: perUser` at the top level). After the doc, on the stack it moved to one
// resource per user: a role dropped from the spec removes only that membership, the drift check is clean, and a
// license removed behind Pulumi's back is drift.
import { strict as assert } from "assert";
import * as fs from "fs";
import * as path from "path";
import { useDocSession } from "./doc-session";
import {
  DocExitCodes,
  docSection,
  docShellLines,
  packedTarball,
  sandboxEmulator,
  ShellSession,
  writeDocFiles,
  type RunResult,
} from "./harness";

const DOC = "docs/gitops.md";
const EMULATOR_LINE = "npx partner-center emulator --print-credentials";
const SPEC = "tenants/fabrikamtenant.onmicrosoft.com.yaml";

describe("cli-e2e: the tenants repository of docs/gitops.md", function () {
  this.timeout(900_000);
  const session = useDocSession();
  const text = fs.readFileSync(path.resolve(__dirname, "../..", DOC), "utf8");

  it("export, adopting up with no write, reviewed edit, up, out-of-band rename, drift, up --refresh, move to perUser", async () => {
    const lines = docShellLines(text);
    assert.ok(lines.length > 10, `${DOC} has ${lines.length} command lines`);
    const root = session.env.project("user");
    const results: Array<{ line: string; r: RunResult }> = [];
    const ran = (prefix: string, nth = 0) => results.filter((x) => x.line.startsWith(prefix))[nth]?.r;
    let writesAfterAdopt: string[] | undefined;
    let repo = root;
    let adoptMark = 0;
    let backupsAtSwitch: string[] = [];
    const exitCodes = new DocExitCodes(text);
    for (const line of lines) {
      if (line === EMULATOR_LINE) {
        session.sandbox = await sandboxEmulator(session.env, repo, line);
        assert.ok(session.sandbox.vars.PARTNERCENTER_TENANT_ID, "the emulator printed no PARTNERCENTER_* lines");
        session.shell!.close();
        session.shell = new ShellSession(session.env, repo, session.sandbox.vars);
        continue;
      }
      if (/<[^>]+>|\.\.\./.test(line)) continue; // the user's own values; the sandbox gives them
      const command = line.replace(/^npm install pulumi-partner-center /, `npm install ${packedTarball()} `);
      session.shell ??= new ShellSession(session.env, root);
      if (line === "pulumi up" && !ran("pulumi up")) adoptMark = await session.sandbox!.mark();
      if (line.startsWith("pulumi preview --json")) insertDocUser(repo);
      if (line === "pulumi preview --expect-no-changes" && ran("npx partner-center migrate-user-resources")) {
        insertPerUser(repo);
        backupsAtSwitch = backups(repo);
      }
      const r = await session.shell.run(command);
      results.push({ line, r });
      exitCodes.check(line, r);
      if (line.startsWith("mkdir tenants-repo")) {
        repo = path.join(root, "tenants-repo");
        writeDocFiles(repo, docSection(DOC, "## 1. A repository for your tenants"));
      }
      if (line === "pulumi up" && !writesAfterAdopt)
        writesAfterAdopt = (await session.sandbox!.writesSince(adoptMark)).map((w) => `${w.method} ${w.path}`);
    }

    assert.ok(session.sandbox, `${DOC} never starts the emulator with \`${EMULATOR_LINE}\``);
    assert.ok(fs.existsSync(path.join(repo, SPEC)), `the export wrote no ${SPEC}`);
    // adopting: Partner Center gets no create, change or delete but the usage budget's (docs/gitops.md, choices)
    assert.ok(writesAfterAdopt, "the doc never runs `pulumi up`");
    assert.deepEqual(
      writesAfterAdopt.filter((w) => !/\/usagebudget$/i.test(w)),
      [],
      "the adopting up wrote to Partner Center",
    );
    assert.ok(ran("pulumi preview --expect-no-changes"), "the doc shows no empty preview after the adoption");
    const report = ran("pulumi preview --json");
    assert.match(report.stdout, /nina\.ops@fabrikamtenant\.onmicrosoft\.com/);
    assert.match(report.stdout, /<!-- partner-center:preview-report -->/);
    assert.match(fs.readFileSync(path.join(repo, SPEC), "utf8"), /nina\.ops@fabrikamtenant\.onmicrosoft\.com/);
    const drift = ran("npx partner-center drift", 0);
    const repaired = ran("npx partner-center drift", 1);
    assert.equal(drift.code, 2);
    assert.match(fs.readFileSync(path.join(repo, "reports", "drift-report.json"), "utf8"), /"result": "no-drift"/);
    assert.equal(repaired.code, 0);
    assert.ok(ran("pulumi up --refresh"), "the doc does not repair with `pulumi up --refresh`");

    // section 6: the state moved to one resource per user, the spec says so, the preview showed no change
    const dryRun = ran("npx partner-center migrate-user-resources --stack prod --dry-run");
    assert.match(dryRun.stdout, /dry run, nothing changed\): would fold \d+ users, [1-9]\d* role and [1-9]\d* license/);
    const migrated = ran("npx partner-center migrate-user-resources --stack prod", 1);
    assert.match(migrated.stdout, /folded \d+ users, [1-9]\d* role and [1-9]\d* license assignments/);
    assert.ok(ran("pulumi preview --expect-no-changes", 1), "the doc shows no preview after the move");
    assert.equal(backupsAtSwitch.length, 1, `one backup of the state (dry run writes none): ${backupsAtSwitch.join()}`);
    const shell = session.shell!;
    const state = JSON.parse((await shell.ok("pulumi stack export --stack prod")).stdout) as {
      deployment: { resources: Array<{ urn: string; outputs?: Record<string, unknown> }> };
    };
    const types = state.deployment.resources.map((r) => r.urn.split("::")[2]);
    assert.ok(!types.some((t) => /UserRoleAssignment|UserLicenseAssignment/.test(t)), "assignments left in state");
    const nina = state.deployment.resources.find((r) =>
      r.urn.endsWith("/users/nina.ops@fabrikamtenant.onmicrosoft.com"),
    );
    assert.deepEqual(
      [nina?.outputs?.roles, nina?.outputs?.licenses],
      [["User Administrator"], [{ sku: "O365_BUSINESS_PREMIUM", excludedPlans: [] }]],
    );
    const shown = (await shell.ok("pulumi stack export --stack prod --show-secrets")).stdout;
    const password = /"initialPassword":\s*\{[^}]*"plaintext":\s*"\\"([^"\\]+)/.exec(shown)?.[1];
    assert.ok(password, "nina's initialPassword is a secret of the state");
    assert.ok(
      !fs.readFileSync(path.join(repo, backupsAtSwitch[0]), "utf8").includes(password),
      "the backup holds a secret in plaintext",
    );

    // dropping Nina's role now removes that one membership and nothing else
    const file = path.join(repo, SPEC);
    const spec = fs.readFileSync(file, "utf8");
    assert.ok(spec.includes("    roles: [User Administrator]\n    licenses: [O365_BUSINESS_PREMIUM]\n"));
    fs.writeFileSync(
      file,
      spec.replace(
        "    roles: [User Administrator]\n    licenses: [O365_BUSINESS_PREMIUM]\n",
        "    licenses: [O365_BUSINESS_PREMIUM]\n",
      ),
    );
    const dropMark = await session.sandbox.mark();
    await shell.ok("pulumi up --yes");
    const writes = (await session.sandbox.writesSince(dropMark)).map((w) => `${w.method} ${w.path}`);
    assert.equal(writes.length, 1, writes.join("\n"));
    assert.match(writes[0], /^DELETE \/v1\/customers\/[^/]+\/directoryroles\/[^/]+\/usermembers\/[^/]+$/i);
    await shell.ok("pulumi preview --expect-no-changes");

    // the perUser stack's drift check: clean, then a license removed behind Pulumi's back is drift of Nina's user
    const driftCheck = () => shell.run("npx partner-center drift --stack prod --out reports");
    assert.equal((await driftCheck()).code, 0, "no false drift on the perUser stack");
    const api = `curl -sS --fail --cacert "$PARTNERCENTER_CA_CERTIFICATE" -H "Authorization: Bearer $TOKEN" "$PARTNERCENTER_ENDPOINT/v1/customers/$CUSTOMER`;
    await shell.ok(
      `SKU=$(${api}/subscribedskus" | node -p 'JSON.parse(fs.readFileSync(0, "utf8")).items.find((s) => s.productSku.skuPartNumber === "O365_BUSINESS_PREMIUM").productSku.id')`,
    );
    await shell.ok(
      `${api}/users/$USER_ID/licenseupdates" -H "Content-Type: application/json" -X POST -d "{\\"licensesToAssign\\": [], \\"licensesToRemove\\": [\\"$SKU\\"]}" >/dev/null`,
    );
    assert.equal((await driftCheck()).code, 2, "the removed license is drift");
    const driftReport = fs.readFileSync(path.join(repo, "reports", "drift-report.json"), "utf8");
    assert.match(driftReport, /nina\.ops@fabrikamtenant\.onmicrosoft\.com[\s\S]*"licenses"/);

    for (const { line, r } of results)
      assert.ok(
        !r.stdout.includes(session.sandbox.vars.PARTNERCENTER_CLIENT_SECRET),
        `\`${line}\` printed the client secret`,
      );
  });
});

/** The state backups migrate-user-resources wrote in the repository. */
function backups(repo: string): string[] {
  return fs.readdirSync(repo).filter((f) => f.includes(".state-before-migrate-user-resources."));
}

/** The doc's YAML line of section 6, added at the top level of the spec. */
function insertPerUser(repo: string): void {
  const block = /```yaml\n([\s\S]*?)```/.exec(docSection(DOC, "## 6. A large customer: one resource per user"))?.[1];
  assert.ok(block, `${DOC} section 6 has no YAML block`);
  const file = path.join(repo, SPEC);
  fs.appendFileSync(file, block);
}

/** The doc's YAML block of section 4, inserted under `users:` of the exported spec. */
function insertDocUser(repo: string): void {
  const section = docSection(DOC, "## 4. A reviewed change");
  const block = /```yaml\n([\s\S]*?)```/.exec(section)?.[1];
  assert.ok(block, `${DOC} section 4 has no YAML block`);
  const file = path.join(repo, SPEC);
  const spec = fs.readFileSync(file, "utf8");
  assert.ok(spec.includes("\nusers:\n"), `${SPEC} has no users: section`);
  fs.writeFileSync(file, spec.replace("\nusers:\n", `\nusers:\n${block}`));
}
