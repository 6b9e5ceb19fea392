// The "Seats" section of the preview report: per customer and SKU, the seats the plan's license assignments take
// (creates +1, deletes -1, a replacement moves one seat from the old SKU to the new), against the seats Partner
// Center says are available now (each affected customer's subscribed SKUs, read once).
// Choice: an assignment whose customer or SKU is not known until apply (a customer created in the same run) is
// counted under "not known until apply" and never in a shortfall.
// https://learn.microsoft.com/partner-center/developer/license-resources
import type { PartnerCenterClient, SubscribedSku } from "../../client";
import { LicenseGroupSchema } from "../../client";
import { parseUrn } from "./resources";
import type { PreviewDigest } from "./preview-digest";
import { UNKNOWN } from "./values";

export interface SeatRow {
  customerId: string;
  skuId?: string;
  skuPartNumber?: string;
  name?: string;
  availableNow: number;
  planned: number;
  after: number;
  /** seats to buy before `pulumi up` (0 when it fits) */
  shortfall: number;
}

export interface SeatsReport {
  rows: SeatRow[];
  /** license assignments whose customer or SKU is only known after apply */
  unknown: number;
}

type Bag = Record<string, unknown>;
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const REPLACING = new Set(["replace", "create-replacement", "delete-replaced"]);

function skuOf(bag: Bag | undefined): { customerId: string; key: string } | undefined {
  const customerId = bag?.customerId;
  const skuId = bag?.skuId;
  const part = bag?.skuPartNumber;
  if (typeof customerId !== "string" || customerId === UNKNOWN || !GUID.test(customerId)) return undefined;
  if (typeof skuId === "string" && skuId !== UNKNOWN && GUID.test(skuId))
    return { customerId: customerId.toLowerCase(), key: skuId.toLowerCase() };
  if (typeof part === "string" && part !== UNKNOWN && /^[\w.-]+$/.test(part))
    return { customerId: customerId.toLowerCase(), key: `part:${part.toLowerCase()}` };
  return undefined;
}

/** customer id -> SKU key (`<sku id>` or `part:<part number>`) -> planned seat change, from the plan's steps. */
export function plannedSeats(digest: PreviewDigest): { planned: Map<string, Map<string, number>>; unknown: number } {
  const byUrn = new Map<string, { ops: Set<string>; old?: Bag; new?: Bag }>();
  for (const step of digest.steps ?? []) {
    if (parseUrn(step.urn).type !== "UserLicenseAssignment") continue;
    const entry = byUrn.get(step.urn) ?? { ops: new Set<string>() };
    entry.ops.add(step.op);
    entry.old ??= { ...(step.oldState?.outputs ?? {}), ...(step.oldState?.inputs ?? {}) };
    if (step.newState?.inputs) entry.new = step.newState.inputs;
    byUrn.set(step.urn, entry);
  }
  const planned = new Map<string, Map<string, number>>();
  let unknown = 0;
  const add = (bag: Bag | undefined, delta: number) => {
    const sku = skuOf(bag);
    if (!sku) {
      unknown++;
      return;
    }
    const perCustomer = planned.get(sku.customerId) ?? new Map<string, number>();
    perCustomer.set(sku.key, (perCustomer.get(sku.key) ?? 0) + delta);
    planned.set(sku.customerId, perCustomer);
  };
  for (const { ops, old, new: next } of byUrn.values()) {
    const replacing = [...ops].some((op) => REPLACING.has(op));
    if (ops.has("create") || replacing) add(next, +1);
    if (ops.has("delete") || replacing) add(old, -1);
  }
  return { planned, unknown };
}

/** Reads each affected customer's subscribed SKUs once and sets the plan against them. */
export async function seatsReport(digest: PreviewDigest, client: PartnerCenterClient): Promise<SeatsReport> {
  const { planned, unknown } = plannedSeats(digest);
  const rows: SeatRow[] = [];
  for (const [customerId, perSku] of [...planned].sort(([a], [b]) => a.localeCompare(b))) {
    const skus: SubscribedSku[] = await client.licenses
      .listSubscribedSkus(customerId, [...LicenseGroupSchema.options])
      .toArray();
    for (const [key, delta] of [...perSku].sort(([a], [b]) => a.localeCompare(b))) {
      const sku = skus.find((s) =>
        key.startsWith("part:")
          ? s.productSku.skuPartNumber?.toLowerCase() === key.slice(5)
          : s.productSku.id.toLowerCase() === key,
      );
      const availableNow = sku?.availableUnits ?? 0;
      const after = availableNow - delta;
      rows.push({
        customerId,
        skuId: sku?.productSku.id ?? (key.startsWith("part:") ? undefined : key),
        skuPartNumber: sku?.productSku.skuPartNumber ?? (key.startsWith("part:") ? key.slice(5) : undefined),
        name: sku?.productSku.name ?? undefined,
        availableNow,
        planned: delta,
        after,
        shortfall: Math.max(0, -after),
      });
    }
  }
  return { rows, unknown };
}

export function seatsMarkdown(report: SeatsReport): string {
  if (report.rows.length === 0 && report.unknown === 0) return "";
  const lines = ["### Seats", ""];
  const short = report.rows.filter((r) => r.shortfall > 0);
  for (const r of short)
    lines.push(
      `> [!WARNING]\n> Customer \`${r.customerId}\` needs **${r.shortfall} more seat${r.shortfall === 1 ? "" : "s"}** of ${r.skuPartNumber ?? r.skuId ?? "a SKU"}: buy them before \`pulumi up\`, or it fails partway.`,
      "",
    );
  if (report.rows.length > 0) {
    lines.push("| customer | SKU | available now | planned | after |", "|---|---|---:|---:|---:|");
    for (const r of report.rows)
      lines.push(
        `| \`${r.customerId}\` | ${r.skuPartNumber ?? r.skuId ?? "?"} | ${r.availableNow} | ${r.planned > 0 ? `+${r.planned}` : r.planned < 0 ? `−${-r.planned}` : "0"} | ${r.after}${r.shortfall > 0 ? " ⚠" : ""} |`,
      );
  }
  if (report.unknown > 0)
    lines.push(
      "",
      `${report.unknown} license assignment(s) with a customer or SKU not known until apply (not counted).`,
    );
  return lines.join("\n");
}
