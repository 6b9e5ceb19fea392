// The fleet summary: every drift report JSON under a folder (one per stack, as the fleet workflow downloads its
// artifacts) read, checked and reduced to one row per customer stack with its status, counts and details.
// Choice: a row is a stack (one stack per customer, or per group folder); its customer is the stack name without the
// workflow's `tenant-` prefix, and the customer ids named in the report are listed beside it.
// Choice: one status per row, the worst first: could not read (the report has errors) > drift > GDAP expiring (only
// warnings) > in sync; `gdapExpiring` counts every row with an expiry warning, whatever its status.
// Choice: two reports of the same stack (artifacts of several nights in one folder): the newest checkedAt is kept and
// the older files are listed in the summary as `superseded`, never dropped silently.
// Choice: every `*.json` file under DIR is read (subfolders too), except the command's own outputs; one that is not a
// drift report stops the command with the file and the fix, so a broken artifact never hides a customer.
import { readdirSync, readFileSync } from "fs";
import { join, relative, resolve } from "path";
import { z } from "zod";
import type { DriftReport } from "./drift-events";
import { SECRET_NAME, scrubText, type ShownValue } from "./values";

export type FleetStatus = "could-not-read" | "drift" | "gdap-expiring" | "in-sync";

export const STATUS_LABEL: Readonly<Record<FleetStatus, string>> = {
  "could-not-read": "could not read",
  drift: "drift",
  "gdap-expiring": "GDAP expiring",
  "in-sync": "in sync",
};

const STATUS_ORDER: readonly FleetStatus[] = ["could-not-read", "drift", "gdap-expiring", "in-sync"];

export interface FleetChange {
  name: string;
  old: ShownValue;
  new: ShownValue;
  secret: boolean;
}

export interface FleetRow {
  stack: string;
  customer: string;
  customerIds: string[];
  project?: string;
  status: FleetStatus;
  checkedAt: string;
  file: string;
  counts: DriftReport["counts"];
  drift: Array<{
    type: string;
    name: string;
    customerId?: string;
    kind: "changed" | "removed";
    changes: FleetChange[];
  }>;
  errors: Array<{ type?: string; name?: string; customerId?: string; message: string }>;
  warnings: Array<{ type: string; name: string; customerId?: string; message: string; daysLeft: number }>;
}

export interface FleetSummary {
  generatedAt: string;
  /** the newest checkedAt of all reports */
  lastRun: string;
  counts: Record<FleetStatus, number> & { customers: number; gdapExpiring: number };
  rows: FleetRow[];
  superseded: Array<{ stack: string; file: string; checkedAt: string }>;
}

/** Thrown for a folder or file that cannot be summarised; the message names the file and the fix. */
export class FleetInputError extends Error {}

const shown = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("absent") }),
  z.object({ kind: z.literal("secret") }),
  z.object({ kind: z.literal("unknown") }),
  z.object({ kind: z.literal("value"), text: z.string() }),
]);
const ref = z.object({
  type: z.string(),
  name: z.string(),
  customerId: z.string().optional(),
  urn: z.string().optional(),
});
const count = z.number().int().nonnegative();
const driftReportSchema = z.object({
  stack: z.string().min(1),
  project: z.string().optional(),
  checkedAt: z.iso.datetime({ offset: true }),
  result: z.enum(["no-drift", "drift", "error"]),
  counts: z.object({
    resources: count,
    inSync: count,
    changed: count,
    removed: count,
    unreadable: count,
    errors: count,
  }),
  drift: z.array(
    z.object({
      ref,
      kind: z.enum(["changed", "removed"]),
      changes: z.array(z.object({ name: z.string(), old: shown, new: shown, secret: z.boolean().optional() })),
    }),
  ),
  errors: z.array(z.object({ ref: ref.optional(), message: z.string() })),
  warnings: z
    .array(z.object({ ref, message: z.string(), daysLeft: z.number() }))
    .optional()
    .default([]),
});

export const STACK_PREFIX = "tenant-";

/** Every `*.json` file under `dir`, sorted, as paths relative to `dir`. */
export function reportFiles(dir: string, exclude: readonly string[] = []): string[] {
  const root = resolve(dir);
  const skip = new Set(exclude.map((f) => resolve(f)));
  let entries;
  try {
    entries = readdirSync(root, { recursive: true, withFileTypes: true });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
    throw new FleetInputError(
      `cannot read the folder ${dir}: ${code}. Fix: pass the folder holding the drift reports (e.g. the fleet workflow's downloaded artifacts)`,
    );
  }
  const files = entries
    .filter((e) => e.isFile() && e.name.endsWith(".json"))
    // `parentPath` is Node >= 20.12; `path` the same value before (https://nodejs.org/api/fs.html#direntparentpath)
    .map((e) => join((e as { parentPath?: string }).parentPath ?? e.path, e.name))
    .filter((f) => !skip.has(resolve(f)))
    .map((f) => relative(root, f))
    .sort();
  if (files.length === 0)
    throw new FleetInputError(
      `no drift report (*.json) under ${dir}. Fix: download the drift jobs' artifacts there first (each holds the drift-report.json that \`partner-center drift --out DIR\` writes)`,
    );
  return files;
}

