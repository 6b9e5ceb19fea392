// A plain-text table for people: a header, a rule, one line per row, columns padded to their widest cell.
export interface Column<T> {
  header: string;
  value(row: T): string | number | boolean | null | undefined;
}

export function renderTable<T>(columns: Column<T>[], rows: T[]): string[] {
  const cells = rows.map((row) => columns.map((c) => cellText(c.value(row))));
  const widths = columns.map((c, i) => Math.max(c.header.length, ...cells.map((r) => r[i].length)));
  const line = (texts: string[]) =>
    texts
      .map((t, i) => (i === texts.length - 1 ? t : t.padEnd(widths[i])))
      .join("  ")
      .trimEnd();
  return [line(columns.map((c) => c.header)), line(widths.map((w) => "-".repeat(w))), ...cells.map(line)];
}

function cellText(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined || value === "") return "-";
  return String(value).replace(/\s+/g, " ");
}
