// The smallest user's path through the harness: a JavaScript project outside the checkout with the packed package,
// plain `pulumi preview --json` (no write reaches Partner Center), `pulumi up`, then a preview with no changes.
import { strict as assert } from "assert";
import * as fs from "fs";
import * as path from "path";
import {
  cliEmulator,
  cliEnv,
  linkSharedInstall,
  previewSteps,
  pulumi,
  stackConfig,
  type CliEmulator,
  type CliEnv,
} from "./harness";

const PROGRAM = `const { CustomerUser } = require("pulumi-partner-center");
const pulumi = require("@pulumi/pulumi");
const config = new pulumi.Config();
new CustomerUser("plain-cli", {
  customerId: config.require("customerId"),
  userPrincipalName: "plain.cli@" + config.require("domain"),
  displayName: "Plain CLI",
  usageLocation: "US",
});
`;

describe("cli-e2e: a JavaScript project under the plain pulumi CLI", function () {
  this.timeout(300_000);
  let env: CliEnv;
  let emu: CliEmulator;
  let dir: string;

  before(async () => {
    env = await cliEnv();
    dir = env.project("plain-js");
    emu = await cliEmulator(env.root);
    fs.writeFileSync(path.join(dir, "Pulumi.yaml"), "name: plain-js\nruntime: nodejs\nmain: index.js\n");
    fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name: "plain-js", private: true }));
    fs.writeFileSync(path.join(dir, "index.js"), PROGRAM);
    await linkSharedInstall(env, dir);
    await stackConfig(env, dir, "dev", emu, { customerId: emu.customer().id, domain: emu.customer().domain });
  });
  after(async () => {
    env?.dispose();
    await emu?.close();
  });

  it("previews one create without writing to Partner Center, then up creates it and a second preview is empty", async () => {
    const mark = await emu.mark();
    const preview = await pulumi(env, dir, ["preview", "--json"]);
    assert.deepEqual(
      previewSteps(preview.stdout).steps.map((s) => `${s.op} ${s.type}`),
      ["create CustomerUser"],
    );
    assert.deepEqual(await emu.writesSince(mark), [], "preview wrote to Partner Center");

    await pulumi(env, dir, ["up"]);
    const users = emu.store.data.partners
      .flatMap((p) => p.customers)
      .flatMap((c) => c.users)
      .filter((u) => u.userPrincipalName.startsWith("plain.cli@"));
    assert.equal(users.length, 1);
    await pulumi(env, dir, ["preview", "--expect-no-changes"]);
  });
});
