// `partner-center preview-report`: turns `pulumi preview --json` into a Markdown pull-request comment listing,
// per customer and resource, each property's old and new value (the engine gives dynamic resources no property
// diff, so it is built here), secrets masked, `__provider` left out, within GitHub's comment size limit.
// Choice: the exit code is 0 whenever a report was written, also for a failed preview (the comment shows the
// errors; the workflow fails on `pulumi preview`'s own exit code). 1 means the input could not be read or an output
// could not be written.
// Choice: --seats (or --fail-on-seat-shortfall) reads each affected customer's subscribed SKUs, with the settings
// `export` takes, and adds the Seats section; a shortfall then exits 3 with --fail-on-seat-shortfall.
// Choice: --out and --json take file names; an existing folder there is a usage error (exit 2) checked before
// anything is read or written, rather than a guessed file name inside it.
import { readFileSync, statSync, writeFileSync } from "fs";
import { join } from "path";
import { parse, UsageError, type Command, type Io } from "./command-kit";
import { GITHUB_COMMENT_LIMIT, MIN_MAX_CHARS } from "./report/markdown";
import { buildPreviewReport, parsePreviewJson } from "./report/preview-digest";
import { renderPreviewMarkdown, summaryLine } from "./report/preview-markdown";
import { seatsMarkdown, seatsReport, type SeatsReport } from "./report/seats";
import { clientFromSettings, SETTING_OPTIONS, SETTINGS_USAGE } from "./lookup/settings";

/** The exit code of --fail-on-seat-shortfall when the plan needs more seats than are free. */
export const SEAT_SHORTFALL_EXIT = 3;

export const previewReportCommand: Command = {
  summary: "turn `pulumi preview --json` into a Markdown pull-request comment (property old/new, secrets masked)",
  usage: [
    "partner-center preview-report [--in FILE] [--out FILE] [--json FILE] [--max-chars N] [--title TEXT] [--seats]",
    "                              [--fail-on-seat-shortfall] [settings]",
    "",
    "  --in FILE        the output of `pulumi preview --json` (default: standard input)",
    "  --out FILE       write the Markdown comment here (default: standard output)",
    "  --json FILE      also write the whole report as JSON (secrets masked, never shortened)",
    `  --max-chars N    size limit of the Markdown (default ${GITHUB_COMMENT_LIMIT}, GitHub's comment limit)`,
    '  --title TEXT     heading of the comment (default "Partner Center preview")',
    "  --seats          add a Seats section: per customer and SKU, free seats now, planned +/-, after the change",
    `  --fail-on-seat-shortfall  the Seats section, and exit ${SEAT_SHORTFALL_EXIT} when a customer lacks seats (blocks a merge)`,
    "",
    ...SETTINGS_USAGE.map((l) => l.replace("Settings (", "Settings for --seats (")),
    "",
    "Example: pulumi preview --json > preview.json; partner-center preview-report --in preview.json --out comment.md",
  ].join("\n"),
  async run(argv, io) {
    const values = parse(argv, {
      in: { type: "string" },
      out: { type: "string" },
      json: { type: "string" },
      "max-chars": { type: "string" },
      title: { type: "string" },
      seats: { type: "boolean" },
      "fail-on-seat-shortfall": { type: "boolean" },
      ...SETTING_OPTIONS,
    });
    const maxChars = values["max-chars"] === undefined ? GITHUB_COMMENT_LIMIT : Number(values["max-chars"]);
    if (!Number.isInteger(maxChars) || maxChars < MIN_MAX_CHARS) {
      throw new UsageError(
        `--max-chars must be a whole number of at least ${MIN_MAX_CHARS}, got '${values["max-chars"]}'`,
      );
    }
    refuseFolder("--out", values.out, "comment.md");
    refuseFolder("--json", values.json, "preview-report.json");
    const source = values.in === undefined || values.in === "-" ? "standard input" : values.in;
    let text: string;
    try {
      text = readFileSync(source === "standard input" ? 0 : source, "utf8");
    } catch (e) {
      io.err(
        `partner-center preview-report: cannot read ${source}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}. ` +
          "Fix: pass --in with the file written by `pulumi preview --json > preview.json`.",
      );
      return 1;
    }
    let report;
    let digest;
    try {
      digest = parsePreviewJson(text, source);
      report = buildPreviewReport(digest);
    } catch (e) {
      io.err(`partner-center preview-report: ${(e as Error).message}`);
      return 1;
    }
    let seats: SeatsReport | undefined;
    if (values.seats || values["fail-on-seat-shortfall"])
      seats = await seatsReport(digest, await clientFromSettings(values));
    const seatsText = seats ? seatsMarkdown(seats) : "";
    const rendered = renderPreviewMarkdown(report, {
      maxChars: seatsText ? Math.max(MIN_MAX_CHARS, maxChars - seatsText.length - 2) : maxChars,
      title: values.title,
    });
    const markdown = seatsText
      ? { ...rendered, text: `${rendered.text.replace(/\n*$/, "")}\n\n${seatsText}\n` }
      : rendered;
    const shortfall = (seats?.rows ?? []).filter((r) => r.shortfall > 0);
    if (values.out && !writeOutput(io, values.out, "the comment", markdown.text)) return 1;
    if (!values.out) io.out(markdown.text);
    const json = seats ? { ...report, seats } : report;
    if (values.json && !writeOutput(io, values.json, "the JSON report", `${JSON.stringify(json, null, 2)}\n`)) return 1;
    if (values.out) {
      io.err(
        `preview-report: ${summaryLine(report.counts)}; ${markdown.text.length} characters${markdown.truncated ? " (shortened to fit)" : ""} -> ${values.out}`,
      );
    }
    for (const r of shortfall)
      io.err(
        `seat shortfall: customer ${r.customerId} needs ${r.shortfall} more seat(s) of ${r.skuPartNumber ?? r.skuId ?? "a SKU"} (${r.availableNow} free, ${r.planned} planned)`,
      );
    return shortfall.length > 0 && values["fail-on-seat-shortfall"] ? SEAT_SHORTFALL_EXIT : 0;
  },
};

function refuseFolder(flag: string, target: string | undefined, example: string): void {
  if (target === undefined || !statSync(target, { throwIfNoEntry: false })?.isDirectory()) return;
  throw new UsageError(
    `${flag} ${target} is a folder, but ${flag} takes a file name. Fix: ${flag} ${join(target, example)}`,
  );
}

function writeOutput(io: Io, file: string, what: string, text: string): boolean {
  try {
    writeFileSync(file, text);
    return true;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
    io.err(
      `partner-center preview-report: cannot write ${what} to ${file}: ${code}. Fix: give a file in a folder that exists and that you can write to`,
    );
    return false;
  }
}
