// "Preview tells the truth" (issue 18): with the plain `pulumi` CLI and its Node.js language host, a change of
// every input that updates in place — of every resource type, each with dependents that take ids from it —
// previews exactly as the following `up` performs it: the same URNs with the same operations, and no dependent
// replaced. `partner-center preview-report` on that `pulumi preview --json` says the same.
// One stack holds every type; one change round changes all in-place inputs at once (a second round changes the
// inputs that are alternatives to the first round's: passwordVersion instead of password).
import { strict as assert } from "assert";
import { spawn } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { startEmulator } from "../../emulator";
import { envName } from "../../provider/config";
import { resources } from "../../provider/resources";
import { pulumiEnv, repoRoot, type PulumiEnv } from "../../scripts/pulumi-env";

const CLI = path.join(repoRoot, "dist", "provider", "cli", "main.js");
const STACK = "truth";

/** The program a user would write, as compiled JavaScript; `TRUTH_PHASE` picks the inputs of each round. */
const PROGRAM = String.raw`
const pc = require("pulumi-partner-center");
const phase = Number(process.env.TRUTH_PHASE);
const w = JSON.parse(process.env.TRUTH_WORLD);
const at = (...values) => values[Math.min(phase, values.length) - 1];

const customer = new pc.Customer("new-customer", {
  domain: w.newDomain,
  companyName: at("Truth Ltd", "Truth Two Ltd"),
  email: at("billing@truth.example", "billing2@truth.example"),
  culture: at("en-US", "en-GB"),
  language: at("en", "en"),
  firstName: at("Tess", "Tessa"),
  lastName: at("Truth", "Truthful"),
  defaultAddress: { country: "US", city: at("Seattle", "Tacoma"), addressLine1: "1 Pine St", postalCode: "98101", state: "WA" },
  adopt: at(false, true),
  deletionPolicy: at("retain", "delete"),
});
new pc.CustomerUsageBudget("new-customer-budget", { customerId: customer.customerId, amount: at(100, 250) });
new pc.CustomerQualification("new-customer-qualification", { customerId: customer.customerId, qualification: "StateOwnedEntity" });
new pc.CustomerAgreement("new-customer-mca", {
  customerId: customer.customerId,
  primaryContact: { firstName: "Ann", lastName: "Signer", email: "ann@truth.example" },
});

const user = new pc.CustomerUser("alice", {
  customerId: w.customerId,
  userPrincipalName: at("alice@" + w.domain, "alice.renamed@" + w.domain),
  displayName: at("Alice", "Alice Two"),
  firstName: at("Alice", "Alicia"),
  lastName: at("Able", "Abel"),
  usageLocation: at("US", "GB"),
  password: at("Truth-Passw0rd-1", "Truth-Passw0rd-2", undefined),
  passwordVersion: at(undefined, undefined, 2),
  forceChangePassword: at(true, false),
  adopt: at(false, true),
  restoreDeleted: at(true, false),
  deletionPolicy: at("softDelete", "retain", "softDelete"),
});
new pc.UserRoleAssignment("alice-role", {
  customerId: w.customerId,
  userId: user.userId,
  roleName: "Helpdesk Administrator",
  adopt: at(false, true),
});
new pc.UserLicenseAssignment("alice-license", {
  customerId: w.customerId,
  userId: user.userId,
  skuPartNumber: w.sku,
  excludedPlans: at([], [w.plan]),
  adopt: at(false, true),
});
const policy = new pc.SelfServePolicy("policy", {
  customerId: w.customerId,
  permissions: at(
    [{ resource: "AzureReservedInstances", action: "Purchase" }],
    [{ resource: "AzureReservedInstances", action: "Purchase" }, { resource: "AzureSavingsPlan", action: "Purchase" }],
  ),
  adopt: at(false, true),
});
new pc.SubscriptionNickname("nickname", {
  customerId: w.customerId,
  subscriptionId: w.subscriptionId,
  nickname: at("Truth (before)", "Truth (after)"),
  restoreOnDelete: at(true, false),
});
new pc.VerifiedDomain("domain", {
  customerId: w.customerId,
  domainName: w.verifiedDomain,
  authenticationType: "Managed",
  capability: "Email",
  adopt: at(false, true),
});
new pc.CustomerBillingProfile("billing-profile", {
  customerId: w.customerId,
  companyName: at("Profile Ltd", "Profile Two Ltd"),
  email: at("profile@truth.example", "profile2@truth.example"),
  culture: at("en-US", "en-GB"),
  language: at("en", "fr"),
  firstName: at("Pat", "Patty"),
  lastName: at("Profile", "Profiles"),
  defaultAddress: { country: "US", city: at("Redmond", "Bellevue"), addressLine1: "1 Microsoft Way", postalCode: "98052", state: "WA" },
});
exports.userId = user.userId;
exports.policyId = policy.policyId;
`;

