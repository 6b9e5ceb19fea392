// `partner-center preview-report`: turns `pulumi preview --json` into a Markdown pull-request comment listing,
// per customer and resource, each property's old and new value (the engine gives dynamic resources no property
// diff, so it is built here), secrets masked, `__provider` left out, within GitHub's comment size limit.
// Choice: the exit code is 0 whenever a report was written, also for a failed preview (the comment shows the
// errors; the workflow fails on `pulumi preview`'s own exit code). 1 means the input could not be read.
import { readFileSync, writeFileSync } from "fs";
import { parse, UsageError, type Command } from "./command-kit";
import { GITHUB_COMMENT_LIMIT, MIN_MAX_CHARS } from "./report/markdown";
import { buildPreviewReport, parsePreviewJson } from "./report/preview-digest";
import { renderPreviewMarkdown, summaryLine } from "./report/preview-markdown";

export const previewReportCommand: Command = {
  summary: "turn `pulumi preview --json` into a Markdown pull-request comment (property old/new, secrets masked)",
  usage: [
    "partner-center preview-report [--in FILE] [--out FILE] [--json FILE] [--max-chars N] [--title TEXT]",
    "",
    "  --in FILE        the output of `pulumi preview --json` (default: standard input)",
    "  --out FILE       write the Markdown comment here (default: standard output)",
    "  --json FILE      also write the whole report as JSON (secrets masked, never shortened)",
    `  --max-chars N    size limit of the Markdown (default ${GITHUB_COMMENT_LIMIT}, GitHub's comment limit)`,
    '  --title TEXT     heading of the comment (default "Partner Center preview")',
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
    });
    const maxChars = values["max-chars"] === undefined ? GITHUB_COMMENT_LIMIT : Number(values["max-chars"]);
    if (!Number.isInteger(maxChars) || maxChars < MIN_MAX_CHARS) {
      throw new UsageError(
        `--max-chars must be a whole number of at least ${MIN_MAX_CHARS}, got '${values["max-chars"]}'`,
      );
    }
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
    try {
      report = buildPreviewReport(parsePreviewJson(text, source));
    } catch (e) {
      io.err(`partner-center preview-report: ${(e as Error).message}`);
      return 1;
    }
    const markdown = renderPreviewMarkdown(report, { maxChars, title: values.title });
    if (values.out) writeFileSync(values.out, markdown.text);
    else io.out(markdown.text);
    if (values.json) writeFileSync(values.json, `${JSON.stringify(report, null, 2)}\n`);
    if (values.out) {
      io.err(
        `preview-report: ${summaryLine(report.counts)}; ${markdown.text.length} characters${markdown.truncated ? " (shortened to fit)" : ""} -> ${values.out}`,
      );
    }
    return 0;
  },
};
