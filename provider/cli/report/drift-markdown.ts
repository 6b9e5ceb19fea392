// The drift report as Markdown (an issue body or a job summary): what changed outside Pulumi, what is gone, and
// — apart from drift — what could not be read, per customer, within GitHub's size limit.
import type { DriftReport } from "./drift-events";
import {
  code,
  customerSections,
  fitSections,
  GITHUB_COMMENT_LIMIT,
  plain,
  PROPERTY_TABLE_HEADER,
  propertyRow,
  refText,
  refWithCustomer,
  type Section,
} from "./markdown";

export const DRIFT_MARKER = "<!-- partner-center:drift-report -->";

function headline(r: DriftReport): string {
  if (r.result === "no-drift") return "No drift: every resource matches Partner Center.";
  if (r.result === "drift") return "Drift found: Partner Center differs from the stack.";
  return r.counts.unreadable > 0
    ? "Some resources could not be read: the report is incomplete."
    : "The drift check failed: see the error below.";
}

function section(d: DriftReport["drift"][number], group: string): Section {
  const removed = d.kind === "removed";
  const heading = removed
    ? `**- removed** ${refText(d.ref)}: gone from Partner Center (\`pulumi up\` creates it again).\n\n`
    : `**~ changed** ${refText(d.ref)}: changed outside Pulumi (old = last state, new = Partner Center now).\n\n`;
  let trailer = "";
  if (!removed && d.changes.length === 0) {
    trailer = d.uncomparedSecrets.length
      ? `_Only secret values may differ (${d.uncomparedSecrets.map(code).join(", ")})._\n`
      : "_The provider reported a difference in normalized values._\n";
  }
  return { group, heading, rowsHeader: PROPERTY_TABLE_HEADER, rows: d.changes.map(propertyRow), trailer };
}

export function driftSummary(r: DriftReport): string {
  const c = r.counts;
  const failed = c.errors - c.unreadable;
  return (
    `${c.resources} resource${c.resources === 1 ? "" : "s"}: ${c.inSync} in sync, ${c.changed} changed, ${c.removed} removed, ${c.unreadable} could not be read` +
    (failed > 0 ? `; ${failed} other error${failed === 1 ? "" : "s"}` : "") +
    (r.warnings?.length ? `; ${r.warnings.length} warning${r.warnings.length === 1 ? "" : "s"}` : "")
  );
}

export function renderDriftMarkdown(
  report: DriftReport,
  opts: { maxChars?: number } = {},
): { text: string; truncated: boolean } {
  const limit = opts.maxChars ?? GITHUB_COMMENT_LIMIT;
  let prefix =
    `${DRIFT_MARKER}\n### Partner Center drift report for stack ${code(report.stack)}\n\n` +
    `**${headline(report)}** (exit code ${report.exitCode})\n\n${driftSummary(report)}; checked ${report.checkedAt}.\n\n`;
  if (report.errors.length) {
    prefix += report.counts.unreadable > 0 ? "#### Could not be read (errors, not drift)\n\n" : "#### Errors\n\n";
    for (const e of report.errors.slice(0, 50)) {
      const who = e.ref ? `${refWithCustomer(e.ref)}: ` : "";
      prefix += `- ${who}${plain(e.message.split("\n")[0].slice(0, 600))}\n`;
    }
    if (report.errors.length > 50) prefix += `- … and ${report.errors.length - 50} more (see the JSON report)\n`;
    prefix += "\n";
  }
  if (report.warnings?.length) {
    prefix += "#### Warnings (not drift)\n\n";
    for (const w of report.warnings) prefix += `- ${refWithCustomer(w.ref)}: ${plain(w.message)}\n`;
    prefix += "\n";
  }
  if (report.drift.length) prefix += "#### Drift\n\n";
  const sections = customerSections(report.drift, "#####", section);
  const suffix =
    "<sub>Secrets are masked. Made by `partner-center drift` (a refresh preview: nothing was changed).</sub>\n";
  const note = "> [!NOTE]\n> Shortened to fit GitHub's size limit; the JSON report has every property.\n\n";
  return fitSections(
    prefix,
    sections,
    suffix,
    limit,
    note,
    (n) => `_… and ${n} more drifted resource${n === 1 ? "" : "s"} not shown (size limit)._\n\n`,
  );
}