/** One drift report file, checked; errors name the file, the field and the fix. */
export function readDriftReport(dir: string, file: string): z.infer<typeof driftReportSchema> {
  const path = join(dir, file);
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (e) {
    throw new FleetInputError(`cannot read ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new FleetInputError(
      `${path} is not JSON (${(e as Error).message.replace(/\s+/g, " ")}). Fix: give the drift-report.json written by \`partner-center drift\`, or remove the file from the folder`,
    );
  }
  const parsed = driftReportSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue.path.length ? issue.path.join(".") : "(the whole file)";
    throw new FleetInputError(
      `${path} is not a drift report: field ${field}: ${issue.message}. Fix: give the drift-report.json written by \`partner-center drift\` (not the Markdown or another tool's JSON), or remove the file from the folder`,
    );
  }
  return parsed.data;
}

/** The masking of the Markdown reports, again: credential-named properties are never shown, free text is scrubbed. */
function maskChange(c: { name: string; old: ShownValue; new: ShownValue; secret?: boolean }): FleetChange {
  const secret = c.secret === true || SECRET_NAME.test(c.name);
  const mask = (v: ShownValue): ShownValue =>
    secret && v.kind === "value"
      ? { kind: "secret" }
      : v.kind === "value"
        ? { kind: "value", text: scrubText(v.text) }
        : v;
  return { name: c.name, old: mask(c.old), new: mask(c.new), secret };
}

function statusOf(r: z.infer<typeof driftReportSchema>): FleetStatus {
  if (r.result === "error") return "could-not-read";
  if (r.result === "drift") return "drift";
  return r.warnings.length > 0 ? "gdap-expiring" : "in-sync";
}

export function rowOf(file: string, r: z.infer<typeof driftReportSchema>): FleetRow {
  const customerIds = new Set<string>();
  for (const x of [...r.drift, ...r.errors, ...r.warnings]) if (x.ref?.customerId) customerIds.add(x.ref.customerId);
  return {
    stack: r.stack,
    customer: r.stack.startsWith(STACK_PREFIX) ? r.stack.slice(STACK_PREFIX.length) : r.stack,
    customerIds: [...customerIds].sort(),
    project: r.project,
    status: statusOf(r),
    checkedAt: r.checkedAt,
    file,
    counts: r.counts,
    drift: r.drift.map((d) => ({
      type: d.ref.type,
      name: d.ref.name,
      customerId: d.ref.customerId,
      kind: d.kind,
      changes: d.changes.map(maskChange),
    })),
    errors: r.errors.map((e) => ({
      type: e.ref?.type,
      name: e.ref?.name,
      customerId: e.ref?.customerId,
      message: scrubText(e.message),
    })),
    warnings: r.warnings.map((w) => ({
      type: w.ref.type,
      name: w.ref.name,
      customerId: w.ref.customerId,
      message: scrubText(w.message),
      daysLeft: w.daysLeft,
    })),
  };
}

export function summariseFleet(
  dir: string,
  opts: { exclude?: readonly string[]; now?: Date; onFile?: (done: number, total: number) => void } = {},
): FleetSummary {
  const files = reportFiles(dir, opts.exclude);
  const byStack = new Map<string, FleetRow>();
  const superseded: FleetSummary["superseded"] = [];
  files.forEach((file, i) => {
    const row = rowOf(file, readDriftReport(dir, file));
    const other = byStack.get(row.stack);
    if (other && Date.parse(other.checkedAt) >= Date.parse(row.checkedAt)) {
      superseded.push({ stack: row.stack, file: row.file, checkedAt: row.checkedAt });
    } else {
      if (other) superseded.push({ stack: other.stack, file: other.file, checkedAt: other.checkedAt });
      byStack.set(row.stack, row);
    }
    opts.onFile?.(i + 1, files.length);
  });
  const rows = [...byStack.values()].sort(
    (a, b) => STATUS_ORDER.indexOf(a.status) - STATUS_ORDER.indexOf(b.status) || a.customer.localeCompare(b.customer),
  );
  const counts = {
    customers: rows.length,
    gdapExpiring: rows.filter((r) => r.warnings.length > 0).length,
  } as FleetSummary["counts"];
  for (const s of STATUS_ORDER) counts[s] = rows.filter((r) => r.status === s).length;
  const lastRun = rows.reduce((m, r) => (Date.parse(r.checkedAt) > Date.parse(m) ? r.checkedAt : m), rows[0].checkedAt);
  return { generatedAt: (opts.now ?? new Date()).toISOString(), lastRun, counts, rows, superseded };
}
