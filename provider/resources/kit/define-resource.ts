// defineResource: the wiring every resource shares. A resource file supplies data and mapping only:
//
//   inputs   zod schema of what users write (strict: unknown property names are errors)
//   outputs  zod schema of what the resource adds to state (userId, state, ...)
//   rules    cross-field checks (exactly one of roleId/roleName, ...)
//   changeRules checks of a change against the old inputs (a value Partner Center keeps once submitted)
//   inputOnly input keys sent to Partner Center but never readable back: kept out of the stored outputs
//   diff     replaceOn / inPlace / normalize / naturalKey (see diff.ts)
//   describe how to name one object in messages ("CustomerUser jane@contoso.com in customer 1234...")
//   customerOf which customer a write touches (its list snapshots are invalidated after the write); default:
//              the `customerId` input
//   invalidates which of that customer's lists a write can change (kinds or kind prefixes); default: all
//   create/read/update/delete against a ResourceContext (a correlation-scoped client + the snapshot)
//   previewChecks (optional) what preview can learn from Partner Center about a change before it is made: the
//              engine calls no provider method for a delete at preview, so a delete's precondition is checked when
//              the input that asks for it changes (warn, or throw to refuse with the fix)
//
// and gets back the provider methods the runtime dispatches to. The kit guarantees:
//   - check: every zod issue and rule failure with its property path and fix; preview unknowns pass.
//   - diff: precise `changes`/`replaces`/`deleteBeforeReplace`; `changes: false` is explicit (never
//     "unknown", which would make the engine compare `__provider`).
//   - create/update: inputs re-parsed (defaults applied); outputs = inputs + resource outputs, with every
//     `undefined` removed (protobuf Struct rejects undefined and the host would fail).
//   - read: stored props overlaid with the fresh remote values of the input-named fields, so
//     diff(olds = read outputs, news = stored inputs) shows drift; `undefined` from the resource means
//     "gone" and becomes an empty id. Any error (403, 429, 5xx) propagates — never a false "gone".
//   - every failure is a ResourceOperationError naming resource, operation, Partner Center code and
//     request id, unless the resource threw one of the kit's own errors.
//   - writes invalidate the customer's lists they can change (`invalidates`), whether they succeeded or not.

import { z } from "zod";
import type { PartnerCenterClient } from "./api";
import { checkInputs, type CheckContext, type CheckFailure, type CrossFieldRule } from "./check";
import { computeDiff, type DiffRules } from "./diff";
import { PartialCreateError, ResourceOperationError, ResourceUsageError } from "./errors";
import type { PropagationWaits } from "./propagation";
import type { ListSnapshot } from "./snapshot";
import { containsUnknown } from "./unknown";

export interface ResourceContext {
  /** Scoped to one engine call: every request carries the same MS-CorrelationId. */
  client: PartnerCenterClient;
  snapshot: ListSnapshot;
  /** The partner's own tenant id (from configuration). */
  partnerTenantId: string;
  /** Tells the user something in plain words without failing (printed by the provider process). */
  warn(message: string): void;
  /** How long to wait for Entra replication (kit/propagation.ts). */
  waits: PropagationWaits;
}

export type Shape = z.ZodObject;
export type Props<I extends Shape, O extends Shape> = z.output<I> & Partial<z.output<O>>;

export interface ResourceSpec<I extends Shape, O extends Shape> {
  type: string;
  inputs: I;
  outputs: O;
  rules?: CrossFieldRule[];
  /** Checks of an update against the old inputs (check's `olds`); they run only when olds are not empty. */
  changeRules?: ChangeRule[];
  /** Input keys that Partner Center takes but never returns: not kept in the outputs, so state claims only what a read can confirm. */
  inputOnly?: ReadonlyArray<keyof z.output<I> & string>;
  diff: DiffRules<Props<I, O>>;
  describe(props: Partial<z.output<I>>): string;
  /** Which customer a write touches; default: the `customerId` input. */
  customerOf?(props: Partial<z.output<I>>): string | undefined;
  /** The customer's list kinds (or kind prefixes, e.g. "roleMembers:") a write can change; default: every list. */
  invalidates?: readonly string[];
  create(ctx: ResourceContext, inputs: z.output<I>): Promise<{ id: string; outs: z.output<O> }>;
  /** Fresh values for the stored props (undefined: not known, keep stored; null: absent remotely), or undefined when the object no longer exists. */
  read(
    ctx: ResourceContext,
    id: string,
    props: Props<I, O>,
  ): Promise<{ [K in keyof Props<I, O>]?: Props<I, O>[K] | null } | undefined>;
  update(ctx: ResourceContext, id: string, olds: Props<I, O>, news: z.output<I>): Promise<z.output<O>>;
  delete(ctx: ResourceContext, id: string, props: Props<I, O>): Promise<void>;
  /** Runs in diff (so at preview) when the inputs change: reads what it needs, warns, or throws to refuse. */
  previewChecks?(ctx: ResourceContext, id: string, olds: Props<I, O>, news: z.output<I>): Promise<void>;
}

