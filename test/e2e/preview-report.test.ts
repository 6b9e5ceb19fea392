// `partner-center preview-report` on the output of the real `pulumi preview --json` (the Pulumi CLI and engine
// against the emulator): a known change set across two customers — creates, updates of a plain and a secret
// property, a replacement and a delete — rendered per customer with old/new values, secrets masked (the
// passwords given are never in the report), `__provider` left out, and cut to a size limit on request.
// Set CAPTURE_PREVIEW_FIXTURE=<file> to save the captured preview JSON (the unit tests' fixture was made so).
import { strict as assert } from "assert";
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as pulumi from "@pulumi/pulumi";
import type { Stack } from "@pulumi/pulumi/automation";
import { startEmulator } from "../../emulator";
import { CustomerUser, SubscriptionNickname, UserRoleAssignment } from "../../provider";
import type { PreviewReport } from "../../provider/cli/report/preview-digest";
import { leakedSecrets, providerConfig, repoRoot, stackFor, tempPulumiEnv } from "./harness";

const CLI = path.join(repoRoot, "dist", "provider", "cli", "main.js");
const PLAIN_PASSWORD = ["Plain-Passw0rd-1", "Plain-Passw0rd-2"];
const NEW_USERS = ["dave", "erin", "frank", "grace"];
const SECRET_PASSWORD = "Secret-Passw0rd-1";

