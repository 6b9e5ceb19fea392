// Unit tests of `partner-center preview-report` and its report code: a `pulumi preview --json` captured from the
// real engine against the emulator (fixtures/preview.json, made by test/e2e/preview-report.test.ts with
// CAPTURE_PREVIEW_FIXTURE), secrets masked by engine mark, by declared secret outputs and by name, Markdown
// escaping, the size limit, and the command's errors.
import assert from "node:assert/strict";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { main } from "../../../provider/cli/main";
import { code, fitSections, GITHUB_COMMENT_LIMIT, type Section } from "../../../provider/cli/report/markdown";
import { buildPreviewReport, parsePreviewJson, type PreviewDigest } from "../../../provider/cli/report/preview-digest";
import { renderPreviewMarkdown } from "../../../provider/cli/report/preview-markdown";
import { UNKNOWN } from "../../../provider/cli/report/values";
import { captureIo } from "./cli-io";

const FIXTURE = join(__dirname, "fixtures", "preview.json");
const fixtureText = readFileSync(FIXTURE, "utf8");
const fixture = (): PreviewDigest => JSON.parse(fixtureText);
type Step = NonNullable<PreviewDigest["steps"]>[number];
const stepOf = (d: PreviewDigest, name: string): Step => d.steps!.find((s) => s.urn.endsWith(`::${name}`))!;

