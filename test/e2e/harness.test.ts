// Proves the harness with a scratch dynamic resource (a file) before the real resources are wired in.
import { strict as assert } from "assert";
import * as fs from "fs";
import * as path from "path";
import * as pulumi from "@pulumi/pulumi";
import { EventLog, leakedSecrets, readCheckpoint, repoRoot, stackFor, tempPulumiEnv } from "./harness";

const scratchProvider: pulumi.dynamic.ResourceProvider = {
  async create(inputs) {
    require("fs").writeFileSync(inputs.file, inputs.text);
    return { id: inputs.file, outs: inputs };
  },
  async read(id, props) {
    const fs = require("fs");
    if (!fs.existsSync(id)) return { id: "" };
    return { id, props: { ...props, text: fs.readFileSync(id, "utf8") } };
  },
  async diff(_id, olds, news) {
    return { changes: olds.text !== news.text || olds.file !== news.file, replaces: olds.file !== news.file ? ["file"] : [] };
  },
  async update(_id, _olds, news) {
    require("fs").writeFileSync(news.file, news.text);
    return { outs: news };
  },
  async delete(id) {
    require("fs").rmSync(id, { force: true });
  },
};

class ScratchFile extends pulumi.dynamic.Resource {
  constructor(name: string, props: Record<string, pulumi.Input<string>>) {
    super(scratchProvider, name, props, undefined, "scratch", "File");
  }
}

describe("e2e harness (scratch resource)", function () {
  this.timeout(180_000);
  let env: Awaited<ReturnType<typeof tempPulumiEnv>>;
  const projectDir = path.join(repoRoot, ".cache", "e2e-harness-project");
  const target = path.join(projectDir, "target.txt");
  const secretValue = "hunter2-scratch-secret-value";
  let text = "one";

  before(async () => {
    fs.mkdirSync(projectDir, { recursive: true });
    fs.writeFileSync(path.join(projectDir, "Pulumi.yaml"), "name: harness-scratch\nruntime: nodejs\n");
    env = await tempPulumiEnv();
  });
  after(() => {
    env?.dispose();
    fs.rmSync(projectDir, { recursive: true, force: true });
  });

  it("runs up, no-change preview, drift by refresh --preview-only, repair, destroy, with secrets only as ciphertext", async () => {
    const program = async () => {
      const cfg = new pulumi.Config();
      const r = new ScratchFile("scratch", { file: target, text, note: cfg.requireSecret("note") });
      return { id: r.id };
    };
    const stack = await stackFor(env, projectDir, "dev", { secrets: { note: secretValue } }, program);

    const up = new EventLog();
    await stack.up({ onEvent: up.onEvent });
    assert.deepEqual(up.ops(), { create: 1 });
    assert.equal(fs.readFileSync(target, "utf8"), "one");

    const quiet = new EventLog();
    const pv = await stack.preview({ onEvent: quiet.onEvent });
    assert.deepEqual(pv.changeSummary, { same: 2 });

    fs.writeFileSync(target, "changed behind pulumi's back");
    const drift = new EventLog();
    await stack.refresh({ previewOnly: true, onEvent: drift.onEvent });
    assert.deepEqual(drift.ops(), { update: 1 });

    const repair = new EventLog();
    await stack.up({ refresh: true, onEvent: repair.onEvent });
    assert.equal(fs.readFileSync(target, "utf8"), "one");

    const cp = readCheckpoint(env, "harness-scratch", "dev");
    assert.equal(cp.resources.filter((r) => r.type.startsWith("pulumi-nodejs:dynamic")).length, 1);
    assert.deepEqual(leakedSecrets(cp.text, { note: secretValue }), []);
    assert.match(cp.text, /"ciphertext"/);

    text = "two";
    const change = await stack.up();
    assert.equal(change.summary.resourceChanges?.update, 1);
    assert.equal(fs.readFileSync(target, "utf8"), "two");

    await stack.destroy();
    assert.equal(fs.existsSync(target), false);
  });
});
