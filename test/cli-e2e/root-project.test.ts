// The repository's own root Pulumi.yaml (the tenant-spec program over tenants/) under plain `pulumi`, as a user of a
// checkout runs it after `npm run build`: its files in a folder outside the checkout (node_modules and dist linked to
// the checkout's, so the stack files land there, not in the repository), the emulator's provider settings, then
// `pulumi up`, an empty preview and destroy. The default `tenants` folder is found from the project root, although
// the language host runs the program in dist/provider/spec.
import { strict as assert } from "assert";
import * as fs from "fs";
import * as path from "path";
import { cliEmulator, cliEnv, pulumi, repoRoot, stackConfig, type CliEmulator, type CliEnv } from "./harness";

describe("cli-e2e: the repository's root Pulumi.yaml project", function () {
  this.timeout(600_000);
  let env: CliEnv;
  let emu: CliEmulator;
  let dir: string;

  before(async () => {
    env = await cliEnv();
    emu = await cliEmulator(env.root);
    const program = path.join(repoRoot, "dist", "provider", "spec", "program.js");
    assert.ok(fs.existsSync(program), `${program} is missing: run \`npm run build\` first`);
    dir = env.project("checkout");
    fs.copyFileSync(path.join(repoRoot, "Pulumi.yaml"), path.join(dir, "Pulumi.yaml"));
    fs.cpSync(path.join(repoRoot, "tenants"), path.join(dir, "tenants"), { recursive: true });
    fs.copyFileSync(path.join(repoRoot, "package.json"), path.join(dir, "package.json"));
    for (const link of ["node_modules", "dist"]) fs.symlinkSync(path.join(repoRoot, link), path.join(dir, link), "dir");
    await stackConfig(env, dir, "dev", emu);
  });
  after(async () => {
    env?.dispose();
    await emu?.close();
  });

  it("up applies tenants/, a second preview is empty, destroy removes what up created", async () => {
    const up = await pulumi(env, dir, ["up"]);
    const created = Number(/\+ (\d+) created/.exec(up.stdout)?.[1] ?? 0);
    assert.ok(created > 2, `up created ${created}:\n${up.stdout.slice(-2000)}`);
    await pulumi(env, dir, ["preview", "--expect-no-changes"]);
    const destroy = await pulumi(env, dir, ["destroy"]);
    assert.match(destroy.stdout, /- \d+ deleted/);
  });
});
