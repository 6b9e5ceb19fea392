// Helpers for the public resource classes (pulumi.dynamic.Resource subclasses in each resource file).
// Type token: pulumi-nodejs:dynamic/partnercenter:<ClassName>. Every output key must be present in the props
// handed to the constructor (as undefined) or Pulumi never exposes it on the resource object.

import type * as pulumi from "@pulumi/pulumi";

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
