// `partner-center fleet-report DIR`: the summary of a fleet's drift reports (statuses, counts, last run, masking,
// escaping) and the errors for a folder that holds no report, a file that is not JSON or not a drift report.
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join, resolve } from "path";
import { main, type Io } from "../../../provider/cli/main";
import type { FleetSummary } from "../../../provider/cli/report/fleet-summary";
import { fleetReports, HOSTILE_NAME, PLANTED_SECRET, writeFleet } from "./fleet-fixtures";

function capture(): Io & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return {
    stdout,
    stderr,
    out: (l) => stdout.push(l),
    err: (l) => stderr.push(l),
    waitForStop: () => new Promise(() => undefined),
  };
}

describe("partner-center fleet-report", () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), "pc-fleet-"))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("summarises every stack with its status, the counts and the last run time", async () => {
    writeFleet(join(dir, "in"), fleetReports(6));
    const io = capture();
    const code = await main(
      ["fleet-report", join(dir, "in"), "--out", join(dir, "out/index.html"), "--json", join(dir, "out/fleet.json")],
      io,
    );
    assert.equal(code, 0, io.stderr.join("\n"));
    const s = JSON.parse(readFileSync(join(dir, "out/fleet.json"), "utf8")) as FleetSummary;
    assert.deepEqual(s.counts, {
      customers: 6,
      gdapExpiring: 1,
      "could-not-read": 1,
      drift: 1,
      "gdap-expiring": 1,
      "in-sync": 3,
    });
    assert.deepEqual(
      s.rows.slice(0, 3).map((r) => [r.customer, r.status]),
      [
        ["fabrikam.onmicrosoft.com", "could-not-read"],
        ["contoso.onmicrosoft.com", "drift"],
        ["adatum.onmicrosoft.com", "gdap-expiring"],
      ],
    );
    assert.equal(s.lastRun, "2026-12-01T03:18:00.000Z");
    assert.match(io.stdout[0], /6 customers: 3 in sync, 1 drift, 1 could not read, 1 GDAP expiring/);
    const contoso = s.rows.find((r) => r.status === "drift");
    assert.ok(contoso);
    assert.deepEqual(
      contoso.drift[0].changes.map((c) => [c.name, c.old.kind, c.new.kind]),
      [
        ["displayName", "value", "value"],
        ["usageLocation", "value", "value"],
      ],
    );
  });

  it("never writes a secret and escapes report text in the page", async () => {
    const reports = fleetReports(4);
    // a hand-edited report with a credential-named property in plain text: masked by name, as in the Markdown reports
    reports[0].drift[0].changes.push({
      name: "clientSecret",
      old: { kind: "value", text: PLANTED_SECRET },
      new: { kind: "absent" },
    });
    writeFleet(dir, reports);
    const out = join(dir, "out");
    assert.equal(
      await main(["fleet-report", dir, "--out", join(out, "p.html"), "--json", join(out, "s.json")], capture()),
      0,
    );
    const html = readFileSync(join(out, "p.html"), "utf8");
    const json = readFileSync(join(out, "s.json"), "utf8");
    assert.ok(json.includes("clientSecret"), "the planted property is in the summary");
    assert.ok(!html.includes(PLANTED_SECRET) && !json.includes(PLANTED_SECRET), "the planted secret is nowhere");
    assert.ok(!html.includes(HOSTILE_NAME), "report text is escaped");
    assert.ok(html.includes("&lt;img src=x onerror=&quot;alert(1)&quot;&gt;"));
    assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'sha256-/);
    assert.doesNotMatch(html, /https?:\/\//, "no network address in the page");
  });

  it("keeps the newest report of a stack and lists the older one as superseded", async () => {
    const [older] = fleetReports(4);
    const [newer] = fleetReports(4, new Date("2026-12-02T03:17:00Z"));
    writeFleet(join(dir, "night1"), [older]);
    writeFleet(join(dir, "night2"), [newer]);
    assert.equal(
      await main(["fleet-report", dir, "--out", join(dir, "p.html"), "--json", join(dir, "s.json")], capture()),
      0,
    );
    const s = JSON.parse(readFileSync(join(dir, "s.json"), "utf8")) as FleetSummary;
    assert.equal(s.rows.length, 1);
    assert.equal(s.rows[0].checkedAt, "2026-12-02T03:17:00.000Z");
    assert.deepEqual(
      s.superseded.map((x) => x.file),
      [join("night1", `partner-center-drift-${older.stack}`, "drift-report.json")],
    );
    // its own outputs under DIR are not read back on a second run
    assert.equal(
      await main(["fleet-report", dir, "--out", join(dir, "p.html"), "--json", join(dir, "s.json")], capture()),
      0,
    );
  });

  it("names the file and the fix for an empty folder, a file that is not JSON, and one that is not a drift report", async () => {
    const cases: Array<[string, (d: string) => void, RegExp]> = [
      ["empty", () => undefined, /no drift report \(\*\.json\) under .*Fix: download the drift jobs' artifacts/],
      [
        "not JSON",
        (d) => writeFileSync(join(d, "drift-report.json"), "# Partner Center drift report\n"),
        /drift-report\.json is not JSON .*Fix: give the drift-report\.json written by `partner-center drift`/,
      ],
      [
        "wrong shape",
        (d) => writeFileSync(join(d, "other.json"), JSON.stringify({ ...fleetReports(4)[0], counts: { inSync: "3" } })),
        /other\.json is not a drift report: field counts\.resources: .*Fix:/,
      ],
    ];
    for (const [name, setUp, message] of cases) {
      const d = join(dir, name.replace(/ /g, "-"));
      mkdirSync(d);
      setUp(d);
      const io = capture();
      const code = await main(["fleet-report", d, "--out", join(dir, "p.html"), "--json", join(dir, "s.json")], io);
      assert.equal(code, 1, name);
      assert.match(io.stderr.join("\n"), message, name);
    }
    const io = capture();
    assert.equal(await main(["fleet-report", join(dir, "missing")], io), 1);
    assert.match(io.stderr.join("\n"), /cannot read the folder .*missing: ENOENT\. Fix:/);
    const usage = capture();
    assert.equal(await main(["fleet-report"], usage), 2);
    assert.match(usage.stderr.join("\n"), /DIR is required/);
  });

  it("runs the command docs/fleet.md tells a user to type, verbatim", async () => {
    const docs = readFileSync(resolve(__dirname, "../../../docs/fleet.md"), "utf8");
    const line = docs.split("\n").find((l) => l.startsWith("npx partner-center fleet-report "));
    assert.ok(line, "docs/fleet.md shows the command");
    const [dirArg] = line.replace("npx partner-center fleet-report ", "").split(" ");
    writeFleet(join(dir, dirArg), fleetReports(5));
    const before = process.cwd();
    process.chdir(dir);
    try {
      const io = capture();
      assert.equal(await main(line.replace("npx partner-center ", "").split(" "), io), 0, io.stderr.join("\n"));
    } finally {
      process.chdir(before);
    }
    const s = JSON.parse(readFileSync(join(dir, "fleet", "fleet-report.json"), "utf8")) as FleetSummary;
    assert.equal(s.counts.customers, 5);
    assert.match(readFileSync(join(dir, "fleet", "index.html"), "utf8"), /^<!DOCTYPE html>/);
  });

  it("counts the reports read on a terminal, and stays quiet in CI or when not a terminal", async () => {
    writeFleet(join(dir, "in"), fleetReports(300));
    const args = ["fleet-report", join(dir, "in"), "--out", join(dir, "p.html"), "--json", join(dir, "s.json")];
    const stderr = process.stderr as NodeJS.WriteStream & { isTTY: boolean };
    const saved = { isTTY: stderr.isTTY, write: stderr.write.bind(stderr), ci: process.env.CI };
    const written: string[] = [];
    const runWith = async (tty: boolean, ci: string | undefined) => {
      written.length = 0;
      stderr.isTTY = tty;
      if (ci === undefined) delete process.env.CI;
      else process.env.CI = ci;
      stderr.write = (chunk: string | Uint8Array) => written.push(String(chunk)) > 0;
      try {
        assert.equal(await main(args, capture()), 0);
      } finally {
        stderr.write = saved.write;
        stderr.isTTY = saved.isTTY;
        if (saved.ci === undefined) delete process.env.CI;
        else process.env.CI = saved.ci;
      }
      return written.join("");
    };
    const terminal = await runWith(true, undefined);
    assert.match(terminal, /\rdrift reports read \(of 300\): 1(?!\d)/);
    assert.match(terminal, /\rdrift reports read \(of 300\): 300\n$/);
    assert.equal(await runWith(true, "true"), "");
    assert.equal(await runWith(false, undefined), "");
  });
});
