// Entry point of the root Pulumi.yaml (`main: dist/provider/spec/program.js`): the tenant specs as a stack.
// The Node language host runs a `main` file in that file's folder (for users, inside node_modules); run so, the
// program moves to the project root (where Pulumi.yaml is), so that paths resolve from there and Pulumi's
// serializer names this package's modules by package name (provider/resources/kit/shim.ts). Run any other way
// (the Automation API's inline programs), it stays where it was started.
import * as path from "path";
import * as pulumi from "@pulumi/pulumi";
import { runTenantProgram } from "./tenant-program";

export = () => {
  const root = pulumi.runtime.getRootDirectory();
  if (root && path.resolve(process.cwd()) === __dirname) process.chdir(root);
  return runTenantProgram();
};