describe("e2e: partner-center preview-report on a real `pulumi preview --json`", function () {
  this.timeout(300_000);
  let emu: Awaited<ReturnType<typeof startEmulator>>;
  let env: Awaited<ReturnType<typeof tempPulumiEnv>>;
  let stack: Stack;
  let secrets: Record<string, string>;
  let dir: string;
  let previewJson: string;
  let phase = 1;
  const partner = () => emu.seed.partners.find((p) => p.tenantId === emu.seed.defaultPartnerId)!;
  const first = () => partner().customers[0];
  const second = () => partner().customers[1];

  const program = async () => {
    const c = first();
    const alice = new CustomerUser("alice", {
      customerId: c.id,
      userPrincipalName: `alice@${c.domain}`,
      displayName: phase === 1 ? "Alice" : "Alice Two",
      password: PLAIN_PASSWORD[Math.min(phase, 2) - 1], // not wrapped in pulumi.secret here: whatever the engine shows, the report must not
    });
    if (phase >= 2)
      for (const n of NEW_USERS)
        new CustomerUser(n, { customerId: c.id, userPrincipalName: `${n}@${c.domain}`, displayName: n });
    if (phase === 1)
      new CustomerUser("bob", {
        customerId: c.id,
        userPrincipalName: `bob@${c.domain}`,
        displayName: "Bob",
        password: pulumi.secret(SECRET_PASSWORD),
      });
    if (phase >= 2)
      new CustomerUser("carol", {
        customerId: c.id,
        userPrincipalName: phase === 3 ? "carol-without-domain" : `carol@${c.domain}`,
        displayName: "Carol",
      });
    // the replacement: a new role (alice's own update keeps her userId known, so it alone replaces nothing)
    new UserRoleAssignment("alice-role", {
      customerId: c.id,
      userId: alice.userId,
      roleName: phase === 1 ? "User Administrator" : "Helpdesk Administrator",
    });
    new SubscriptionNickname("sales-nickname", {
      customerId: second().id,
      subscriptionId: second().subscriptions[0].id,
      nickname: phase === 1 ? "Sales (before)" : "Sales (after)",
    });
  };

  /** `pulumi preview --json` as a workflow runs it (the workspace adds --json to the CLI call): its standard output,
   *  also when the preview fails. */
  async function previewJsonOf(): Promise<string> {
    let stdout = "";
    stack.workspace.serializeArgsForOp = async () => ["--json"];
    try {
      await stack.preview({
        onOutput: (chunk) => {
          stdout += chunk;
        },
      });
    } catch (e) {
      if (!stdout.trim()) throw e;
    } finally {
      stack.workspace.serializeArgsForOp = async () => [];
    }
    return stdout;
  }

  function report(args: string[]): { status: number | null; stdout: string; stderr: string } {
    const r = spawnSync(process.execPath, [CLI, "preview-report", ...args], { encoding: "utf8" });
    return { status: r.status, stdout: r.stdout, stderr: r.stderr };
  }

  before(async () => {
    assert.ok(fs.existsSync(CLI), `build first (npm run build): ${CLI} is missing`);
    emu = await startEmulator({});
    env = await tempPulumiEnv();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "pc-preview-report-"));
    const cfg = providerConfig(emu, partner());
    secrets = cfg.secrets;
    stack = await stackFor(
      env,
      path.join(repoRoot, "examples", "quickstart"),
      "preview",
      {
        config: { ...cfg.config, customerId: first().id, domain: first().domain },
        secrets: cfg.secrets,
      },
      program,
    );
    await stack.up();
    phase = 2;
    previewJson = await previewJsonOf();
    fs.writeFileSync(path.join(dir, "preview.json"), previewJson);
    if (process.env.CAPTURE_PREVIEW_FIXTURE) fs.writeFileSync(process.env.CAPTURE_PREVIEW_FIXTURE, previewJson);
  });
  after(async () => {
    phase = 1;
    if (stack) await stack.destroy().catch(() => undefined);
    env?.dispose();
    await emu?.close();
    if (dir && !process.env.KEEP_PREVIEW_OUT) fs.rmSync(dir, { recursive: true, force: true });
  });

  it("the engine's JSON holds what must not reach the comment (so leaving it out is really tested)", () => {
    assert.ok(
      previewJson.includes("__provider") && previewJson.includes("exports.handler"),
      "the serialized provider is in preview --json",
    );
    assert.ok(previewJson.includes('"[secret]"'), "the engine marks secrets");
  });

  it("writes a per-customer, per-resource comment with each property's old and new value", () => {
    const r = report([
      "--in",
      path.join(dir, "preview.json"),
      "--out",
      path.join(dir, "comment.md"),
      "--json",
      path.join(dir, "report.json"),
    ]);
    assert.equal(r.status, 0, r.stderr);
    const md = fs.readFileSync(path.join(dir, "comment.md"), "utf8");
    const json = JSON.parse(fs.readFileSync(path.join(dir, "report.json"), "utf8")) as PreviewReport;
    assert.ok(md.startsWith("<!-- partner-center:preview-report -->\n"));
    assert.match(md, /\*\*5 to create, 2 to update, 1 to replace, 1 to delete\*\*/);
    const customerOf = (id?: string) => (id === first().id ? "first" : id === second().id ? "second" : "?");
    const firstIsFirst = first().id < second().id; // customers are listed by id
    const firstRows = [
      "update CustomerUser alice first",
      "delete CustomerUser bob first",
      "create CustomerUser carol first",
      ...[...NEW_USERS].sort().map((n) => `create CustomerUser ${n} first`),
      "replace UserRoleAssignment alice-role first",
    ];
    const secondRows = ["update SubscriptionNickname sales-nickname second"];
    assert.deepEqual(
      json.resources.map((x) => `${x.op} ${x.ref.type} ${x.ref.name} ${customerOf(x.ref.customerId)}`),
      firstIsFirst ? [...firstRows, ...secondRows] : [...secondRows, ...firstRows],
    );
    const firstAt = md.indexOf(`#### Customer \`${first().id}\``);
    const secondAt = md.indexOf(`#### Customer \`${second().id}\``);
    assert.ok(firstAt > 0 && secondAt > 0, "one heading per customer");
    const aliceBlock = md.slice(md.indexOf("`CustomerUser` `alice`"), md.indexOf("`CustomerUser` `bob`"));
    assert.match(aliceBlock, /\| `displayName` \| `Alice` \| `Alice Two` \|/);
    // a password the engine hides on both sides cannot be compared; one the engine shows is compared, never shown
    assert.match(
      aliceBlock,
      /\| `password` \| \*secret\* \| \*secret \(changed\)\* \||_Secret values not compared: `password`\._/,
    );
    assert.doesNotMatch(aliceBlock, /userPrincipalName/, "unchanged properties are not listed for an update");
    assert.match(
      md.slice(secondAt),
      /^#### Customer `[0-9a-f-]+`\n\n\*\*~ update\*\* `SubscriptionNickname` `sales-nickname`\n\n\| property \| old \| new \|\n\|---\|---\|---\|\n\| `nickname` \| `Sales \(before\)` \| `Sales \(after\)` \|\n/,
    );
    assert.match(md, /\| `roleName` \(forces replacement\) \| `User Administrator` \| `Helpdesk Administrator` \|/);
    assert.doesNotMatch(md, /`userId` \(forces replacement\)/, "alice's in-place update keeps her userId known");
    assert.match(md, /\*\*\+ create\*\* `CustomerUser` `carol`[\s\S]*\| `displayName` \| — \| `Carol` \|/);
    assert.match(md, /\*\*- delete\*\* `CustomerUser` `bob`[\s\S]*\| `password` \| \*secret\* \| — \|/);
    assert.ok(md.length <= 65_536);
  });

  it("masks every secret and leaves out the serialized provider, in the comment and in the JSON report", () => {
    for (const file of ["comment.md", "report.json"]) {
      const text = fs.readFileSync(path.join(dir, file), "utf8");
      assert.deepEqual(
        leakedSecrets(text, {
          ...secrets,
          plain1: PLAIN_PASSWORD[0],
          plain2: PLAIN_PASSWORD[1],
          secret: SECRET_PASSWORD,
        }),
        [],
        file,
      );
      assert.doesNotMatch(text, /__provider|exports\.handler|BEGIN CERTIFICATE/, file);
    }
  });

  it("a failed preview (a bad input stopped at check) still gives a comment that shows the error", async () => {
    phase = 3;
    const failed = await previewJsonOf();
    fs.writeFileSync(path.join(dir, "failed.json"), failed);
    const r = report(["--in", path.join(dir, "failed.json")]);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /> \[!CAUTION\]\n> The preview failed: \d+ errors?\./);
    assert.match(r.stdout, /- `CustomerUser` `carol`: [^\n]*userPrincipalName/);
    assert.deepEqual(leakedSecrets(r.stdout, { ...secrets, plain1: PLAIN_PASSWORD[0], plain2: PLAIN_PASSWORD[1] }), []);
  });

  it("stays within --max-chars, cutting property rows per resource with a note", () => {
    const full = fs.readFileSync(path.join(dir, "comment.md"), "utf8");
    assert.ok(full.length > 2000, `the full comment (${full.length} characters) is over the limit used here`);
    const r = report(["--in", path.join(dir, "preview.json"), "--max-chars", "2000"]);
    assert.equal(r.status, 0, r.stderr);
    const md = r.stdout.replace(/\n$/, ""); // io.out adds the final newline
    assert.ok(md.length <= 2000, `${md.length} characters`);
    assert.match(md, /shortened to fit GitHub's size limit/);
    assert.match(md, /more properties not shown \(size limit\)/);
    for (const name of ["alice", "bob", "carol", ...NEW_USERS, "alice-role", "sales-nickname"])
      assert.ok(md.includes(`\`${name}\``), `${name} keeps its heading`);
  });
});
