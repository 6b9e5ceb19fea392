// Markdown building blocks shared by the preview and drift reports, and fitting a report into a size limit
// (GitHub rejects comment and issue bodies over 65,536 characters) by trimming the largest resource sections first.
// Choice: when a report is too long every resource keeps its heading; its property rows are cut with a note
// saying how many were left out (water-filling: small sections stay whole, the biggest ones are cut). Only if the
// headings alone do not fit are the last resources dropped, with a line that counts them.
import type { PropertyChange } from "./property-changes";
import { groupByCustomer, type ResourceRef } from "./resources";
import type { ShownValue } from "./values";

/** GitHub's limit for an issue or pull-request comment body, in characters. */
export const GITHUB_COMMENT_LIMIT = 65_536;
/** The smallest --max-chars a report accepts (room for its headings and notes). */
export const MIN_MAX_CHARS = 2_000;

/** Inline code that survives any text: a fence longer than any backtick run inside; table pipes escaped. */
export function code(text: string): string {
  if (text === "") return "` `";
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((r) => r.length));
  const fence = "`".repeat(longest + 1);
  const pad = text.startsWith("`") || text.endsWith("`") ? " " : "";
  return `${fence}${pad}${oneLine(text)}${pad}${fence}`.replace(/\|/g, "\\|");
}

/** Plain text safe in a table cell or heading: one line, no HTML, no pipes. */
export function plain(text: string): string {
  return oneLine(text)
    .replace(/[<>]/g, (c) => (c === "<" ? "&lt;" : "&gt;"))
    .replace(/\|/g, "\\|");
}

function oneLine(text: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what it replaces
  return text.replace(/\r?\n/g, "⏎").replace(/[\u0000-\u001f]/g, " ");
}

export function cell(v: ShownValue): string {
  switch (v.kind) {
    case "absent":
      return "—";
    case "secret":
      return "*secret*";
    case "unknown":
      return "*(known after apply)*";
    case "value":
      return code(v.text);
  }
}

export const PROPERTY_TABLE_HEADER = "| property | old | new |\n|---|---|---|\n";

export function propertyRow(c: PropertyChange): string {
  const name = `${code(c.name)}${c.forcesReplacement ? " (forces replacement)" : ""}`;
  const after = c.secret && c.old.kind === "secret" && c.new.kind === "secret" ? "*secret (changed)*" : cell(c.new);
  return `| ${name} | ${cell(c.old)} | ${after} |\n`;
}

/** A resource named in a report: its type and name. */
export function refText(ref: Pick<ResourceRef, "type" | "name">): string {
  return `${code(ref.type)} ${code(ref.name)}`;
}

/** A resource named in a report, with its customer when it has one. */
export function refWithCustomer(ref: Pick<ResourceRef, "type" | "name" | "customerId">): string {
  return `${refText(ref)}${ref.customerId ? ` (customer ${code(ref.customerId)})` : ""}`;
}

/** One section per item, grouped under a heading per customer (`hashes` is the heading's level, e.g. "####"). */
export function customerSections<T extends { ref: ResourceRef }>(
  items: T[],
  hashes: string,
  section: (item: T, group: string) => Section,
): Section[] {
  const sections: Section[] = [];
  for (const g of groupByCustomer(items)) {
    const group = g.customerId ? `${hashes} Customer ${code(g.customerId)}\n\n` : `${hashes} Other resources\n\n`;
    for (const item of g.items) sections.push(section(item, group));
  }
  return sections;
}

/** A resource's block in a report: a heading, then rows (property table rows or lines), cut from the end. */
export interface Section {
  /** heading of the group (customer) this section belongs to; printed before the group's first section */
  group: string;
  heading: string;
  /** printed once before the first row (e.g. a table header) */
  rowsHeader: string;
  rows: string[];
  /** printed after the rows, even when they are cut */
  trailer?: string;
}

function renderSection(s: Section, rows: number): string {
  let text = s.heading;
  if (rows > 0) text += s.rowsHeader + s.rows.slice(0, rows).join("");
  if (rows < s.rows.length) {
    const left = s.rows.length - rows;
    text += `${rows > 0 ? "\n" : ""}_… ${left} more ${left === 1 ? "property" : "properties"} not shown (size limit); the JSON report has all of them._\n`;
  }
  return text + (s.trailer ?? "") + "\n";
}

function renderAll(
  prefix: string,
  sections: Section[],
  rows: number[],
  suffix: string,
  dropped: number,
  droppedLine: (n: number) => string,
): string {
  let text = prefix;
  let group: string | undefined;
  sections.forEach((s, i) => {
    if (s.group !== group) {
      text += s.group;
      group = s.group;
    }
    text += renderSection(s, rows[i]);
  });
  if (dropped > 0) text += droppedLine(dropped);
  return text + suffix;
}

export interface FitResult {
  text: string;
  truncated: boolean;
}

/**
 * Renders prefix + sections + suffix within `limit` characters (UTF-16 units, never fewer than code points).
 * `truncatedNote` is inserted after the prefix when anything was cut.
 */
export function fitSections(
  prefix: string,
  sections: Section[],
  suffix: string,
  limit: number,
  truncatedNote: string,
  droppedLine: (n: number) => string,
): FitResult {
  const full = renderAll(
    prefix,
    sections,
    sections.map((s) => s.rows.length),
    suffix,
    0,
    droppedLine,
  );
  if (full.length <= limit) return { text: full, truncated: false };

  const head = prefix + truncatedNote;
  let kept = sections.length;
  const groupCost = (n: number) =>
    sections
      .slice(0, n)
      .reduce((sum, s, i) => sum + (i === 0 || sections[i - 1].group !== s.group ? s.group.length : 0), 0);
  const minimal = sections.map((s) => renderSection(s, 0).length);
  const fullCost = sections.map((s) => renderSection(s, s.rows.length).length);
  const fixed = (n: number) =>
    head.length + suffix.length + groupCost(n) + (n < sections.length ? droppedLine(sections.length - n).length : 0);
  let minimalSum = minimal.reduce((a, b) => a + b, 0);
  while (kept > 0 && fixed(kept) + minimalSum > limit) minimalSum -= minimal[--kept];

  // water-filling over what each section needs beyond its heading: the cheapest are served whole first, the
  // rest share what is left, so every kept heading fits and the sum never passes the limit
  let extra = limit - fixed(kept) - minimalSum;
  const order = [...Array(kept).keys()].sort((a, b) => fullCost[a] - minimal[a] - (fullCost[b] - minimal[b]));
  const rows = sections.map((s) => s.rows.length);
  order.forEach((index, position) => {
    const share = Math.floor(extra / (order.length - position));
    let n = sections[index].rows.length;
    while (n > 0 && renderSection(sections[index], n).length - minimal[index] > share) n--;
    rows[index] = n;
    extra -= renderSection(sections[index], n).length - minimal[index];
  });
  const text = renderAll(head, sections.slice(0, kept), rows, suffix, sections.length - kept, droppedLine);
  if (text.length > limit)
    throw new Error(`report fitting failed: ${text.length} > ${limit} characters (a bug; please report it)`);
  return { text, truncated: true };
}
