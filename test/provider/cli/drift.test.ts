// Unit tests of `partner-center drift` and its report: engine events shaped as a real refresh preview emits them
// (resourcePreEvent / resOutputsEvent with old and new states, secret-signature objects, error diagnostics) turned
// into drift (changed, removed) apart from errors (unreadable objects, a failed run), exit codes 0/2/1, masking,
// the Markdown size limit, and the command's flag and setup errors. The real engine run is in test/e2e.
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import type { EngineEvent } from "@pulumi/pulumi/automation";
import { main } from "../../../provider/cli/main";
import { buildDriftReport, failureSummary } from "../../../provider/cli/report/drift-events";
import { renderDriftMarkdown } from "../../../provider/cli/report/drift-markdown";
import { GITHUB_COMMENT_LIMIT } from "../../../provider/cli/report/markdown";
import { SECRET_SIG } from "../../../provider/cli/report/values";
import { captureIo } from "./cli-io";

const CUSTOMER = "2ce0d80d-21a0-45ab-ad0b-a96bd10857c3";
const PROVIDER_TEXT = 'exports.handler = __f0; require("pulumi-partner-center/dist/provider/runtime")';
const urn = (type: string, name: string) =>
  `urn:pulumi:nightly::tenants::pulumi-nodejs:dynamic/partnercenter:${type}::${name}`;
const sealed = (plaintext?: string) =>
  plaintext === undefined
    ? { [SECRET_SIG]: "1b47061264138c4ac30d75fd1eb44270", ciphertext: "[secret]" }
    : { [SECRET_SIG]: "1b47061264138c4ac30d75fd1eb44270", plaintext: JSON.stringify(plaintext) };

function userState(name: string, displayName: string, extra: Record<string, unknown> = {}) {
  const inputs = {
    __provider: PROVIDER_TEXT,
    customerId: CUSTOMER,
    userPrincipalName: `${name}@fabrikam.example`,
    displayName,
    password: sealed(),
    ...extra,
  };
  return {
    type: "pulumi-nodejs:dynamic/partnercenter:CustomerUser",
    urn: urn("CustomerUser", name),
    id: `${CUSTOMER}/${name}-id`,
    inputs,
    outputs: { ...inputs, userId: `${name}-id`, state: "active" },
  };
}

let seq = 0;
const pre = (state: ReturnType<typeof userState>): EngineEvent =>
  ({
    sequence: seq++,
    timestamp: 0,
    resourcePreEvent: {
      metadata: { op: "refresh", urn: state.urn, type: state.type, old: state, new: state, provider: "" },
    },
  }) as unknown as EngineEvent;
const done = (op: string, old: ReturnType<typeof userState>, now?: ReturnType<typeof userState>): EngineEvent =>
  ({
    sequence: seq++,
    timestamp: 0,
    resOutputsEvent: { metadata: { op, urn: old.urn, type: old.type, old, new: now ?? old, provider: "" } },
  }) as unknown as EngineEvent;
const diag = (severity: string, message: string, at?: string): EngineEvent =>
  ({
    sequence: seq++,
    timestamp: 0,
    diagnosticEvent: { urn: at, severity, message, color: "never", prefix: `${severity}: ` },
  }) as unknown as EngineEvent;
const stackEvents = (): EngineEvent[] => {
  const stack = {
    type: "pulumi:pulumi:Stack",
    urn: "urn:pulumi:nightly::tenants::pulumi:pulumi:Stack::tenants-nightly",
    id: "",
    inputs: {},
    outputs: {},
  } as unknown as ReturnType<typeof userState>;
  return [pre(stack), done("same", stack)];
};

