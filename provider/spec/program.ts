// Entry point of the root Pulumi.yaml (`main: dist/provider/spec/program.js`): the tenant specs as a stack.
import { runTenantProgram } from "./tenant-program";

export = () => runTenantProgram();
