// The registry is the one list of resources: the runtime dispatches through it, and the package's public API
// exports exactly one class (and its Inputs type, checked by tsc where the class is used) per registered type.
import assert from "assert";
import * as pulumi from "@pulumi/pulumi";
import * as api from "../../../provider";
import { resourceDefinition, resources } from "../../../provider/resources";

describe("resources (the registry)", () => {
  const types = Object.keys(resources);

  it("holds every resource, each under its own type name", () => {
    assert.ok(types.length >= 11, `${types.length} types`);
    for (const [type, def] of Object.entries(resources)) assert.strictEqual(def.type, type);
  });

  it("the public API exports a resource class for exactly the registered types", () => {
    const exported = Object.entries(api)
      .filter(([, v]) => typeof v === "function" && v.prototype instanceof pulumi.dynamic.Resource)
      .map(([name]) => name)
      .sort();
    assert.deepStrictEqual(exported, [...types].sort());
  });

  it("an unknown type names the known ones", () => {
    assert.throws(
      () => resourceDefinition("NoSuchThing"),
      /unknown resource type "NoSuchThing"; known types: .*CustomerUser/,
    );
  });
});