export type Bag = Record<string, unknown>;

/** A check of the new inputs against the old ones (both raw, without `__provider`). */
export type ChangeRule = (olds: Bag, news: Bag) => CheckFailure[];

export interface ResourceDefinition {
  type: string;
  inputKeys: string[];
  outputKeys: string[];
  check(olds: Bag, news: Bag, ctx?: CheckContext): { inputs: Bag; failures: CheckFailure[] };
  diff(id: string, olds: Bag, news: Bag): { changes: boolean; replaces: string[]; deleteBeforeReplace?: boolean };
  create(ctx: ResourceContext, inputs: Bag): Promise<{ id: string; outs: Bag }>;
  read(ctx: ResourceContext, id: string, props: Bag): Promise<{ id: string; props: Bag }>;
  update(ctx: ResourceContext, id: string, olds: Bag, news: Bag): Promise<{ outs: Bag }>;
  delete(ctx: ResourceContext, id: string, props: Bag): Promise<void>;
  /** Present when the resource checks a change against Partner Center at preview (the runtime calls it after diff). */
  previewChecks?(ctx: ResourceContext, id: string, olds: Bag, news: Bag): Promise<void>;
}

/** A definition that keeps its schemas (and so their types, which the resource class is made from). */
export interface TypedResourceDefinition<I extends Shape, O extends Shape> extends ResourceDefinition {
  inputs: I;
  outputs: O;
}

/** Removes `undefined` everywhere (object keys and array items), as protobuf Struct cannot carry it. */
export function dropUndefined<T>(value: T): T {
  if (Array.isArray(value)) return value.filter((v) => v !== undefined).map(dropUndefined) as T;
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, v]) => v !== undefined)
        .map(([k, v]) => [k, dropUndefined(v)]),
    ) as T;
  }
  return value;
}

/** Stored props overlaid with fresh values: `undefined` keeps the stored value (the API did not say), `null` removes it. */
export function overlay(stored: Bag, fresh: Bag): Bag {
  const out: Bag = { ...stored };
  for (const [k, v] of Object.entries(fresh)) {
    if (v === undefined) continue;
    if (v === null) delete out[k];
    else out[k] = v;
  }
  return out;
}

/** Default values of an object schema's fields (a field's default is what it parses `undefined` to). */
export function schemaDefaults(schema: Shape): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(schema.shape)) {
    const r = (field as z.ZodType).safeParse(undefined);
    if (r.success && r.data !== undefined) out[key] = r.data;
  }
  return out;
}

function isKitError(e: unknown): boolean {
  return e instanceof ResourceOperationError || e instanceof ResourceUsageError || e instanceof PartialCreateError;
}

