// The pull-request comment for a preview: a summary line, then per customer each resource to create, update,
// replace or delete with a table of its properties' old and new values, within GitHub's comment size limit.
import {
  code,
  customerSections,
  fitSections,
  GITHUB_COMMENT_LIMIT,
  plain,
  PROPERTY_TABLE_HEADER,
  propertyRow,
  refText,
  type Section,
} from "./markdown";
import type { ChangeOp, PreviewReport, ResourceChange } from "./preview-digest";

/** First line of every preview comment: workflows find their earlier comment by it and edit it. */
export const PREVIEW_MARKER = "<!-- partner-center:preview-report -->";

const VERB: Record<ChangeOp, string> = { create: "create", update: "update", replace: "replace", delete: "delete" };
const SYMBOL: Record<ChangeOp, string> = { create: "+", update: "~", replace: "+-", delete: "-" };

export function summaryLine(counts: Record<string, number>): string {
  const parts = (["create", "update", "replace", "delete"] as const)
    .filter((op) => counts[op])
    .map((op) => `${counts[op]} to ${VERB[op]}`);
  const same = counts.same ? `${counts.same} unchanged` : "";
  if (parts.length === 0) return `No changes${same ? ` (${same})` : ""}`;
  return parts.join(", ") + (same ? `; ${same}` : "");
}

function section(r: ResourceChange, group: string): Section {
  const heading = `**${SYMBOL[r.op]} ${VERB[r.op]}** ${refText(r.ref)}\n\n`;
  let trailer = "";
  if (r.changes.length === 0) {
    trailer = r.uncomparedSecrets.length
      ? `_Only secret values may change (${r.uncomparedSecrets.map(code).join(", ")}); they are not shown._\n`
      : "_No input changed; the provider asked for this change (see `pulumi preview --diff`)._\n";
  } else if (r.uncomparedSecrets.length) {
    trailer = `\n_Secret values not compared: ${r.uncomparedSecrets.map(code).join(", ")}._\n`;
  }
  return { group, heading, rowsHeader: PROPERTY_TABLE_HEADER, rows: r.changes.map(propertyRow), trailer };
}

export function renderPreviewMarkdown(
  report: PreviewReport,
  opts: { maxChars?: number; title?: string } = {},
): { text: string; truncated: boolean } {
  const limit = opts.maxChars ?? GITHUB_COMMENT_LIMIT;
  const title = opts.title ?? "Partner Center preview";
  const where = report.stack ? ` for stack ${code(report.stack)}` : "";
  let prefix = `${PREVIEW_MARKER}\n### ${plain(title)}${where}\n\n**${summaryLine(report.counts)}**\n\n`;
  if (report.errors.length) {
    prefix += `> [!CAUTION]\n> The preview failed: ${report.errors.length} error${report.errors.length === 1 ? "" : "s"}.\n\n`;
    for (const e of report.errors.slice(0, 10)) {
      prefix += `- ${e.ref ? `${refText(e.ref)}: ` : ""}${plain(e.message.slice(0, 500))}\n`;
    }
    prefix += "\n";
  }
  const sections = customerSections(report.resources, "####", section);
  const suffix =
    "<sub>Secrets are masked; the serialized provider is left out. Made by `partner-center preview-report`.</sub>\n";
  const note =
    "> [!NOTE]\n> This comment was shortened to fit GitHub's size limit; the report written with `--json` (a job artifact) has every property.\n\n";
  return fitSections(
    prefix,
    sections,
    suffix,
    limit,
    note,
    (n) => `_… and ${n} more resource${n === 1 ? "" : "s"} not shown (size limit)._\n\n`,
  );
}
