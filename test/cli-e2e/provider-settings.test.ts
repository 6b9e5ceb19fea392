// Provider settings are checked at preview (provider/runtime.ts check()): under the plain CLI, a project with no
// `partnercenter:*` settings at all, or with `partnercenter:tenantId not-a-guid`, fails `pulumi preview` with the
// key, its environment variable and the fix, never the value, and nothing reaches Partner Center.
import { strict as assert } from "assert";
import * as fs from "fs";
import * as path from "path";
import { cliEmulator, cliEnv, linkSharedInstall, pulumi, stackConfig, type CliEmulator, type CliEnv } from "./harness";

const PROGRAM = `const { CustomerUser } = require("pulumi-partner-center");
new CustomerUser("settings", {
  customerId: "11111111-1111-1111-1111-111111111111",
  userPrincipalName: "settings@contoso.example",
  displayName: "Settings",
});
`;

describe("cli-e2e: provider settings fail at preview", function () {
  this.timeout(300_000);
  let env: CliEnv;
  let emu: CliEmulator;

  before(async () => {
    env = await cliEnv();
    emu = await cliEmulator(env.root);
  });
  after(async () => {
    env?.dispose();
    await emu?.close();
  });

  async function project(name: string): Promise<string> {
    const dir = env.project(name);
    fs.writeFileSync(path.join(dir, "Pulumi.yaml"), `name: ${name}\nruntime: nodejs\nmain: index.js\n`);
    fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name, private: true }));
    fs.writeFileSync(path.join(dir, "index.js"), PROGRAM);
    await linkSharedInstall(env, dir);
    return dir;
  }

  it("no partnercenter:* settings at all: preview exits non-zero naming tenantId, its variable and the fix", async () => {
    const dir = await project("no-settings");
    await pulumi(env, dir, ["stack", "init", "dev"]);
    const mark = await emu.mark();
    const r = await pulumi(env, dir, ["preview"], { allowFailure: true });
    const out = `${r.stdout}\n${r.stderr}`;
    assert.notEqual(r.code, 0, `preview passed without settings:\n${out}`);
    assert.match(out, /partnercenter:tenantId is required/);
    assert.match(out, /PARTNERCENTER_TENANT_ID/);
    assert.match(out, /Fix: set `pulumi config set partnercenter:tenantId/);
    assert.deepEqual(await emu.requestsSince(mark), []);
  });

  it("partnercenter:tenantId not-a-guid: preview exits non-zero naming the key and the fix, never the value", async () => {
    const dir = await project("bad-tenant");
    await stackConfig(env, dir, "dev", emu);
    await pulumi(env, dir, ["config", "set", "partnercenter:tenantId", "not-a-guid"]);
    const r = await pulumi(env, dir, ["preview"], { allowFailure: true });
    const out = `${r.stdout}\n${r.stderr}`;
    assert.notEqual(r.code, 0, `preview passed with a bad tenantId:\n${out}`);
    assert.match(out, /partnercenter:tenantId must be the partner tenant id, a GUID/);
    assert.match(out, /PARTNERCENTER_TENANT_ID/);
    assert.ok(!out.includes("not-a-guid"), `the value is in the output:\n${out}`);
    assert.ok(!out.includes(emu.partner().user.clientSecret), "the client secret is in the output");
  });
});