describe("partner-center drift", () => {
  describe("report from refresh events", () => {
    it("no drift: exit 0, every resource in sync, the stack itself not counted", () => {
      const a = userState("ann", "Ann");
      const report = buildDriftReport({ stack: "nightly", events: [...stackEvents(), pre(a), done("same", a)] });
      assert.equal(report.result, "no-drift");
      assert.equal(report.exitCode, 0);
      assert.deepEqual(report.counts, { resources: 1, inSync: 1, changed: 0, removed: 0, unreadable: 0, errors: 0 });
      assert.match(
        renderDriftMarkdown(report).text,
        /\*\*No drift: every resource matches Partner Center\.\*\* \(exit code 0\)/,
      );
    });

    it("drift: exit 2; a changed property with stored and current value, a removed object, secrets not compared", () => {
      const ann = userState("ann", "Ann");
      const bob = userState("bob", "Bob");
      const cid = userState("cid", "Cid");
      const bobNow = userState("bob", "Bob (renamed in the portal)");
      const report = buildDriftReport({
        stack: "nightly",
        events: [pre(ann), pre(bob), pre(cid), done("same", ann), done("update", bob, bobNow), done("delete", cid)],
      });
      assert.equal(report.result, "drift");
      assert.equal(report.exitCode, 2);
      assert.deepEqual(report.counts, { resources: 3, inSync: 1, changed: 1, removed: 1, unreadable: 0, errors: 0 });
      assert.deepEqual(
        report.drift.map((d) => [d.kind, d.ref.type, d.ref.name, d.ref.customerId]),
        [
          ["changed", "CustomerUser", "bob", CUSTOMER],
          ["removed", "CustomerUser", "cid", CUSTOMER],
        ],
      );
      assert.deepEqual(report.drift[0].changes, [
        {
          name: "displayName",
          old: { kind: "value", text: "Bob" },
          new: { kind: "value", text: "Bob (renamed in the portal)" },
        },
      ]);
      assert.deepEqual(report.drift[0].uncomparedSecrets, ["password"]); // sealed on both sides: cannot be compared
      const md = renderDriftMarkdown(report).text;
      assert.match(
        md,
        /\*\*~ changed\*\* `CustomerUser` `bob`[^\n]*\n\n\| property \| old \| new \|\n\|---\|---\|---\|\n\| `displayName` \| `Bob` \| `Bob \(renamed in the portal\)` \|/,
      );
      assert.match(md, /\*\*- removed\*\* `CustomerUser` `cid`: gone from Partner Center/);
      assert.doesNotMatch(md, /Could not be read|__provider|exports\.handler/);
    });

    it("an object that cannot be read is an error (exit 1), never drift; the refresh that stopped early is an error too", () => {
      const ann = userState("ann", "Ann");
      const bob = userState("bob", "Bob");
      const cid = userState("cid", "Cid");
      const dee = userState("dee", "Dee");
      const report = buildDriftReport({
        stack: "nightly",
        events: [
          pre(ann),
          pre(bob),
          pre(cid),
          pre(dee),
          diag("info#err", "ResourceOperationError: stack trace line"),
          diag(
            "error",
            "Preview failed: CustomerUser bob: read failed: forbidden (HTTP 403, Partner Center code 3000) token eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhYmNkZWZnaCJ9.c2lnbmF0dXJl",
            bob.urn,
          ),
          done("update", ann, userState("ann", "Ann Two")),
          diag("error", "preview failed"),
        ],
        failure: "Command failed with exit code 1",
      });
      assert.equal(report.result, "error");
      assert.equal(report.exitCode, 1);
      assert.deepEqual(report.counts, { resources: 4, inSync: 0, changed: 1, removed: 0, unreadable: 3, errors: 3 });
      assert.deepEqual(
        report.drift.map((d) => d.ref.name),
        ["ann"],
        "drift found elsewhere is still reported",
      );
      assert.deepEqual(
        report.errors.map((e) => e.ref?.name),
        ["bob", "cid", "dee"],
      );
      assert.equal(
        report.errors[0].message,
        "CustomerUser bob: read failed: forbidden (HTTP 403, Partner Center code 3000) token [redacted token]",
      );
      assert.match(report.errors[1].message, /not read: the refresh stopped before this resource was read/);
      const md = renderDriftMarkdown(report).text;
      assert.match(md, /\*\*Some resources could not be read: the report is incomplete\.\*\* \(exit code 1\)/);
      assert.match(
        md,
        /#### Could not be read \(errors, not drift\)\n\n- `CustomerUser` `bob` \(customer `2ce0d80d-[^`]+`\): CustomerUser bob: read failed: forbidden \(HTTP 403/,
      );
      assert.ok(md.indexOf("#### Could not be read") < md.indexOf("#### Drift"));
    });

    it("a run that failed before reading anything: exit 1 with the engine's reason, not the command line", () => {
      const failure = failureSummary(
        new Error(
          "code: 255\n stdout: \n stderr: Command failed with exit code 255: /usr/bin/pulumi refresh --preview-only --stack nightly\nerror: failed to decrypt: incorrect passphrase\n",
        ),
      );
      assert.equal(failure, "error: failed to decrypt: incorrect passphrase");
      const report = buildDriftReport({ stack: "nightly", events: [], failure });
      assert.equal(report.exitCode, 1);
      assert.deepEqual(report.errors, [{ message: "error: failed to decrypt: incorrect passphrase" }]);
      assert.match(
        renderDriftMarkdown(report).text,
        /The drift check failed: see the error below\.[\s\S]*#### Errors\n\n- error: failed to decrypt/,
      );
    });

    it("masks secrets: sealed values (even with plaintext), credential-named properties, nested credentials", () => {
      const old = userState("eve", "Eve", {
        clientSecret: "plain-client-s3cret",
        settings: { refreshToken: "nested-rt-s3cret" },
      });
      const now = userState("eve", "Eve", {
        clientSecret: "plain-client-s3cret-2",
        settings: { refreshToken: "nested-rt-s3cret-2" },
        password: sealed("Shown-Passw0rd!"),
      });
      const gone = userState("fay", "Fay", {
        password: sealed("Removed-Passw0rd!"),
        clientSecret: "fay-client-s3cret",
      });
      const report = buildDriftReport({
        stack: "nightly",
        events: [pre(old), pre(gone), done("update", old, now), done("delete", gone)],
      });
      const texts = [JSON.stringify(report), renderDriftMarkdown(report).text];
      for (const text of texts) {
        for (const secret of [
          "plain-client-s3cret",
          "nested-rt-s3cret",
          "Shown-Passw0rd!",
          "Removed-Passw0rd!",
          "fay-client-s3cret",
        ])
          assert.ok(!text.includes(secret), `${secret} leaked`);
        assert.doesNotMatch(text, /__provider|exports\.handler/);
      }
      const eve = report.drift.find((d) => d.ref.name === "eve")!;
      assert.deepEqual(
        eve.changes.find((c) => c.name === "clientSecret"),
        { name: "clientSecret", secret: true, old: { kind: "secret" }, new: { kind: "secret" } },
      );
      assert.deepEqual(eve.changes.find((c) => c.name === "settings")!.new, {
        kind: "value",
        text: '{"refreshToken":"[secret]"}',
      });
      assert.deepEqual(eve.uncomparedSecrets, ["password"]);
    });

    it("the Markdown stays within GitHub's limit with every error listed before the cut drift", () => {
      const events: EngineEvent[] = [];
      for (let i = 0; i < 400; i++) {
        const extra = Object.fromEntries(
          Array.from({ length: 20 }, (_, p) => [`p${p}`, `before ${i}/${p}`.padEnd(100, ".")]),
        );
        const after = Object.fromEntries(
          Array.from({ length: 20 }, (_, p) => [`p${p}`, `after ${i}/${p}`.padEnd(100, ".")]),
        );
        const old = userState(`u${i}`, `U${i}`, extra);
        events.push(pre(old), done("update", old, userState(`u${i}`, `U${i}`, after)));
      }
      const broken = userState("broken", "Broken");
      events.push(pre(broken), diag("error", "read failed: HTTP 500", broken.urn));
      const { text, truncated } = renderDriftMarkdown(buildDriftReport({ stack: "nightly", events }));
      assert.ok(truncated && text.length <= GITHUB_COMMENT_LIMIT, `${text.length}`);
      assert.match(text, /`CustomerUser` `broken` \(customer `[^`]+`\): read failed: HTTP 500/);
      assert.match(text, /Shortened to fit GitHub's size limit/);
    });
  });

  describe("command", () => {
    let dir: string;
    beforeEach(() => {
      dir = mkdtempSync(join(tmpdir(), "pc-drift-"));
    });
    afterEach(() => rmSync(dir, { recursive: true, force: true }));

    it("--stack is required; bad flags exit 1 with the usage (2 would mean drift)", async () => {
      const cases: Array<[string[], RegExp]> = [
        [[], /--stack NAME is required/],
        [["--stack", "s", "--parallel", "0"], /--parallel must be a whole number of at least 1, got '0'/],
        [["--stack", "s", "--max-chars", "12"], /--max-chars must be a whole number of at least 2000/],
        [["--stack", "s", "--stak", "x"], /--stak/],
      ];
      for (const [args, message] of cases) {
        const io = captureIo();
        assert.equal(await main(["drift", ...args], io), 1, args.join(" "));
        assert.match(io.errors[0], message);
        assert.match(io.errors[0], /Usage|partner-center drift --stack NAME/);
      }
    });

    it("a folder without Pulumi.yaml: exit 1, both reports written with the fix", async () => {
      const io = captureIo();
      assert.equal(await main(["drift", "--stack", "nightly", "--cwd", dir, "--out", join(dir, "reports")], io), 1);
      const json = JSON.parse(readFileSync(join(dir, "reports", "drift-report.json"), "utf8"));
      assert.equal(json.result, "error");
      assert.match(
        json.errors[0].message,
        /no Pulumi\.yaml in .*Fix: run in your Pulumi project folder or pass --cwd DIR/,
      );
      assert.match(readFileSync(join(dir, "reports", "drift-report.md"), "utf8"), /The drift check failed/);
      assert.match(io.lines[0], /^drift nightly: error — 0 resources: .*; 1 other error \(exit 1\)$/);
    });

    it("no `pulumi` on PATH: exit 1 saying the Pulumi CLI was not found and how to install it", async () => {
      writeFileSync(join(dir, "Pulumi.yaml"), "name: t\nruntime: nodejs\n");
      const emptyBin = join(dir, "bin");
      mkdirSync(emptyBin);
      const path = process.env.PATH;
      process.env.PATH = emptyBin;
      const io = captureIo();
      try {
        assert.equal(await main(["drift", "--stack", "nightly", "--cwd", dir, "--out", join(dir, "reports")], io), 1);
      } finally {
        process.env.PATH = path;
      }
      const json = JSON.parse(readFileSync(join(dir, "reports", "drift-report.json"), "utf8"));
      assert.match(json.errors[0].message, /the Pulumi CLI \(`pulumi`\) was not found on PATH/);
      assert.match(json.errors[0].message, /Fix: install it \(https:\/\/www\.pulumi\.com\/docs\/install\//);
      assert.match(io.errors.join("\n"), /error: the Pulumi CLI \(`pulumi`\) was not found on PATH.*pulumi version/);
      assert.doesNotMatch(io.errors.join("\n") + json.errors[0].message, /code: -2/);
    });

    it("an --out that cannot be written: exit 1 naming the folder", async () => {
      writeFileSync(join(dir, "a-file"), "");
      const io = captureIo();
      assert.equal(await main(["drift", "--stack", "nightly", "--cwd", dir, "--out", join(dir, "a-file")], io), 1);
      assert.match(
        io.errors.join("\n"),
        /cannot write the reports to .*a-file: (EEXIST|ENOTDIR)\. Fix: pass a writable --out DIR/,
      );
    });
  });
});