interface Step {
  op: string;
  urn: string;
}

describe("cli-e2e: preview tells the truth (plain `pulumi preview --json`, then `pulumi up`)", function () {
  this.timeout(600_000);
  let emu: Awaited<ReturnType<typeof startEmulator>>;
  let env: PulumiEnv;
  let dir: string;
  let vars: NodeJS.ProcessEnv;
  const partner = () => emu.seed.partners.find((p) => p.tenantId === emu.seed.defaultPartnerId)!;

  /** Runs a command without blocking this process (the emulator answers from it); resolves with its output. */
  function run(
    file: string,
    args: string[],
    extra: NodeJS.ProcessEnv = {},
  ): Promise<{ status: number; stdout: string; stderr: string }> {
    return new Promise((resolve, reject) => {
      const child = spawn(file, args, { cwd: dir, env: { ...vars, ...extra } });
      let stdout = "";
      let stderr = "";
      child.stdout.on("data", (c: Buffer) => (stdout += c.toString()));
      child.stderr.on("data", (c: Buffer) => (stderr += c.toString()));
      child.on("error", reject);
      child.on("close", (status) => resolve({ status: status ?? -1, stdout, stderr }));
    });
  }

  /** `pulumi <args>` in the project folder, as a user types it; fails the test with its errors when it fails. */
  async function pulumi(phase: number, ...args: string[]): Promise<string> {
    const r = await run(path.join(env.binDir, "pulumi"), [...args, "--stack", STACK, "--non-interactive"], {
      TRUTH_PHASE: String(phase),
    });
    const errors = [...r.stdout.matchAll(/"message":"((?:[^"\\]|\\.)*)","color":"never","severity":"error"/g)].map(
      (m) => m[1],
    );
    assert.equal(
      r.status,
      0,
      `pulumi ${args.join(" ")} failed (${r.status}):\n${errors.join("\n")}\n${r.stderr.slice(-4000)}`,
    );
    return r.stdout;
  }

  /** URN -> operation of every managed resource that is not left as it is. */
  function changes(steps: Step[]): Record<string, string> {
    const out: Record<string, string> = {};
    for (const s of steps)
      if (s.op !== "same" && s.urn.includes("::pulumi-nodejs:dynamic/partnercenter:")) out[s.urn] = s.op;
    return out;
  }

  async function previewPlan(phase: number): Promise<{ json: string; plan: Record<string, string> }> {
    const json = await pulumi(phase, "preview", "--json");
    return { json, plan: changes((JSON.parse(json) as { steps: Step[] }).steps) };
  }

  /** What `up` performed, from its engine events (`--json` gives them one per line). */
  async function upPerformed(phase: number): Promise<Record<string, string>> {
    const events = (await pulumi(phase, "up", "--yes", "--skip-preview", "--json"))
      .split("\n")
      .filter((l) => l.trim().startsWith("{"))
      .map((l) => JSON.parse(l) as { resOutputsEvent?: { metadata: Step } });
    return changes(events.flatMap((e) => (e.resOutputsEvent ? [e.resOutputsEvent.metadata] : [])));
  }

  async function reportOf(previewJson: string): Promise<{ ops: Record<string, string>; markdown: string }> {
    const file = path.join(dir, "preview.json");
    fs.writeFileSync(file, previewJson);
    const r = await run(process.execPath, [
      CLI,
      "preview-report",
      "--in",
      file,
      "--json",
      path.join(dir, "report.json"),
    ]);
    assert.equal(r.status, 0, r.stderr);
    const report = JSON.parse(fs.readFileSync(path.join(dir, "report.json"), "utf8")) as {
      resources: Array<{ op: string; ref: { type: string; name: string } }>;
    };
    const ops: Record<string, string> = {};
    for (const x of report.resources) ops[`${x.ref.type} ${x.ref.name}`] = x.op;
    return { ops, markdown: r.stdout };
  }

  const byName = (plan: Record<string, string>) =>
    Object.fromEntries(
      Object.entries(plan).map(([urn, op]) => {
        const [, , type, name] = urn.split("::");
        return [`${type.split(":").pop()} ${name}`, op];
      }),
    );

  before(async () => {
    emu = await startEmulator({});
    env = await pulumiEnv({
      backendDir: path.join((dir = fs.mkdtempSync(path.join(os.tmpdir(), "pc-truth-"))), "backend"),
      pulumiHome: path.join(dir, "home"),
    });
    const c = partner().customers[0];
    const sku = c.skus.find((s) => s.servicePlans.length > 1)!;
    const world = {
      customerId: c.id,
      domain: c.domain,
      sku: sku.skuPartNumber,
      plan: sku.servicePlans[0].serviceName,
      subscriptionId: c.subscriptions[0].id,
      verifiedDomain: `truth-${Date.now()}.example`,
      newDomain: `truth-new-${Date.now()}.onmicrosoft.com`,
    };
    const project = path.join(dir, "project");
    fs.mkdirSync(path.join(project, "node_modules", "@pulumi"), { recursive: true });
    fs.symlinkSync(repoRoot, path.join(project, "node_modules", "pulumi-partner-center"));
    fs.symlinkSync(
      path.join(repoRoot, "node_modules", "@pulumi", "pulumi"),
      path.join(project, "node_modules", "@pulumi", "pulumi"),
    );
    fs.writeFileSync(path.join(project, "Pulumi.yaml"), "name: preview-truth\nruntime: nodejs\nmain: index.js\n");
    fs.writeFileSync(path.join(project, "index.js"), PROGRAM);
    dir = project;
    const p = partner();
    vars = {
      ...process.env,
      ...env.envVars,
      TRUTH_WORLD: JSON.stringify(world),
      [envName("tenantId")]: p.tenantId,
      [envName("clientId")]: p.user.clientId,
      [envName("clientSecret")]: p.user.clientSecret,
      [envName("refreshToken")]: p.user.refreshToken,
      [envName("endpoint")]: emu.url,
      [envName("authorityHost")]: emu.authorityHost,
      [envName("caCertificate")]: emu.ca,
      [envName("maxRetries")]: "2",
    };
    await pulumi(1, "stack", "init");
    const created = await upPerformed(1);
    assert.deepEqual([...new Set(Object.values(created))], ["create"], "the first up creates everything");
    const types = new Set(Object.keys(created).map((urn) => urn.split("::")[2].split(":").pop()));
    assert.deepEqual([...types].sort(), Object.keys(resources).sort(), "the stack holds every registered type");
  });
  after(async () => {
    if (emu) await emu.close();
    if (dir && !process.env.KEEP_TRUTH_OUT) fs.rmSync(path.dirname(dir), { recursive: true, force: true });
  });

  for (const round of [2, 3]) {
    it(`round ${round}: every in-place change previews as the update \`up\` performs, with no dependent replaced`, async () => {
      const { json, plan } = await previewPlan(round);
      const names = byName(plan);
      assert.ok(Object.keys(plan).length > 0, "the round changes something");
      assert.deepEqual(
        Object.entries(names).filter(([, op]) => op !== "update"),
        [],
        "only in-place updates are planned",
      );
      const performed = await upPerformed(round);
      assert.deepEqual(performed, plan, "up performs exactly the plan the preview showed");
      const report = await reportOf(json);
      assert.deepEqual(report.ops, names, "the preview-report comment lists the same resources and operations");
      assert.doesNotMatch(report.markdown, /forces replacement|to replace|known after apply/);
      if (round === 2)
        assert.deepEqual(
          Object.keys(names).sort(),
          [
            "CustomerBillingProfile billing-profile",
            "CustomerUsageBudget new-customer-budget",
            "CustomerUser alice",
            "Customer new-customer",
            "SelfServePolicy policy",
            "SubscriptionNickname nickname",
            "UserLicenseAssignment alice-license",
            "UserRoleAssignment alice-role",
            "VerifiedDomain domain",
          ].sort(),
        );
      else assert.deepEqual(Object.keys(names), ["CustomerUser alice"]);
    });
  }
});