export function defineResource<I extends Shape, O extends Shape>(
  spec: ResourceSpec<I, O>,
): TypedResourceDefinition<I, O> {
  const defaults = schemaDefaults(spec.inputs);
  const inputKeys = Object.keys(spec.inputs.shape);
  const outputKeys = Object.keys(spec.outputs.shape);
  const customerOf = (p: Partial<z.output<I>>): string | undefined =>
    spec.customerOf ? spec.customerOf(p) : typeof p.customerId === "string" ? p.customerId : undefined;
  const inputOnly = Object.fromEntries(
    (spec.inputOnly ?? []).map((k) => [k, (spec.inputs.shape[k] as z.ZodType).optional()]),
  );
  const stored = z.looseObject({ ...spec.inputs.shape, ...inputOnly, ...spec.outputs.partial().shape });

  const name = (props: Bag) => {
    try {
      return spec.describe(props as Partial<z.output<I>>);
    } catch {
      return spec.type;
    }
  };

  /** Runs one engine call: foreign errors named after the resource; after a write, the customer's lists re-read. */
  async function guarded<T>(
    ctx: ResourceContext,
    operation: string,
    props: Bag,
    write: boolean,
    run: () => Promise<T>,
  ): Promise<T> {
    try {
      return await run();
    } catch (e) {
      if (isKitError(e)) throw e;
      throw new ResourceOperationError(name(props), operation, e);
    } finally {
      if (write) {
        const customer = customerOf(props as Partial<z.output<I>>);
        if (customer) ctx.snapshot.invalidate(customer, spec.invalidates);
      }
    }
  }

  /** What goes into state: no undefined values, and none of the input-only fields. */
  function stateOf(props: Bag): Bag {
    const state = dropUndefined(props);
    for (const key of spec.inputOnly ?? []) delete state[key];
    return state;
  }

  function parseInputs(operation: string, bag: Bag): z.output<I> {
    const { __provider, ...rest } = bag;
    const keep: Bag = {};
    for (const k of inputKeys) if (rest[k] !== undefined) keep[k] = rest[k];
    const r = spec.inputs.safeParse(keep);
    if (!r.success) {
      const problems = r.error.issues.map((i) => `${i.path.join(".") || "inputs"} ${i.message}`).join("; ");
      throw new ResourceUsageError(name(bag), operation, `invalid inputs: ${problems}`);
    }
    return r.data;
  }

  function parseStored(operation: string, bag: Bag): Props<I, O> {
    const r = stored.safeParse(bag);
    if (!r.success) {
      const problems = r.error.issues.map((i) => `${i.path.join(".")} ${i.message}`).join("; ");
      throw new ResourceUsageError(
        name(bag),
        operation,
        `the stored state does not match this provider version (${problems}); run \`pulumi refresh\` or recreate the resource`,
      );
    }
    return r.data as Props<I, O>;
  }

  return {
    type: spec.type,
    inputs: spec.inputs,
    outputs: spec.outputs,
    inputKeys,
    outputKeys,

    check(olds, news, ctx) {
      const { inputs, failures } = checkInputs(spec.inputs, news, spec.rules ?? [], ctx);
      if (olds && Object.keys(olds).length > 0 && !containsUnknown(news))
        for (const rule of spec.changeRules ?? []) failures.push(...rule(olds, news));
      return { inputs, failures };
    },

    diff(_id, olds, news) {
      const { changes, replaces, deleteBeforeReplace } = computeDiff(spec.diff, defaults, olds, news);
      return deleteBeforeReplace === undefined ? { changes, replaces } : { changes, replaces, deleteBeforeReplace };
    },

    async create(ctx, raw) {
      return guarded(ctx, "create", raw, true, async () => {
        const inputs = parseInputs("create", raw);
        const { id, outs } = await spec.create(ctx, inputs);
        return { id, outs: stateOf({ ...inputs, ...outs }) };
      });
    },

    async read(ctx, id, raw) {
      return guarded(ctx, "read", raw, false, async () => {
        const props = parseStored("read", raw);
        const fresh = await spec.read(ctx, id, props);
        if (fresh === undefined) return { id: "", props: {} };
        return { id, props: stateOf(overlay(raw, fresh)) };
      });
    },

    async update(ctx, id, rawOlds, rawNews) {
      return guarded(ctx, "update", rawNews, true, async () => {
        const olds = parseStored("update", rawOlds);
        const news = parseInputs("update", rawNews);
        const outs = await spec.update(ctx, id, olds, news);
        return { outs: stateOf({ ...news, ...outs }) };
      });
    },

    async delete(ctx, id, raw) {
      return guarded(ctx, "delete", raw, true, async () => {
        const props = parseStored("delete", raw);
        await spec.delete(ctx, id, props);
      });
    },

    ...(spec.previewChecks
      ? {
          async previewChecks(ctx: ResourceContext, id: string, rawOlds: Bag, rawNews: Bag) {
            return guarded(ctx, "preview", rawNews, false, () =>
              spec.previewChecks!(ctx, id, parseStored("preview", rawOlds), parseInputs("preview", rawNews)),
            );
          },
        }
      : {}),
  };
}
