// The Seats section of `partner-center preview-report` on the output of the real `pulumi preview --json` (Pulumi CLI
// and engine against the emulator): a plan whose new license assignments fit the customer's free seats passes, and
// one that needs more seats than are free shows the shortfall (with the number to buy) and, with
// --fail-on-seat-shortfall, exits 3 so a CI job can block the merge.
import { strict as assert } from "assert";
import { spawn } from "child_process";
import * as fs from "fs";
import * as path from "path";
import type { Stack } from "@pulumi/pulumi/automation";
import { CustomerUser, UserLicenseAssignment } from "../../provider";
import { partnerCliEnv } from "../provider/cli/cli-env";
import { repoRoot } from "./harness";
import { useStackFixture } from "./stack-fixture";

const CLI = path.join(repoRoot, "dist", "provider", "cli", "main.js");

describe("e2e: preview-report seats on a real `pulumi preview --json`", function () {
  this.timeout(300_000);
  const e2e = useStackFixture();
  const { partner } = e2e;
  let stack: Stack;
  let dir: string;
  let newUsers = 0;
  let skuId = "";
  let skuPart = "";
  const customer = () => partner().customers[0];

  const program = async () => {
    for (let i = 0; i < newUsers; i++) {
      const c = customer();
      const user = new CustomerUser(`seat-user-${i}`, {
        customerId: c.id,
        userPrincipalName: `seat${i}@${c.domain}`,
        displayName: `Seat ${i}`,
      });
      new UserLicenseAssignment(`seat-user-${i}-license`, { customerId: c.id, userId: user.userId, skuId });
    }
  };

  async function previewJson(users: number): Promise<string> {
    newUsers = users;
    let stdout = "";
    stack.workspace.serializeArgsForOp = async () => ["--json"];
    try {
      await stack.preview({ onOutput: (chunk) => (stdout += chunk) });
    } finally {
      stack.workspace.serializeArgsForOp = async () => [];
    }
    const file = path.join(dir, `preview-${users}.json`);
    fs.writeFileSync(file, stdout);
    return file;
  }

  /** Runs the CLI as a child (asynchronously: the emulator answering it runs in this process). */
  async function report(args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
    const caFile = path.join(dir, "ca.pem");
    fs.writeFileSync(caFile, e2e.emu.ca);
    const childEnv: NodeJS.ProcessEnv = { ...process.env, ...partnerCliEnv(e2e.emu, partner(), caFile) };
    const child = spawn(process.execPath, [CLI, "preview-report", ...args], { env: childEnv });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (c: Buffer) => (stdout += c.toString()));
    child.stderr.on("data", (c: Buffer) => (stderr += c.toString()));
    const status = await new Promise<number | null>((resolve) => child.on("close", resolve));
    return { status, stdout, stderr };
  }

  before(async () => {
    assert.ok(fs.existsSync(CLI), `build first (npm run build): ${CLI} is missing`);
    dir = e2e.tempDir("pc-preview-seats-");
    const record = e2e.emu.store.findCustomer(customer().id)!.customer;
    const sku = record.skus.find((s) => s.targetType === "User")!;
    const consumed = record.licenses.filter((l) => l.skuId === sku.id).length;
    sku.activeUnits = consumed + 2; // two free seats
    sku.warningUnits = 0;
    e2e.emu.store.save();
    skuId = sku.id;
    skuPart = sku.skuPartNumber;
    stack = await e2e.openStack(
      path.join(repoRoot, "examples", "quickstart"),
      "seats",
      { customerId: customer().id, domain: customer().domain },
      program,
    );
  });

  it("a change that fits: two new licensed users on two free seats, exit 0 with --fail-on-seat-shortfall", async () => {
    const file = await previewJson(2);
    const out = path.join(dir, "fits.md");
    const json = path.join(dir, "fits.json");
    const r = await report(["--in", file, "--out", out, "--json", json, "--fail-on-seat-shortfall"]);
    assert.equal(r.status, 0, r.stderr);
    const md = fs.readFileSync(out, "utf8");
    assert.match(md, /### Seats/);
    assert.match(md, new RegExp(`\\| \`${customer().id}\` \\| ${skuPart} \\| 2 \\| \\+2 \\| 0 \\|`));
    assert.doesNotMatch(md, /WARNING/);
    const seats = (JSON.parse(fs.readFileSync(json, "utf8")) as { seats: { rows: Array<Record<string, unknown>> } })
      .seats;
    assert.deepEqual(
      seats.rows.map((row) => [row.customerId, row.skuId, row.availableNow, row.planned, row.after, row.shortfall]),
      [[customer().id, skuId, 2, 2, 0, 0]],
    );
    assert.ok(!md.includes(partner().user.clientSecret) && !md.includes(partner().user.refreshToken));
  });

  it("a change that does not fit: five new licensed users on two free seats, warns to buy 3 and exits 3", async () => {
    const file = await previewJson(5);
    const out = path.join(dir, "short.md");
    const warnOnly = await report(["--in", file, "--out", out, "--seats"]);
    assert.equal(warnOnly.status, 0, warnOnly.stderr);
    const md = fs.readFileSync(out, "utf8");
    assert.match(md, new RegExp(`needs \\*\\*3 more seats\\*\\* of ${skuPart}`));
    assert.match(md, new RegExp(`\\| ${skuPart} \\| 2 \\| \\+5 \\| -3 ⚠ \\|`));
    assert.match(warnOnly.stderr, /seat shortfall: customer .* needs 3 more seat\(s\)/);
    const blocking = await report(["--in", file, "--out", out, "--fail-on-seat-shortfall"]);
    assert.equal(blocking.status, 3, blocking.stderr);
    const plain = await report(["--in", file, "--out", path.join(dir, "plain.md")]);
    assert.equal(plain.status, 0);
    assert.doesNotMatch(fs.readFileSync(path.join(dir, "plain.md"), "utf8"), /### Seats/);
  });
});
