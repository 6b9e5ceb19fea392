// The provider object Pulumi serializes into state (`__provider`, in every resource's inputs and outputs).
//
// It must capture nothing but the resource type name: Pulumi writes whatever a provider closure captures
// into state as plain JavaScript. So each method only `require`s the package's compiled runtime at call
// time — resolved from the provider process's cwd node_modules — and forwards the call with the type name.
// Credentials reach the runtime through configure() (stack config) or the environment, never from here.
// One frozen shim per type name, so Pulumi's per-object serialization cache is hit and the text is stable
// across versions (refresh and delete of old state run whatever runtime is installed now).

import type * as pulumi from "@pulumi/pulumi";

const shims = new Map<string, pulumi.dynamic.ResourceProvider>();

function makeShim(typeName: string): pulumi.dynamic.ResourceProvider {
  return {
    configure: (req) => require("pulumi-partner-center/dist/provider/runtime").configure(req),
    check: (olds, news) => require("pulumi-partner-center/dist/provider/runtime").check(typeName, olds, news),
    diff: (id, olds, news) => require("pulumi-partner-center/dist/provider/runtime").diff(typeName, id, olds, news),
    create: (inputs) => require("pulumi-partner-center/dist/provider/runtime").create(typeName, inputs),
    read: (id, props) => require("pulumi-partner-center/dist/provider/runtime").read(typeName, id, props),
    update: (id, olds, news) => require("pulumi-partner-center/dist/provider/runtime").update(typeName, id, olds, news),
    delete: (id, props) => require("pulumi-partner-center/dist/provider/runtime").delete(typeName, id, props),
  };
}

/** The immutable provider shim for one resource type. */
export function providerFor(typeName: string): pulumi.dynamic.ResourceProvider {
  let shim = shims.get(typeName);
  if (!shim) {
    shim = Object.freeze(makeShim(typeName));
    shims.set(typeName, shim);
  }
  return shim;
}
