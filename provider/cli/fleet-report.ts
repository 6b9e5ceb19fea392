// `partner-center fleet-report DIR`: every drift report JSON under DIR (one per customer stack, as the fleet
// workflow's drift jobs upload them) as one self-contained HTML page and one JSON summary.
// Choice: the outputs default to fleet-report.html and fleet-report.json in the current folder; they are never read
// back as input even when they lie under DIR. Exit 0 whenever the page was written (drift is on the page, not in the
// exit code), 1 for input that cannot be summarised or an output that cannot be written, 2 for bad flags.
import { mkdirSync, writeFileSync } from "fs";
import { dirname, resolve } from "path";
import { parseArgs } from "util";
import { UsageError, type Command, type Io } from "./command-kit";
import { progressWriter } from "./progress";
import { renderFleetHtml } from "./report/fleet-html";
import { FleetInputError, summariseFleet } from "./report/fleet-summary";

export const FLEET_HTML_FILE = "fleet-report.html";
export const FLEET_JSON_FILE = "fleet-report.json";

export const fleetReportCommand: Command = {
  summary: "one HTML page and a JSON summary of every customer stack's drift report (status, counts, details)",
  usage: [
    "partner-center fleet-report DIR [--out FILE] [--json FILE]",
    "",
    "  DIR           the folder holding the drift reports (drift-report.json, one per stack; subfolders are read too)",
    `  --out FILE    the HTML page (default: ${FLEET_HTML_FILE}); self-contained, opens in any browser offline`,
    `  --json FILE   the JSON summary (default: ${FLEET_JSON_FILE})`,
    "",
    "Example: partner-center fleet-report drift-reports --out fleet/index.html --json fleet/fleet-report.json",
  ].join("\n"),
  async run(argv: string[], io: Io): Promise<number> {
    let parsed;
    try {
      parsed = parseArgs({
        args: argv,
        options: { out: { type: "string" }, json: { type: "string" } },
        strict: true,
        allowPositionals: true,
      });
    } catch (e) {
      throw new UsageError((e as Error).message);
    }
    const [dir, ...extra] = parsed.positionals;
    if (!dir) throw new UsageError("DIR is required: the folder holding the drift reports (drift-report.json files)");
    if (extra.length)
      throw new UsageError(`one DIR only, got also '${extra.join(" ")}'. Fix: put every report under one folder`);
    const htmlFile = resolve(parsed.values.out ?? FLEET_HTML_FILE);
    const jsonFile = resolve(parsed.values.json ?? FLEET_JSON_FILE);
    if (htmlFile === jsonFile) throw new UsageError("--out and --json name the same file. Fix: give two file names");
    const progress = progressWriter();
    let summary;
    try {
      summary = summariseFleet(dir, {
        exclude: [htmlFile, jsonFile],
        onFile: (done, total) => progress(`drift reports read (of ${total})`, done, done === total),
      });
    } catch (e) {
      if (!(e instanceof FleetInputError)) throw e;
      io.err(`partner-center fleet-report: ${e.message}`);
      return 1;
    }
    for (const [file, text] of [
      [htmlFile, renderFleetHtml(summary)],
      [jsonFile, `${JSON.stringify(summary, null, 2)}\n`],
    ]) {
      try {
        mkdirSync(dirname(file), { recursive: true });
        writeFileSync(file, text);
      } catch (e) {
        io.err(
          `partner-center fleet-report: cannot write ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}. Fix: give a file name in a folder you can write to`,
        );
        return 1;
      }
    }
    const c = summary.counts;
    io.out(
      `fleet-report: ${c.customers} customer${c.customers === 1 ? "" : "s"}: ${c["in-sync"]} in sync, ${c.drift} drift, ${c["could-not-read"]} could not read, ${c["gdap-expiring"]} GDAP expiring; last run ${summary.lastRun}`,
    );
    io.out(`  page: ${htmlFile}, summary: ${jsonFile}`);
    return 0;
  },
};
