// The public class of a resource (a pulumi.dynamic.Resource subclass), made from its definition so every
// resource gets the same tail: type token pulumi-nodejs:dynamic/partnercenter:<ClassName>, the serialized
// shim, every output key handed to the constructor (as undefined; otherwise Pulumi never exposes it on the
// object), the secret outputs, and one typed Output per input and output field (from the zod schemas).
// Choice: an output that is a part of the resource id (`fromId`, e.g. CustomerUser.userId) is derived from
// `id` on the object: in the preview of an in-place update the engine reports the checked inputs as the new
// state, so such an output would be unknown there and every dependent would preview as a replacement
// `up` never performs; the id is known in that preview, and unknown for a create or a replacement.
// Choice: a derived output is not secret (ids never are) and depends on the resource, like the stored one.

import * as pulumi from "@pulumi/pulumi";
import type { z } from "zod";
import type { Shape, TypedResourceDefinition } from "./define-resource";
import { providerFor } from "./shim";

export const MODULE = "partnercenter";

/** Each input may be a plain value or a pulumi Input. */
export type Args<T> = { [K in keyof T]: pulumi.Input<T[K]> };

/** Props for the dynamic.Resource constructor: the args plus every output key set to undefined. */
export function propsWithOutputs(args: object, outputKeys: readonly string[]): Record<string, unknown> {
  const props: Record<string, unknown> = { ...args };
  for (const key of outputKeys) if (!(key in props)) props[key] = undefined;
  return props;
}

/** Adds secret output names to the options (keeping the caller's own). */
export function withSecretOutputs(
  opts: pulumi.CustomResourceOptions | undefined,
  names: string[],
): pulumi.CustomResourceOptions {
  return { ...opts, additionalSecretOutputs: [...new Set([...(opts?.additionalSecretOutputs ?? []), ...names])] };
}

type Fields<I extends Shape, O extends Shape> = z.output<I> & z.output<O>;

/** One Output per input and output field. */
export type ResourceOutputs<I extends Shape, O extends Shape> = {
  readonly [K in keyof Fields<I, O>]-?: pulumi.Output<Fields<I, O>[K]>;
};

export type ResourceInstance<I extends Shape, O extends Shape> = pulumi.dynamic.Resource & ResourceOutputs<I, O>;

export interface ResourceClass<I extends Shape, O extends Shape> {
  new (name: string, args: Args<z.input<I>>, opts?: pulumi.CustomResourceOptions): ResourceInstance<I, O>;
}

export interface ClassOptions<I extends Shape, O extends Shape> {
  /** Inputs the class wraps in pulumi.secret itself, so a plain string never lands in state as plaintext. */
  secretInputs?: ReadonlyArray<keyof z.input<I> & string>;
  /** Outputs stored encrypted (additionalSecretOutputs). */
  secretOutputs?: ReadonlyArray<keyof Fields<I, O> & string>;
  /** Outputs that are a part of the id, derived from it (see the Choice above); undefined for an id not in the
   *  resource's form (test mocks give any id) keeps the stored output. */
  fromId?: { [K in keyof z.output<O>]?: (id: string) => z.output<O>[K] | undefined };
}

export function resourceClass<I extends Shape, O extends Shape>(
  definition: TypedResourceDefinition<I, O>,
  options: ClassOptions<I, O> = {},
): ResourceClass<I, O> {
  const { type, outputKeys } = definition;
  const secretInputs = options.secretInputs ?? [];
  const secretOutputs = [...(options.secretOutputs ?? [])];
  const fromId = Object.entries(options.fromId ?? {}) as Array<[string, (id: string) => unknown]>;

  class PartnerCenterResource extends pulumi.dynamic.Resource {
    constructor(name: string, args: Args<z.input<I>>, opts?: pulumi.CustomResourceOptions) {
      const props: Record<string, unknown> = { ...args };
      for (const key of secretInputs) if (props[key] !== undefined) props[key] = pulumi.secret(props[key]);
      super(
        providerFor(type),
        name,
        propsWithOutputs(props, outputKeys),
        secretOutputs.length > 0 ? withSecretOutputs(opts, secretOutputs) : opts,
        MODULE,
        type,
      );
      const self = this as unknown as Record<string, pulumi.Output<unknown>>;
      for (const [key, derive] of fromId) {
        const stored = self[key];
        self[key] = this.id.apply((id) => derive(id) ?? stored);
      }
    }
  }
  Object.defineProperty(PartnerCenterResource, "name", { value: type });
  return PartnerCenterResource as unknown as ResourceClass<I, O>;
}
