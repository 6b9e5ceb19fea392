// The methods every serialized provider (`__provider` in state) inherits: each forwards the engine's call, with
// the resource's type name (`this.typeName`), to the installed package's compiled runtime, required at call time
// from the provider process's cwd (docs/contracts.md §3). The module's exports object *is* the methods object, so
// Pulumi's closure serializer writes a provider that inherits from it as
// `Object.create(require("pulumi-partner-center/dist/provider/shim-methods.js"))` plus the type name (~0.4 KB)
// instead of the text of seven functions (~3 KB), in the inputs and the outputs of every resource.
// This file's path is a contract, like runtime's: state written by this version requires it.
import type * as pulumi from "@pulumi/pulumi";

interface Shim {
  readonly typeName: string;
}

const shimMethods: Required<pulumi.dynamic.ResourceProvider> & ThisType<Shim> = {
  configure(req) {
    return require("pulumi-partner-center/dist/provider/runtime").configure(req);
  },
  check(olds, news) {
    return require("pulumi-partner-center/dist/provider/runtime").check(this.typeName, olds, news);
  },
  diff(id, olds, news) {
    return require("pulumi-partner-center/dist/provider/runtime").diff(this.typeName, id, olds, news);
  },
  create(inputs) {
    return require("pulumi-partner-center/dist/provider/runtime").create(this.typeName, inputs);
  },
  read(id, props) {
    return require("pulumi-partner-center/dist/provider/runtime").read(this.typeName, id, props);
  },
  update(id, olds, news) {
    return require("pulumi-partner-center/dist/provider/runtime").update(this.typeName, id, olds, news);
  },
  delete(id, props) {
    return require("pulumi-partner-center/dist/provider/runtime").delete(this.typeName, id, props);
  },
};

export = Object.freeze(shimMethods);
