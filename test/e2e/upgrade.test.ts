// Upgrading the installed package: a stack created with the tarball of an earlier commit, then run with the
// tarball of this checkout, shows no changes (preview, refresh, up), and destroy works. This holds because the
// serialized provider in state is only a shim that requires "pulumi-partner-center/dist/provider/runtime" at call
// time (so every operation runs the installed version, whatever shim text state holds) and because every
// resource's diff() compares its own properties, never the shim text (the README, "Upgrading the package").
// Choice: the previous version is the newest v* tag reachable from HEAD, else the pinned commit below (the first
// with the package's public API, resources and the runtime shim; older is not a supported upgrade path), or
// PC_UPGRADE_FROM=<rev>. It is packed from `git archive` (the .git directory is only read) with a -previous version.
import { strict as assert } from "assert";
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import type { Stack } from "@pulumi/pulumi/automation";
import { packPackage, type PackResult } from "../../scripts/pack";
import {
  copiesOfPackage,
  createUserProject,
  docConfig,
  sandboxValues,
  forgetPackageModules,
  installedPackage,
  installPackage,
  packCheckout,
  openUserStack,
  readOwnProjectDoc,
  tarballDir,
  tsc,
  writeDocFiles,
} from "../package/user-project";
import { directoryView, EventLog, leakedSecrets, readCheckpoint, repoRoot } from "./harness";
import { useStackFixture } from "./stack-fixture";

const BASELINE_COMMIT = "94b2217";
const STACK = "upgrade";

function git(...args: string[]): string {
  return execFileSync("git", args, { cwd: repoRoot, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] }).trim();
}

function previousRevision(): string {
  if (process.env.PC_UPGRADE_FROM) return process.env.PC_UPGRADE_FROM;
  const tag = git("tag", "--list", "v*", "--merged", "HEAD", "--sort=-v:refname").split("\n")[0];
  return tag || BASELINE_COMMIT;
}

/** The tarball of an earlier commit, packed from `git archive` of it. */
function packRevision(rev: string): PackResult {
  let sha: string;
  try {
    sha = git("rev-parse", "--verify", `${rev}^{commit}`);
  } catch {
    throw new Error(
      `upgrade test: revision ${rev} is not in this clone. Fix: fetch the full history (git fetch --unshallow) or set PC_UPGRADE_FROM`,
    );
  }
  const src = fs.mkdtempSync(path.join(os.tmpdir(), "pc-previous-src-"));
  try {
    execFileSync("bash", ["-c", `git archive --format=tar ${sha} | tar -x -C "${src}"`], {
      cwd: repoRoot,
      stdio: ["ignore", "ignore", "pipe"],
    });
    const version = (JSON.parse(fs.readFileSync(path.join(src, "package.json"), "utf8")) as { version: string })
      .version;
    return packPackage({
      sourceDir: src,
      outDir: path.join(tarballDir(), "previous"),
      version: `${version.split("-")[0]}-previous.${sha.slice(0, 7)}`,
    });
  } finally {
    fs.rmSync(src, { recursive: true, force: true });
  }
}

describe("e2e: upgrading the installed package shows no changes", function () {
  this.timeout(900_000);
  const e2e = useStackFixture();
  const { partner, view } = e2e;
  let project: string;
  let previous: PackResult;
  let current: PackResult;
  let stack: Stack;
  let baseline: ReturnType<typeof directoryView>;
  let shimsBefore: Record<string, string>;
  let secrets: Record<string, string>;
  const shims = () =>
    Object.fromEntries(
      readCheckpoint(e2e.env, "my-tenants", STACK)
        .resources.filter((r) => r.type.startsWith("pulumi-nodejs:dynamic/"))
        .map((r) => [r.urn, r.outputs?.__provider as string]),
    );

  before(async () => {
    const rev = previousRevision();
    previous = packRevision(rev);
    current = packCheckout();
    console.log(`      upgrading ${previous.version} (${rev}) -> ${current.version}`);
    project = createUserProject("pc-upgrade-project-");
    baseline = await view();
  });
  after(async () => {
    if (project) fs.rmSync(project, { recursive: true, force: true });
  });

  it("the previous version creates the stack", async () => {
    installPackage(project, previous.tarball);
    assert.equal(installedPackage(project).version, previous.version);
    const doc = readOwnProjectDoc();
    writeDocFiles(project, doc);
    tsc(project);
    const caFile = path.join(project, "emulator-ca.pem");
    fs.writeFileSync(caFile, e2e.emu.ca);
    const customer = partner().customers[1];
    const cfg = docConfig(doc, sandboxValues(partner(), customer, e2e.emu, caFile));
    secrets = cfg.secrets;
    stack = await openUserStack(e2e.env, project, STACK, cfg.config, cfg.secrets);
    const log = new EventLog();
    await stack.up({ onEvent: log.onEvent });
    assert.deepEqual(log.ops(), { create: 3 }, log.errors().join("\n"));
    shimsBefore = shims();
    assert.equal(Object.keys(shimsBefore).length, 3);
  });

  it("after installing the new version, only the new version is in the project", () => {
    installPackage(project, current.tarball);
    const installed = installedPackage(project);
    assert.equal(installed.version, current.version);
    assert.notEqual(installed.version, previous.version);
    assert.deepEqual(
      copiesOfPackage(project),
      [path.join(project, "node_modules", "pulumi-partner-center")],
      "no second copy the old shim could find",
    );
    assert.ok(
      forgetPackageModules(project) > 0,
      "the test process drops the old version's modules, as a new `pulumi up` process would",
    );
    tsc(project);
  });

  it("preview with the new version proposes no changes", async () => {
    const pv = await stack.preview({ expectNoChanges: true });
    assert.deepEqual(pv.changeSummary, { same: 4 });
  });

  it("refresh with the new version finds no drift", async () => {
    const log = new EventLog();
    await stack.refresh({ previewOnly: true, onEvent: log.onEvent });
    assert.deepEqual(log.ops(), { same: 3 }, log.errors().join("\n"));
  });

  it("up with the new version changes nothing, in Partner Center or in state", async () => {
    const before = await view();
    const log = new EventLog();
    const up = await stack.up({ onEvent: log.onEvent });
    assert.deepEqual(log.ops(), { same: 3 }, log.errors().join("\n"));
    assert.deepEqual(up.summary.resourceChanges, { same: 4 });
    assert.deepEqual(await view(), before);
    const after = shims();
    assert.deepEqual(Object.keys(after).sort(), Object.keys(shimsBefore).sort());
    for (const shim of Object.values(after))
      assert.match(shim, /require\("pulumi-partner-center\/dist\/provider\/runtime"\)/);
    assert.deepEqual(
      leakedSecrets(readCheckpoint(e2e.env, "my-tenants", STACK).text, secrets),
      [],
      "no credential in plaintext state",
    );
  });

  it("destroy with the new version removes what the previous version created", async () => {
    const log = new EventLog();
    await stack.destroy({ onEvent: log.onEvent });
    assert.deepEqual(log.ops(), { delete: 3 }, log.errors().join("\n"));
    const now = await view();
    assert.deepEqual({ ...now, deletedUsers: [] }, { ...baseline, deletedUsers: [] });
  });
});
