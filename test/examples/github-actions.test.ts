// The GitHub Actions examples: both workflows pass actionlint (v1.7.12, built from its Go module once into the
// shared cache beside the Pulumi CLI, or $ACTIONLINT), actionlint really rejects a broken copy, and the workflows
// call `partner-center` with flags and comment markers that exist in the code.
// Choice: actionlint is built with `go install` (Go is already needed for the Pulumi CLI of the e2e tests); a
// machine without Go must point $ACTIONLINT at the binary. GitHub itself is not available, so nothing runs there.
import assert from "node:assert/strict";
import { execFileSync, spawnSync } from "child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import { homedir, tmpdir } from "os";
import { basename, join, resolve } from "path";
import { parse } from "yaml";
import { driftCommand } from "../../provider/cli/drift";
import { fleetReportCommand } from "../../provider/cli/fleet-report";
import { previewReportCommand } from "../../provider/cli/preview-report";
import { PREVIEW_MARKER } from "../../provider/cli/report/preview-markdown";

const ROOT = resolve(__dirname, "../..");
const DIR = join(ROOT, "examples", "github-actions");
const WORKFLOWS = ["pr-preview.yml", "nightly-drift.yml", "fleet.yml"].map((f) => join(DIR, f));
const VERSION = "v1.7.12";

function actionlint(): string {
  if (process.env.ACTIONLINT) return process.env.ACTIONLINT;
  const cache =
    process.env.PULUMI_PARTNER_CENTER_CACHE ??
    join(process.env.XDG_CACHE_HOME ?? join(homedir(), ".cache"), "pulumi-partner-center");
  const bin = join(cache, `actionlint-${VERSION}`);
  const exe = join(bin, "actionlint");
  if (!existsSync(exe)) {
    mkdirSync(bin, { recursive: true });
    try {
      execFileSync("go", ["install", `github.com/rhysd/actionlint/cmd/actionlint@${VERSION}`], {
        env: { ...process.env, GOBIN: bin },
        stdio: ["ignore", "ignore", "pipe"],
      });
    } catch (e) {
      throw new Error(
        `cannot build actionlint ${VERSION} with Go (${(e as Error).message.split("\n")[0]}). Fix: install Go >= 1.25 (its go.mod says go 1.25.0), or set ACTIONLINT=/path/to/actionlint`,
        { cause: e },
      );
    }
  }
  const version = execFileSync(exe, ["-version"], { encoding: "utf8" }).split("\n")[0];
  assert.equal(version, VERSION, `${exe} is actionlint ${version}, expected ${VERSION}`);
  return exe;
}

/** `--flag` names a usage text lists. */
function flagsOf(usage: string): Set<string> {
  return new Set(usage.match(/--[a-z][a-z-]*/g) ?? []);
}

interface Workflow {
  jobs: Record<string, { steps: Array<{ run?: string; uses?: string; with?: Record<string, string> }> }>;
}
const steps = (file: string) =>
  Object.values((parse(readFileSync(file, "utf8")) as Workflow).jobs).flatMap((j) => j.steps);

describe("examples/github-actions", function () {
  this.timeout(300_000);

  it("every workflow passes actionlint", () => {
    const r = spawnSync(actionlint(), ["-no-color", ...WORKFLOWS], { encoding: "utf8" });
    assert.equal(r.status, 0, r.stdout + r.stderr);
    assert.equal(r.stdout, "");
  });

  it("actionlint fails a broken copy (so the check above can fail)", () => {
    const dir = mkdtempSync(join(tmpdir(), "pc-actionlint-"));
    try {
      const broken = readFileSync(WORKFLOWS[0], "utf8")
        .replace("node-version: 20", "node-versoin: 20")
        .replace("steps.preview.outputs.exit", "steps.previeww.outputs.exit");
      writeFileSync(join(dir, "broken.yml"), broken);
      const r = spawnSync(actionlint(), ["-no-color", join(dir, "broken.yml")], { encoding: "utf8" });
      assert.equal(r.status, 1);
      assert.match(r.stdout, /node-versoin/);
      assert.match(r.stdout, /previeww/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("the workflows use only flags the commands have, the comment marker the report writes, and drift's exit codes", () => {
    const runs = WORKFLOWS.flatMap((f) => steps(f).map((s) => s.run ?? "")).join("\n");
    const calls: Array<[string, Set<string>]> = [
      ["preview-report", flagsOf(previewReportCommand.usage)],
      ["drift", flagsOf(driftCommand.usage)],
      ["fleet-report", flagsOf(fleetReportCommand.usage)],
    ];
    for (const [name, known] of calls) {
      const lines = runs.split("\n").filter((l) => l.includes(`partner-center ${name}`));
      assert.ok(lines.length > 0, `a workflow runs partner-center ${name}`);
      for (const line of lines)
        for (const flag of line.match(/--[a-z][a-z-]*/g) ?? []) assert.ok(known.has(flag), `${name} has no ${flag}`);
    }
    const scripts = steps(WORKFLOWS[0])
      .map((s) => s.with?.script ?? "")
      .join("\n");
    assert.ok(scripts.includes(`"${PREVIEW_MARKER}"`), "the preview workflow finds its comment by the report's marker");
    const drift = readFileSync(WORKFLOWS[1], "utf8");
    assert.match(drift, /exit == '0' \|\| steps\.drift\.outputs\.exit == '1' \|\| steps\.drift\.outputs\.exit == '2'/);
    assert.match(drift, /DRIFT_EXIT === "2"/);
  });

  it("the README explains every workflow", () => {
    const readme = readFileSync(join(DIR, "README.md"), "utf8");
    for (const f of WORKFLOWS.map((w) => basename(w))) assert.ok(readme.includes(`[${f}](${f})`), f);
  });
});
