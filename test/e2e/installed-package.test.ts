// The package as a user gets it: the checkout packed (scripts/pack.ts), installed into a fresh project under the
// system temp dir (where the checkout's node_modules cannot be seen), then the README's "Use it in your own project" step by step:
// npm install, the doc's index.ts / tsconfig.json / Pulumi.yaml, `tsc --strict --noEmit`, `tsc`, the sandbox
// emulator started with the installed `partner-center` command, the doc's config keys, and up / a preview with
// no changes / destroy through the real engine with the project's own @pulumi/pulumi.
// Differences from the doc, on purpose: the tarball instead of the registry name, `--port 0` instead of 8443, and
// the Automation API instead of `pulumi up` (no Node language host here); the engine runs in the project folder.
import { strict as assert } from "assert";
import { spawn, type ChildProcess } from "child_process";
import * as fs from "fs";
import * as path from "path";
import type { Stack } from "@pulumi/pulumi/automation";
import { emulatorOk, type EmulatorEndpoint } from "../../scripts/emulator-http";
import type { PackResult } from "../../scripts/pack";
import { onLines } from "../stream-lines";
import {
  copiesOfPackage,
  createUserProject,
  docConfig,
  sandboxValues,
  installedPackage,
  installPackage,
  packCheckout,
  PULUMI_VERSION,
  openUserStack,
  readOwnProjectDoc,
  run,
  tsc,
  TYPESCRIPT_VERSION,
  writeDocFiles,
  type OwnProjectDoc,
} from "../package/user-project";
import { directoryView, EventLog, leakedSecrets, readCheckpoint, repoRoot, tempPulumiEnv } from "./harness";

const STACK = "dev";

interface SeedFile {
  defaultPartnerId: string;
  partners: Array<{
    tenantId: string;
    user: { clientId: string; clientSecret: string; refreshToken: string };
    customers: Array<{ id: string; domain: string; companyName: string }>;
  }>;
}

/** Starts `npx partner-center emulator ...` in its own process group; resolves with the lines it printed once ready. */
function startSandbox(cwd: string, args: string[]): Promise<{ child: ChildProcess; lines: string[] }> {
  const child = spawn("npx", ["--no-install", "partner-center", "emulator", ...args], {
    cwd,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const lines: string[] = [];
  let stderr = "";
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () =>
        reject(
          new Error(`the sandbox emulator did not become ready in 60 s; it printed:\n${lines.join("\n")}\n${stderr}`),
        ),
      60_000,
    );
    child.stderr.on("data", (c: Buffer) => {
      stderr += c.toString();
    });
    onLines(child.stdout, (parts) => {
      lines.push(...parts);
      if (parts.some((l) => l.startsWith("Press Ctrl+C"))) {
        clearTimeout(timer);
        resolve({ child, lines });
      }
    });
    child.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`the sandbox emulator exited with ${code}:\n${lines.join("\n")}\n${stderr}`));
    });
  });
}

function printed(lines: string[], label: string): string {
  const line = lines.find((l) => l.trim().startsWith(`${label}:`));
  if (!line) throw new Error(`the emulator printed no '${label}:' line:\n${lines.join("\n")}`);
  return line
    .trim()
    .slice(label.length + 1)
    .trim()
    .split(/\s+/)[0];
}