describe("partner-center preview-report", () => {
  describe("report from the captured engine preview", () => {
    const report = buildPreviewReport(fixture());

    it("lists each changed resource once with its operation, type and customer; unchanged ones only counted", () => {
      assert.equal(report.stack, "preview");
      assert.deepEqual(report.counts, { create: 5, update: 2, replace: 1, delete: 1 });
      const ops = Object.fromEntries(report.resources.map((r) => [r.ref.name, `${r.op} ${r.ref.type}`]));
      assert.deepEqual(ops, {
        alice: "update CustomerUser",
        bob: "delete CustomerUser",
        carol: "create CustomerUser",
        dave: "create CustomerUser",
        erin: "create CustomerUser",
        frank: "create CustomerUser",
        grace: "create CustomerUser",
        "alice-role": "replace UserRoleAssignment",
        "sales-nickname": "update SubscriptionNickname",
      });
      const customers = new Set(report.resources.map((r) => r.ref.customerId));
      assert.equal(customers.size, 2);
      for (const id of customers) assert.match(id!, /^[0-9a-f-]{36}$/);
    });

    it("builds the property diff the engine does not give: old input vs new input, only what changed", () => {
      const alice = report.resources.find((r) => r.ref.name === "alice")!;
      assert.deepEqual(alice.changes, [
        { name: "displayName", old: { kind: "value", text: "Alice" }, new: { kind: "value", text: "Alice Two" } },
      ]);
      assert.deepEqual(alice.uncomparedSecrets, ["password"]);
      const nickname = report.resources.find((r) => r.ref.name === "sales-nickname")!;
      assert.deepEqual(
        nickname.changes.map((c) => [c.name, c.old, c.new]),
        [["nickname", { kind: "value", text: "Sales (before)" }, { kind: "value", text: "Sales (after)" }]],
      );
      const role = report.resources.find((r) => r.ref.name === "alice-role")!;
      const userId = role.changes.find((c) => c.name === "userId")!;
      assert.equal(userId.forcesReplacement, true);
      assert.deepEqual(userId.new, { kind: "unknown" });
    });

    it("a create shows new values, a delete old ones; identifying properties first, the customer id left to the heading", () => {
      const carol = report.resources.find((r) => r.ref.name === "carol")!;
      assert.deepEqual(
        carol.changes.slice(0, 2).map((c) => c.name),
        ["userPrincipalName", "displayName"],
      );
      assert.ok(carol.changes.every((c) => c.old.kind === "absent" && c.new.kind !== "absent"));
      assert.ok(!carol.changes.some((c) => c.name === "customerId"));
      const bob = report.resources.find((r) => r.ref.name === "bob")!;
      assert.ok(bob.changes.every((c) => c.new.kind === "absent"));
      assert.deepEqual(
        bob.changes.find((c) => c.name === "password"),
        { name: "password", secret: true, old: { kind: "secret" }, new: { kind: "absent" } },
      );
    });

    it("leaves out the serialized provider and the stack config (the input has both)", () => {
      assert.ok(fixtureText.includes("exports.handler") && fixtureText.includes("partnercenter:caCertificate"));
      const md = renderPreviewMarkdown(report).text;
      for (const text of [md, JSON.stringify(report)]) {
        assert.doesNotMatch(
          text,
          /__provider|exports\.handler|BEGIN CERTIFICATE|partnercenter:(authorityHost|caCertificate|clientId|clientSecret|endpoint|refreshToken|tenantId)/,
        );
      }
    });
  });

  describe("secrets", () => {
    it("masks plain credential-named inputs, declared secret outputs and nested credentials; says a plain one changed", () => {
      const d = fixture();
      const alice = stepOf(d, "alice");
      alice.oldState!.inputs!.password = "Plain-Old-Passw0rd";
      alice.newState!.inputs!.password = "Plain-New-Passw0rd";
      alice.newState!.inputs!.settings = {
        nested: { clientSecret: "nested-s3cret-value" },
        refreshToken: "rt-s3cret-value",
      };
      alice.newState!.additionalSecretOutputs = [...(alice.newState!.additionalSecretOutputs ?? []), "recoveryCode"];
      alice.oldState!.inputs!.recoveryCode = "code-before-123";
      alice.newState!.inputs!.recoveryCode = "code-after-456";
      const carol = stepOf(d, "carol");
      carol.newState!.inputs!.password = "Carol-Plain-Passw0rd";
      const report = buildPreviewReport(d);
      const texts = [renderPreviewMarkdown(report).text, JSON.stringify(report)];
      for (const text of texts) {
        for (const secret of [
          "Plain-Old-Passw0rd",
          "Plain-New-Passw0rd",
          "nested-s3cret-value",
          "rt-s3cret-value",
          "code-before-123",
          "code-after-456",
          "Carol-Plain-Passw0rd",
        ]) {
          assert.ok(!text.includes(secret), `${secret} leaked`);
        }
      }
      const changes = report.resources.find((r) => r.ref.name === "alice")!.changes;
      assert.deepEqual(
        changes.find((c) => c.name === "password"),
        { name: "password", secret: true, old: { kind: "secret" }, new: { kind: "secret" } },
      );
      assert.deepEqual(changes.find((c) => c.name === "recoveryCode")?.secret, true);
      assert.match(texts[0], /\| `password` \| \*secret\* \| \*secret \(changed\)\* \|/);
      assert.match(
        texts[0],
        /\| `settings` \| — \| `\{"nested":\{"clientSecret":"\[secret\]"\},"refreshToken":"\[secret\]"\}` \|/,
      );
    });

    it("an unchanged plain secret shows no row; a boolean named like a credential is not hidden", () => {
      const d = fixture();
      const alice = stepOf(d, "alice");
      alice.oldState!.inputs!.password = "Same-Passw0rd";
      alice.newState!.inputs!.password = "Same-Passw0rd";
      alice.newState!.inputs!.forceChangePassword = false;
      const changes = buildPreviewReport(d).resources.find((r) => r.ref.name === "alice")!.changes;
      assert.ok(!changes.some((c) => c.name === "password"));
      assert.deepEqual(
        changes.find((c) => c.name === "forceChangePassword"),
        { name: "forceChangePassword", old: { kind: "value", text: "true" }, new: { kind: "value", text: "false" } },
      );
    });

    it("scrubs tokens and keys from engine error messages", () => {
      const d = fixture();
      d.diagnostics = [
        {
          severity: "error",
          urn: stepOf(d, "alice").urn,
          message:
            "create failed: token eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4eHh4eHh4In0.c2lnbmF0dXJl refresh_token=0.ARabcdef123 |pipe|",
        },
        {
          severity: "error",
          urn: stepOf(d, "carol").urn,
          message:
            "error: resource 'carol': property password value {short1} has a problem: too short; property displayName value {Carol} ok",
        },
      ];
      const md = renderPreviewMarkdown(buildPreviewReport(d)).text;
      assert.match(md, /The preview failed: 2 errors/);
      assert.match(
        md,
        /property password value \{\[secret\]\} has a problem: too short; property displayName value \{Carol\} ok/,
      );
      assert.doesNotMatch(md, /short1/);
      assert.match(
        md,
        /`CustomerUser` `alice`: create failed: token \[redacted token\] refresh_token=\[secret\] \\\|pipe\\\|/,
      );
      assert.doesNotMatch(md, /eyJhbGci|0\.ARabcdef123/);
    });
  });

  describe("Markdown", () => {
    it("keeps odd values inside one table cell: pipes, backticks, new lines and HTML", () => {
      const d = fixture();
      stepOf(d, "alice").newState!.inputs!.displayName = "a | b `c` ``d``\nline2 <script>x</script>";
      const md = renderPreviewMarkdown(buildPreviewReport(d)).text;
      const row = md.split("\n").find((l) => l.startsWith("| `displayName` | `Alice` |"))!;
      assert.equal(row, "| `displayName` | `Alice` | ```a \\| b `c` ``d``⏎line2 <script>x</script>``` |");
      assert.equal(code("`x`"), "`` `x` ``");
      assert.equal(code(""), "` `");
    });

    it("shows unknown values as known after apply and long values shortened", () => {
      const d = fixture();
      stepOf(d, "carol").newState!.inputs!.displayName = UNKNOWN;
      stepOf(d, "dave").newState!.inputs!.displayName = "x".repeat(1000);
      const report = buildPreviewReport(d);
      assert.deepEqual(
        report.resources.find((r) => r.ref.name === "carol")!.changes.find((c) => c.name === "displayName")!.new,
        { kind: "unknown" },
      );
      const dave = report.resources
        .find((r) => r.ref.name === "dave")!
        .changes.find((c) => c.name === "displayName")!.new;
      assert.equal(dave.kind === "value" && dave.text.length, 300);
      assert.ok(dave.kind === "value" && dave.text.endsWith("…"));
    });

    it("says 'No changes' when the preview proposes none", () => {
      const d = fixture();
      d.steps = d.steps!.map((s) => ({ ...s, op: "same" }));
      const report = buildPreviewReport(d);
      assert.deepEqual(report.resources, []);
      assert.match(renderPreviewMarkdown(report).text, /\*\*No changes \(9 unchanged\)\*\*/);
    });
  });

  describe("size limit", () => {
    function bigDigest(resources: number, properties: number): PreviewDigest {
      const d = fixture();
      const template = stepOf(d, "carol");
      d.steps = [];
      for (let i = 0; i < resources; i++) {
        const inputs: Record<string, unknown> = { customerId: template.newState!.inputs!.customerId };
        for (let p = 0; p < properties; p++)
          inputs[`property${String(p).padStart(2, "0")}`] = `value ${i}/${p} `.padEnd(120, "x");
        d.steps.push({
          ...template,
          urn: template.urn.replace(/::carol$/, `::user-${String(i).padStart(4, "0")}`),
          newState: { ...template.newState!, inputs },
        });
      }
      return d;
    }

    it("fits GitHub's 65,536 characters: every resource keeps its heading, rows are cut per resource with a note", () => {
      const report = buildPreviewReport(bigDigest(150, 30));
      const full = renderPreviewMarkdown(report, { maxChars: 10_000_000 });
      assert.ok(full.text.length > 4 * GITHUB_COMMENT_LIMIT && !full.truncated);
      const fitted = renderPreviewMarkdown(report);
      assert.ok(fitted.truncated);
      assert.ok(fitted.text.length <= GITHUB_COMMENT_LIMIT, `${fitted.text.length}`);
      assert.ok(fitted.text.length > GITHUB_COMMENT_LIMIT * 0.9, "the space is used, not thrown away");
      for (let i = 0; i < 150; i++) assert.ok(fitted.text.includes(`\`user-${String(i).padStart(4, "0")}\``));
      assert.match(fitted.text, /more properties not shown \(size limit\)/);
      assert.match(fitted.text, /This comment was shortened/);
    });

    it("drops the last resources with a count when even the headings do not fit", () => {
      const report = buildPreviewReport(bigDigest(3000, 2));
      const fitted = renderPreviewMarkdown(report);
      assert.ok(fitted.text.length <= GITHUB_COMMENT_LIMIT);
      const m = /_… and (\d+) more resources not shown \(size limit\)\._/.exec(fitted.text);
      assert.ok(m, "the dropped resources are counted");
      const shown = (fitted.text.match(/\*\*\+ create\*\*/g) ?? []).length;
      assert.equal(shown + Number(m[1]), 3000);
    });

    it("never passes the limit, for any limit and section mix", () => {
      const sections: Section[] = [];
      for (let i = 0; i < 40; i++) {
        sections.push({
          group: `#### G${i % 3}\n\n`,
          heading: `**${"h".repeat((i % 7) * 10)}** ${i}\n\n`,
          rowsHeader: "| a | b |\n|---|---|\n",
          rows: Array.from({ length: (i * 7) % 23 }, (_, r) => `| ${"r".repeat((r * 13) % 200)} | ${i} |\n`),
        });
      }
      for (let limit = 1500; limit <= 40_000; limit += 777) {
        const { text } = fitSections("# title\n\n", sections, "footer\n", limit, "> cut\n\n", (n) => `dropped ${n}\n`);
        assert.ok(text.length <= limit, `${text.length} > ${limit}`);
      }
    });
  });

  describe("command", () => {
    let dir: string;
    beforeEach(() => {
      dir = mkdtempSync(join(tmpdir(), "pc-preview-report-"));
    });
    afterEach(() => rmSync(dir, { recursive: true, force: true }));

    it("writes the comment and the JSON report and exits 0", async () => {
      const io = captureIo();
      assert.equal(
        await main(
          [
            "preview-report",
            "--in",
            FIXTURE,
            "--out",
            join(dir, "c.md"),
            "--json",
            join(dir, "r.json"),
            "--title",
            "Tenants <prod>",
          ],
          io,
        ),
        0,
      );
      const md = readFileSync(join(dir, "c.md"), "utf8");
      assert.match(md, /^<!-- partner-center:preview-report -->\n### Tenants &lt;prod&gt; for stack `preview`/);
      assert.deepEqual(JSON.parse(readFileSync(join(dir, "r.json"), "utf8")).counts, {
        create: 5,
        update: 2,
        replace: 1,
        delete: 1,
      });
      assert.match(io.errors.join("\n"), /5 to create, 2 to update, 1 to replace, 1 to delete; \d+ characters -> /);
    });

    it("exits 1 naming the fix for a file that is not preview JSON, streamed events, or missing", async () => {
      const cases: Array<[string, RegExp]> = [
        ["not json at all", /not the JSON of `pulumi preview --json`.*Fix: run `pulumi preview --json > preview.json`/],
        [
          '{"sequence":1,"timestamp":2,"preludeEvent":{}}\n{"sequence":2}',
          /unset PULUMI_ENABLE_STREAMING_JSON_PREVIEW/,
        ],
        ["{}", /has no "steps" list.*Fix: run `pulumi preview --json > preview.json` \(not `pulumi up --json`/],
      ];
      for (const [text, message] of cases) {
        writeFileSync(join(dir, "in.json"), text);
        const io = captureIo();
        assert.equal(await main(["preview-report", "--in", join(dir, "in.json")], io), 1, text);
        assert.match(io.errors.join("\n"), message);
      }
      const io = captureIo();
      assert.equal(await main(["preview-report", "--in", join(dir, "missing.json")], io), 1);
      assert.match(io.errors[0], /cannot read .*missing\.json: ENOENT\. Fix: pass --in/);
    });

    it("an --out or --json that is a folder: exit 2 with a file name to use, before anything is written", async () => {
      for (const flag of ["--out", "--json"]) {
        const io = captureIo();
        const other = flag === "--out" ? ["--json", join(dir, "r.json")] : ["--out", join(dir, "c.md")];
        assert.equal(await main(["preview-report", "--in", FIXTURE, flag, dir, ...other], io), 2, flag);
        const message = io.errors.join("\n");
        assert.match(message, new RegExp(`${flag} .* is a folder, but ${flag} takes a file name\\. Fix: ${flag} `));
        assert.doesNotMatch(message, /EISDIR/);
        assert.deepEqual(readdirSync(dir), [], "nothing written");
      }
    });

    it("an output that cannot be written: exit 1 naming the file, the cause and the fix", async () => {
      const io = captureIo();
      const target = join(dir, "no-such-folder", "c.md");
      assert.equal(await main(["preview-report", "--in", FIXTURE, "--out", target], io), 1);
      assert.match(
        io.errors.join("\n"),
        /cannot write the comment to .*no-such-folder.c\.md: ENOENT\. Fix: give a file in a folder that exists/,
      );
    });

    it("rejects a too small --max-chars and unknown flags as usage errors (exit 2)", async () => {
      const io = captureIo();
      assert.equal(await main(["preview-report", "--in", FIXTURE, "--max-chars", "100"], io), 2);
      assert.match(io.errors[0], /--max-chars must be a whole number of at least 2000, got '100'/);
      const flags = captureIo();
      assert.equal(await main(["preview-report", "--input", FIXTURE], flags), 2);
      assert.match(flags.errors[0], /--input/);
    });

    it("parsePreviewJson accepts the captured output as is", () => {
      assert.equal(parsePreviewJson(fixtureText, "x").steps!.length, 10);
    });
  });
});
