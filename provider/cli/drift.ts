// `partner-center drift`: a refresh preview of a stack through the Pulumi Automation API (nothing is changed),
// written as Markdown and JSON: drift (a property changed, an object removed) apart from objects that could not be
// read (errors). Exit code: 0 no drift, 2 drift, 1 error (an unreadable object, a failed refresh, bad setup).
// Choice: a bad flag exits 1 (with the usage), not 2 as for other commands, because 2 means "drift found".
// Choice: the reports go to --out DIR as drift-report.md and drift-report.json (DIR is created); stdout gets a
// one-line summary, so a scheduled job's log stays short.
import { mkdirSync, writeFileSync } from "fs";
import { join, resolve } from "path";
import { parse, UsageError, type Command, type Io } from "./command-kit";
import { buildDriftReport, EXIT_ERROR } from "./report/drift-events";
import { driftSummary, renderDriftMarkdown } from "./report/drift-markdown";
import { refreshPreview } from "./report/drift-run";
import { DEFAULT_EXPIRING_DAYS } from "./report/gdap-expiry";
import { GITHUB_COMMENT_LIMIT, MIN_MAX_CHARS } from "./report/markdown";

export const DRIFT_MARKDOWN_FILE = "drift-report.md";
export const DRIFT_JSON_FILE = "drift-report.json";

export const driftCommand: Command & { checkStack(argv: string[], io: Io): Promise<number> } = {
  summary: "refresh preview of a stack as a Markdown and JSON drift report (exit 0 none, 2 drift, 1 error)",
  usage: [
    "partner-center drift --stack NAME [--cwd DIR] [--out DIR] [--max-chars N] [--parallel N]",
    "",
    "  --stack NAME     the stack to check (as in `pulumi stack ls`; org/project/stack for Pulumi Cloud)",
    "  --cwd DIR        the Pulumi project folder (holding Pulumi.yaml; default: the current folder)",
    `  --out DIR        where to write ${DRIFT_MARKDOWN_FILE} and ${DRIFT_JSON_FILE} (default: the current folder)`,
    `  --max-chars N    size limit of the Markdown (default ${GITHUB_COMMENT_LIMIT}, GitHub's issue/comment limit)`,
    "  --parallel N     resources read at once (default: the engine's)",
    `  --expiring-days N  warn about GDAP relationships ending within N days without auto-extend (default ${DEFAULT_EXPIRING_DAYS})`,
    "",
    "Uses your Pulumi CLI (`pulumi` on PATH), backend (PULUMI_BACKEND_URL or `pulumi login`) and secrets",
    "passphrase (PULUMI_CONFIG_PASSPHRASE[_FILE]); the provider's credentials come from the stack config as for `pulumi up`.",
    "Exit codes: 0 no drift, 2 drift found, 1 error (some object could not be read, the refresh failed, bad flags or setup).",
  ].join("\n"),
  async run(argv, io) {
    try {
      return await this.checkStack(argv, io);
    } catch (e) {
      if (!(e instanceof UsageError)) throw e;
      io.err(`partner-center drift: ${e.message}\n\n${this.usage}`);
      return EXIT_ERROR;
    }
  },
  async checkStack(argv: string[], io: Io): Promise<number> {
    const values = parse(argv, {
      stack: { type: "string" },
      cwd: { type: "string" },
      out: { type: "string" },
      "max-chars": { type: "string" },
      parallel: { type: "string" },
      "expiring-days": { type: "string" },
    });
    if (!values.stack)
      throw new UsageError("--stack NAME is required (the stack to check; `pulumi stack ls` lists them)");
    const maxChars = values["max-chars"] === undefined ? GITHUB_COMMENT_LIMIT : Number(values["max-chars"]);
    if (!Number.isInteger(maxChars) || maxChars < MIN_MAX_CHARS) {
      throw new UsageError(
        `--max-chars must be a whole number of at least ${MIN_MAX_CHARS}, got '${values["max-chars"]}'`,
      );
    }
    const parallel = values.parallel === undefined ? undefined : Number(values.parallel);
    if (parallel !== undefined && (!Number.isInteger(parallel) || parallel < 1))
      throw new UsageError(`--parallel must be a whole number of at least 1, got '${values.parallel}'`);
    const expiringWithinDays =
      values["expiring-days"] === undefined ? DEFAULT_EXPIRING_DAYS : Number(values["expiring-days"]);
    if (!Number.isInteger(expiringWithinDays) || expiringWithinDays < 0)
      throw new UsageError(`--expiring-days must be a whole number of days, got '${values["expiring-days"]}'`);
    const outDir = resolve(values.out ?? ".");

    let report;
    try {
      const run = await refreshPreview({ cwd: values.cwd ?? ".", stack: values.stack, parallel });
      report = buildDriftReport({ stack: values.stack, events: run.events, failure: run.failure, expiringWithinDays });
    } catch (e) {
      report = buildDriftReport({ stack: values.stack, events: [], failure: (e as Error).message });
    }
    const markdown = renderDriftMarkdown(report, { maxChars });
    try {
      mkdirSync(outDir, { recursive: true });
      writeFileSync(join(outDir, DRIFT_MARKDOWN_FILE), markdown.text);
      writeFileSync(join(outDir, DRIFT_JSON_FILE), `${JSON.stringify(report, null, 2)}\n`);
    } catch (e) {
      io.err(
        `partner-center drift: cannot write the reports to ${outDir}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}. Fix: pass a writable --out DIR`,
      );
      return EXIT_ERROR;
    }
    io.out(`drift ${values.stack}: ${report.result} — ${driftSummary(report)} (exit ${report.exitCode})`);
    for (const w of report.warnings) io.out(`  warning: ${w.ref.type} ${w.ref.name}: ${w.message}`);
    for (const e of report.errors.slice(0, 5))
      io.err(`  error: ${e.ref ? `${e.ref.type} ${e.ref.name}: ` : ""}${e.message.split("\n")[0]}`);
    io.out(`  reports: ${join(outDir, DRIFT_MARKDOWN_FILE)}, ${join(outDir, DRIFT_JSON_FILE)}`);
    return report.exitCode;
  },
};
