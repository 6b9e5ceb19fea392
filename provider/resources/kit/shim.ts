// The provider object Pulumi serializes into state (`__provider`, in every resource's inputs and outputs).
//
// It must hold nothing but the resource type name: Pulumi writes whatever a provider object holds or its methods
// capture into state as plain JavaScript. Its methods are inherited from provider/shim-methods.ts, which requires
// the package's compiled runtime at call time — resolved from the provider process's cwd node_modules — and
// forwards the call with the type name. Credentials reach the runtime through configure() (stack config) or the
// environment, never from here. One frozen shim per type name, so Pulumi's per-object serialization cache is hit.
// Choice: when this package is installed under node_modules by its own name (npm, yarn), the methods are the
// shim-methods module itself, and state holds `require("pulumi-partner-center/dist/provider/shim-methods.js")` and
// the type name (~0.4 KB). Anywhere else (a linked checkout, pnpm's versioned .pnpm folders, whose path would pin
// this version into state) the methods are a copy the serializer writes out by value (~1.5 KB), still requiring the
// runtime by package name. Either text keeps working after an upgrade (refresh and delete of old state run
// whatever runtime is installed now).

import * as path from "path";
import type * as pulumi from "@pulumi/pulumi";
import shimMethods from "../../shim-methods";

export const PACKAGE_NAME = "pulumi-partner-center";

const shims = new Map<string, pulumi.dynamic.ResourceProvider>();
let inherited: object | undefined;

/** Whether Pulumi's serializer names `file` by `require("<this package>/...")`: it takes the path relative to the
 *  cwd after its first node_modules segment (sdk/nodejs/runtime/closure/createClosure.ts, captureModuleAsync). */
export function requiredByPackageName(file: string, cwd: string): boolean {
  const parts = path.relative(cwd, file).split(path.sep);
  const at = parts.indexOf("node_modules");
  return at >= 0 && parts[at + 1] === PACKAGE_NAME;
}

function methods(): object {
  inherited ??= requiredByPackageName(require.resolve("../../shim-methods"), process.cwd())
    ? shimMethods
    : Object.freeze({ ...shimMethods });
  return inherited;
}

/** The immutable provider shim for one resource type. */
export function providerFor(typeName: string): pulumi.dynamic.ResourceProvider {
  let shim = shims.get(typeName);
  if (!shim) {
    shim = Object.freeze(
      Object.create(methods(), { typeName: { value: typeName, enumerable: true } }),
    ) as pulumi.dynamic.ResourceProvider;
    shims.set(typeName, shim);
  }
  return shim;
}
