// Live customer -> tenant spec: what `partner-center export` writes. Every section reads its part of the customer
// through the client (sections/*.ts `export`), the result is rendered as YAML with `adopt: true`, and the text is
// parsed back through the loader before it is returned, so an export is always a valid spec.
// Choice: `customer:` is the tenant id (stable, needs no lookup at each run); the initial domain names the file and
// the company name is the description. No timestamp or version goes into the file, so exporting an unchanged
// customer twice gives the same bytes.
// Choice: a section whose read fails stops the export (the error names the section); nothing is left out silently.

import { Document, isMap, isScalar } from "yaml";
import type { CloudName, PartnerCenterClient } from "../client";
import { isNotFound } from "../resources/kit/errors";
import { resolveCustomerId } from "./customer-ref";
import { parseTenantSpec } from "./loader";
import { formatProblem } from "./problems";
import { SPEC_VERSION } from "./schema";
import { SECTIONS } from "./sections";

export interface ExportOptions {
  /** The configured partner tenant id (the default grantor of self-serve policies). */
  partnerTenantId: string;
  cloud?: CloudName;
  /** Written as the `$schema` of the yaml-language-server comment (a path relative to the file, or a URL). */
  schemaRef?: string;
  /** What the export had to leave out (default: dropped). */
  warn?: (message: string) => void;
  /** After each section: the objects read so far (a list counts its entries), the sections done and their number. */
  progress?: (objectsRead: number, sectionsDone: number, sections: number) => void;
}

export interface ExportedTenant {
  customerId: string;
  /** The customer's initial domain (e.g. contoso.onmicrosoft.com); the file is named after it. */
  domain: string;
  companyName?: string;
  spec: Record<string, unknown>;
  /** The YAML file's text. */
  text: string;
}

export async function exportTenant(
  client: PartnerCenterClient,
  customer: string,
  opts: ExportOptions,
): Promise<ExportedTenant> {
  const customerId = await resolveCustomerId(client, customer);
  let record: Awaited<ReturnType<PartnerCenterClient["customers"]["get"]>>;
  try {
    record = await client.customers.get(customerId);
  } catch (e) {
    if (!isNotFound(e)) throw e;
    throw new Error(
      `${customer} is not a customer of this partner (Partner Center answered 404). Fix: check the tenant id, or give the customer's initial domain (e.g. contoso.onmicrosoft.com)`,
      { cause: e },
    );
  }
  const domain = (record.companyProfile?.domain ?? customerId).toLowerCase();
  const companyName = record.companyProfile?.companyName ?? undefined;
  const spec: Record<string, unknown> = { apiVersion: SPEC_VERSION, customer: customerId };
  if (companyName) spec.description = companyName;
  spec.adopt = true;
  const ctx = {
    client,
    customerId,
    partnerTenantId: opts.partnerTenantId,
    cloud: opts.cloud ?? "global",
    warn: opts.warn ?? (() => {}),
  } as const;
  let objectsRead = 0;
  for (const [index, section] of SECTIONS.entries()) {
    let value: unknown;
    try {
      value = await section.export(ctx);
    } catch (e) {
      throw new Error(
        `reading the ${section.key} of customer ${customerId} failed, so nothing was written: ${(e as Error).message}`,
        { cause: e },
      );
    }
    if (value !== undefined) spec[section.key] = value;
    objectsRead += Array.isArray(value) ? value.length : value === undefined ? 0 : 1;
    opts.progress?.(objectsRead, index + 1, SECTIONS.length);
  }
  const text = renderTenantSpec(spec, { domain, companyName, schemaRef: opts.schemaRef });
  const check = parseTenantSpec(text, `${domain}.yaml`);
  if (check.problems.length > 0) {
    throw new Error(
      `the exported spec of customer ${customerId} does not validate (the live customer holds something the spec cannot express):\n${check.problems.map((p) => `  ${formatProblem(p)}`).join("\n")}`,
    );
  }
  return { customerId, domain, companyName, spec, text };
}

/** The YAML text: a header comment, then the keys in spec order with a blank line before each section. */
export function renderTenantSpec(
  spec: Record<string, unknown>,
  about: { domain: string; companyName?: string; schemaRef?: string },
): string {
  const doc = new Document(spec);
  const header = [
    ...(about.schemaRef ? [` yaml-language-server: $schema=${about.schemaRef}`] : []),
    ` ${about.companyName ? `${about.companyName} (${about.domain})` : about.domain}, exported by \`partner-center export\`.`,
    " adopt: true makes the first `pulumi up` take over every object below instead of creating it. See docs/gitops.md.",
  ];
  doc.commentBefore = header.join("\n");
  const sectionKeys = new Set(SECTIONS.map((s) => s.key));
  if (isMap(doc.contents)) {
    for (const pair of doc.contents.items) {
      if (isScalar(pair.key) && sectionKeys.has(String(pair.key.value))) pair.key.spaceBefore = true;
    }
  }
  return doc.toString({ lineWidth: 0, indentSeq: true });
}