describe("e2e: the packed package installed in a project outside the repository (the README, Use it in your own project)", function () {
  this.timeout(600_000);
  let env: Awaited<ReturnType<typeof tempPulumiEnv>>;
  let packed: PackResult;
  let doc: OwnProjectDoc;
  let project: string;
  let sandbox: ChildProcess | undefined;
  let emu: EmulatorEndpoint;
  let seed: SeedFile;
  let stack: Stack;
  let secrets: Record<string, string>;
  let baseline: ReturnType<typeof directoryView>;
  const partner = () => seed.partners.find((p) => p.tenantId === seed.defaultPartnerId)!;
  const view = async () => directoryView(await emulatorOk(emu, "GET", "/_emulator/state"));

  before(async () => {
    doc = readOwnProjectDoc();
    env = await tempPulumiEnv();
    packed = packCheckout();
    console.log(
      `      tarball ${path.basename(packed.tarball)}: ${packed.files.length} files, ${(packed.size / 1024).toFixed(1)} kB (${(packed.unpackedSize / 1024).toFixed(1)} kB unpacked)`,
    );
    project = createUserProject("pc-user-project-");
  });
  after(async () => {
    if (sandbox?.pid && sandbox.exitCode === null) {
      const exited = new Promise((resolve) => sandbox!.once("exit", resolve));
      process.kill(-sandbox.pid, "SIGINT");
      await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
    }
    env?.dispose();
    if (project) fs.rmSync(project, { recursive: true, force: true });
  });

  it("the fresh project cannot resolve pulumi-partner-center before it is installed", () => {
    assert.ok(path.relative(repoRoot, project).startsWith(".."), `${project} is outside ${repoRoot}`);
    assert.throws(() => require.resolve("pulumi-partner-center", { paths: [project] }), /Cannot find module/);
  });

  it("npm install of the tarball, @pulumi/pulumi and typescript (the doc's install line)", () => {
    assert.ok(
      doc.text.includes(
        `npm install pulumi-partner-center @pulumi/pulumi@${PULUMI_VERSION} typescript@${TYPESCRIPT_VERSION}`,
      ),
      "the README's own-project steps install the versions this test installs",
    );
    installPackage(project, packed.tarball);
    const installed = installedPackage(project);
    assert.equal(installed.isLink, false, "a real copy, not a link to the checkout");
    assert.equal(installed.version, packed.version);
    assert.ok(installed.dir.startsWith(project + path.sep), `installed at ${installed.dir}`);
    assert.deepEqual(copiesOfPackage(project), [path.join(project, "node_modules", "pulumi-partner-center")]);
    const resolved = require.resolve("pulumi-partner-center/dist/provider/runtime", { paths: [project] });
    assert.ok(
      resolved.startsWith(path.join(project, "node_modules") + path.sep),
      `the runtime resolves to ${resolved}`,
    );
  });

  it("npx partner-center --version and --help work from the installed tarball", () => {
    assert.equal(run(project, "npx", ["--no-install", "partner-center", "--version"]).trim(), packed.version);
    const help = run(project, "npx", ["--no-install", "partner-center", "--help"]);
    assert.match(help, /^Usage: partner-center <command>/m);
    assert.match(help, /^\s+emulator\s/m);
  });

  it("the doc's program type-checks with tsc --strict --noEmit and compiles to its Pulumi.yaml main", () => {
    assert.deepEqual(Object.keys(doc.files).sort(), ["Pulumi.yaml", "index.ts", "tsconfig.json"]);
    assert.match(doc.files["index.ts"], /from "pulumi-partner-center"/);
    writeDocFiles(project, doc);
    tsc(project, "--strict", "--noEmit");
    assert.equal(fs.existsSync(path.join(project, "bin")), false, "--noEmit writes nothing");
    tsc(project);
    assert.ok(fs.existsSync(path.join(project, "bin", "index.js")), "tsc wrote the main Pulumi.yaml names");
  });

  it("the installed partner-center emulator runs as the sandbox, with its CA and credentials files", async () => {
    fs.mkdirSync(path.join(project, ".emulator"));
    const started = await startSandbox(project, ["--port", "0", "--state", ".emulator/sandbox.json"]);
    sandbox = started.child;
    const url = printed(started.lines, "API base URL");
    const caFile = path.resolve(project, printed(started.lines, "CA certificate"));
    const credentialsFile = path.resolve(project, printed(started.lines, "Credentials file"));
    assert.equal(caFile, path.join(project, ".emulator", "sandbox.json.ca.pem"), "the CA file the doc names");
    assert.equal(fs.statSync(credentialsFile).mode & 0o777, 0o600);
    seed = JSON.parse(fs.readFileSync(credentialsFile, "utf8")) as SeedFile;
    assert.deepEqual(
      leakedSecrets(started.lines.join("\n"), {
        clientSecret: partner().user.clientSecret,
        refreshToken: partner().user.refreshToken,
      }),
      [],
    );
    emu = { url, authorityHost: url, ca: fs.readFileSync(caFile, "utf8") };
    baseline = await view();
  });

  it("a stack with exactly the doc's config keys", async () => {
    const customer = partner().customers[0];
    const cfg = docConfig(
      doc,
      sandboxValues(partner(), customer, emu, path.join(project, ".emulator", "sandbox.json.ca.pem")),
    );
    assert.deepEqual(Object.keys(cfg.secrets).sort(), ["partnercenter:clientSecret", "partnercenter:refreshToken"]);
    secrets = cfg.secrets;
    stack = await openUserStack(env, project, STACK, cfg.config, cfg.secrets);
    assert.ok(
      fs.existsSync(path.join(project, `Pulumi.${STACK}.yaml`)),
      "config lands beside the project's Pulumi.yaml, as `pulumi config set` does",
    );
  });

  it("up creates the user, its role and its license in the sandbox", async () => {
    const log = new EventLog();
    const up = await stack.up({ onEvent: log.onEvent });
    assert.deepEqual(log.ops(), { create: 3 }, log.errors().join("\n"));
    const customer = partner().customers[0];
    assert.equal(up.outputs.companyName.value, customer.companyName, "the getCustomer lookup ran in the program");
    const userId = up.outputs.userId.value as string;
    const now = await view();
    assert.ok(now.activeUsers.includes(`${customer.id}/service.desk@${customer.domain.toLowerCase()}/Service Desk`));
    assert.ok(now.roleMembers.includes(`${customer.id}/Helpdesk Administrator/${userId}`));
    assert.ok(now.licenses.some((l) => l.startsWith(`${customer.id}/${userId}/`)));
  });

  it("a second preview proposes no changes", async () => {
    const pv = await stack.preview({ expectNoChanges: true });
    assert.deepEqual(pv.changeSummary, { same: 4 });
  });

  it("state holds the shim that requires the package by name, and no credential", async () => {
    const cp = readCheckpoint(env, "my-tenants", STACK);
    const dynamic = cp.resources.filter((r) => r.type.startsWith("pulumi-nodejs:dynamic/"));
    assert.equal(dynamic.length, 3);
    for (const r of dynamic) {
      const shim = r.outputs?.__provider as string;
      // Installed by name (npm), the shim inherits its methods from the package's shim-methods module (docs/contracts.md §3).
      assert.match(shim, /Object\.create\(require\("pulumi-partner-center\/dist\/provider\/shim-methods\.js"\)\)/);
      assert.match(
        shim,
        /"typeName", \{ enumerable: true, value: "(CustomerUser|UserRoleAssignment|UserLicenseAssignment)" \}/,
      );
      assert.ok(!shim.includes(project) && !shim.includes(repoRoot), "the shim names no folder");
    }
    assert.deepEqual(leakedSecrets(cp.text, secrets), []);
  });

  it("destroy removes what up created", async () => {
    const log = new EventLog();
    await stack.destroy({ onEvent: log.onEvent });
    assert.deepEqual(log.ops(), { delete: 3 }, log.errors().join("\n"));
    const now = await view();
    assert.deepEqual(
      { ...now, deletedUsers: [] },
      { ...baseline, deletedUsers: [] },
      "everything but the soft-deleted user is as before",
    );
  });
});
