// The JSON that `pulumi preview --json` prints (a PreviewDigest: steps with oldState/newState), read into the
// per-customer, per-resource, per-property change list the pull-request comment shows.
// Choice: the "old" side of a property is the stored input (what the last reviewed spec said), falling back to
// the stored output; the "new" side is the new input. Computed outputs (ids, state) are not shown for updates.
// Choice: `create-replacement`/`delete-replaced` steps fold into one `replace` per URN; `same`, `read` and
// `refresh` steps, the stack and provider resources are counted but not listed.
import { z } from "zod";
import { propertyChanges, withoutCustomerId, type PropertyChange } from "./property-changes";
import { compareRefs, isUserResource, parseUrn, resourceRef, type ResourceRef } from "./resources";
import { scrubText, type Bag } from "./values";

const StateSchema = z
  .object({
    urn: z.string().optional(),
    type: z.string().optional(),
    id: z.string().optional(),
    inputs: z.record(z.string(), z.unknown()).nullish(),
    outputs: z.record(z.string(), z.unknown()).nullish(),
    additionalSecretOutputs: z.array(z.string()).nullish(),
  })
  .loose();

const StepSchema = z
  .object({
    op: z.string(),
    urn: z.string(),
    oldState: StateSchema.nullish(),
    newState: StateSchema.nullish(),
    replaceReasons: z.array(z.string()).nullish(),
    diffReasons: z.array(z.string()).nullish(),
  })
  .loose();

const DiagnosticSchema = z
  .object({
    urn: z.string().optional(),
    message: z.string().optional(),
    severity: z.string().optional(),
  })
  .loose();

export const PreviewDigestSchema = z
  .object({
    steps: z.array(StepSchema).nullish(),
    diagnostics: z.array(DiagnosticSchema).nullish(),
    changeSummary: z.record(z.string(), z.number()).nullish(),
  })
  .loose();
export type PreviewDigest = z.infer<typeof PreviewDigestSchema>;

export type ChangeOp = "create" | "update" | "replace" | "delete";

export interface ResourceChange {
  ref: ResourceRef;
  op: ChangeOp;
  changes: PropertyChange[];
  uncomparedSecrets: string[];
}

export interface PreviewReport {
  stack?: string;
  project?: string;
  resources: ResourceChange[];
  /** op -> count for the user's resources, including `same` */
  counts: Record<string, number>;
  /** error diagnostics the engine printed (scrubbed) */
  errors: Array<{ ref?: ResourceRef; message: string }>;
}

/** Parses the text of `pulumi preview --json`; a clear error says what was wrong and how to produce it. */
export function parsePreviewJson(text: string, source: string): PreviewDigest {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    const streamed = /^\s*\{[^\n]*"(sequence|timestamp)"/.test(text);
    // eslint-disable-next-line preserve-caught-error -- the message has the cause's; the cause would echo the input
    throw new Error(
      `${source} is not the JSON of \`pulumi preview --json\` (${(e as Error).message}). Fix: ` +
        (streamed
          ? "unset PULUMI_ENABLE_STREAMING_JSON_PREVIEW (its one-event-per-line output is not supported) and "
          : "") +
        "run `pulumi preview --json > preview.json` so that nothing else is written to that file.",
    );
  }
  const parsed = PreviewDigestSchema.safeParse(json);
  if (!parsed.success || !Array.isArray((json as { steps?: unknown }).steps)) {
    throw new Error(
      `${source} has no "steps" list, so it is not the output of \`pulumi preview --json\`. ` +
        "Fix: run `pulumi preview --json > preview.json` (not `pulumi up --json` or `pulumi stack export`).",
    );
  }
  return parsed.data;
}

const FOLDED: Record<string, ChangeOp | undefined> = {
  create: "create",
  update: "update",
  replace: "replace",
  delete: "delete",
  "create-replacement": "replace",
  "delete-replaced": "replace",
  "discard-replaced": "replace",
};

export function buildPreviewReport(digest: PreviewDigest): PreviewReport {
  const byUrn = new Map<string, ResourceChange>();
  const counts: Record<string, number> = {};
  let stack: string | undefined;
  let project: string | undefined;
  for (const step of digest.steps ?? []) {
    if (!stack) ({ stack, project } = parseUrn(step.urn));
    if (!isUserResource(step.urn)) continue;
    const op = FOLDED[step.op];
    if (!op) {
      if (!byUrn.has(step.urn)) counts[step.op] = (counts[step.op] ?? 0) + 1;
      continue;
    }
    if (byUrn.get(step.urn)?.op === "replace" && op === "replace") continue;
    const oldInputs = step.oldState?.inputs ?? undefined;
    const oldOutputs = step.oldState?.outputs ?? undefined;
    const newInputs = step.newState?.inputs ?? undefined;
    const declaredSecrets = [
      ...(step.oldState?.additionalSecretOutputs ?? []),
      ...(step.newState?.additionalSecretOutputs ?? []),
    ];
    const oldSide = op === "create" ? undefined : pickOld(oldInputs, oldOutputs);
    const newSide = op === "delete" ? undefined : newInputs;
    const { changes, uncomparedSecrets } = propertyChanges(oldSide, newSide, {
      allBags: [oldInputs, oldOutputs, newInputs],
      declaredSecrets,
      replaceReasons: step.replaceReasons ?? [],
    });
    const ref = resourceRef(step.urn, newInputs, oldInputs, oldOutputs);
    const shown = (op === "create" || op === "delete") && ref.customerId ? withoutCustomerId(changes) : changes;
    byUrn.set(step.urn, { ref, op, changes: shown, uncomparedSecrets });
  }
  for (const r of byUrn.values()) counts[r.op] = (counts[r.op] ?? 0) + 1;
  const errors = (digest.diagnostics ?? [])
    .filter((d) => d.severity === "error" && d.message)
    .map((d) => ({
      ref: d.urn && isUserResource(d.urn) ? resourceRef(d.urn) : undefined,
      message: scrubText(d.message!.trim()),
    }));
  const resources = [...byUrn.values()].sort((a, b) => compareRefs(a.ref, b.ref));
  return { stack, project, resources, counts, errors };
}

/** The stored inputs, or the stored outputs when the state holds no inputs. */
function pickOld(inputs: Bag | undefined, outputs: Bag | undefined): Bag | undefined {
  if (inputs && Object.keys(inputs).length > 0) return inputs;
  return outputs;
}
