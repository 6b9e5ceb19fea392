// "Preview tells the truth" (issue 18): with the plain `pulumi` CLI and its Node.js language host, a change of
// every input that updates in place — of every resource type, each with dependents that take ids from it —
// previews exactly as the following `up` performs it: the same URNs with the same operations, and no dependent
// replaced. `partner-center preview-report` on that `pulumi preview --json` says the same.
// One stack holds every registered type but the GDAP pair (below); round 2 changes all in-place inputs at once, round 3 the ones that are
// alternatives to round 2's (passwordVersion instead of password). Provider settings come from PARTNERCENTER_*
// variables (a documented way), which keeps the number of CLI runs low.
import { strict as assert } from "assert";
import * as fs from "fs";
import * as path from "path";
import { resources } from "../../provider/resources";
import { partnerCliEnv } from "../provider/cli/cli-env";
import {
  cliEmulator,
  cliEnv,
  linkSharedInstall,
  previewSteps,
  pulumi,
  sh,
  type CliEmulator,
  type CliEnv,
} from "./harness";

const STACK = "truth";
// Not in this stack yet: a GDAP relationship updates in place only once the customer has approved it (an emulator
// admin call between the first `up` and the rounds), and its access assignment waits for that approval at create.
const NEEDS_CUSTOMER_APPROVAL = new Set(["DelegatedAdminRelationship", "DelegatedAdminAccessAssignment"]);

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

/** URN -> operation of every resource of this package that is not left as it is. */
function changes(steps: Array<{ op: string; urn: string }>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const s of steps)
    if (s.op !== "same" && s.urn.includes("::pulumi-nodejs:dynamic/partnercenter:")) out[s.urn] = s.op;
  return out;
}

/** "<Type> <name>" -> operation. */
const byName = (plan: Record<string, string>) =>
  Object.fromEntries(
    Object.entries(plan).map(([urn, op]) => {
      const [, , type, name] = urn.split("::");
      return [`${type.split(":").pop()} ${name}`, op];
    }),
  );

describe("cli-e2e: preview tells the truth (plain `pulumi preview --json`, then `pulumi up`)", function () {
  this.timeout(900_000);
  let env: CliEnv;
  let emu: CliEmulator;
  let dir: string;
  let settings: Record<string, string>;

  const run = (phase: number, args: string[]) =>
    pulumi(env, dir, [...args, "--stack", STACK], { vars: { ...settings, TRUTH_PHASE: String(phase) } });

  /** What `up` performed, from its engine events (`--json` prints them one per line). */
  async function upPerformed(phase: number): Promise<Record<string, string>> {
    const out = (await run(phase, ["up", "--yes", "--skip-preview", "--json"])).stdout;
    const events = out
      .split("\n")
      .filter((l) => l.trim().startsWith("{"))
      .map((l) => JSON.parse(l) as { resOutputsEvent?: { metadata: { op: string; urn: string } } });
    return changes(events.flatMap((e) => (e.resOutputsEvent ? [e.resOutputsEvent.metadata] : [])));
  }

  before(async () => {
    env = await cliEnv();
    emu = await cliEmulator(env.root);
    const c = emu.customer(0);
    const sku = c.skus.find((s) => s.servicePlans.length > 1)!;
    const world = {
      customerId: c.id,
      domain: c.domain,
      sku: sku.skuPartNumber,
      plan: sku.servicePlans[0].serviceName,
      subscriptionId: c.subscriptions[0].id,
      verifiedDomain: "truth-verified.example",
      newDomain: "truth-new.onmicrosoft.com",
    };
    settings = { TRUTH_WORLD: JSON.stringify(world), ...partnerCliEnv(emu, emu.partner(), emu.caFile) };
    dir = env.project("preview-truth");
    fs.writeFileSync(path.join(dir, "Pulumi.yaml"), "name: preview-truth\nruntime: nodejs\nmain: index.js\n");
    fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name: "preview-truth", private: true }));
    fs.writeFileSync(path.join(dir, "index.js"), PROGRAM);
    await linkSharedInstall(env, dir);
    await pulumi(env, dir, ["stack", "init", STACK]);
    const created = await upPerformed(1);
    assert.deepEqual([...new Set(Object.values(created))], ["create"], "the first up creates everything");
    const types = new Set(Object.keys(created).map((urn) => urn.split("::")[2].split(":").pop()));
    assert.deepEqual(
      [...types].sort(),
      Object.keys(resources)
        .filter((t) => !NEEDS_CUSTOMER_APPROVAL.has(t))
        .sort(),
      "the stack holds every registered type",
    );
  });
  after(async () => {
    env?.dispose();
    await emu?.close();
  });

  for (const round of [2, 3]) {
    it(`round ${round}: every in-place change previews as the update \`up\` performs, with no dependent replaced`, async () => {
      const preview = await run(round, ["preview", "--json"]);
      const plan = changes(previewSteps(preview.stdout).steps);
      const names = byName(plan);
      assert.ok(Object.keys(plan).length > 0, "the round changes something");
      assert.deepEqual(
        Object.entries(names).filter(([, op]) => op !== "update"),
        [],
        "only in-place updates are planned",
      );
      if (round === 2)
        assert.deepEqual(
          Object.keys(names).sort(),
          [
            "Customer new-customer",
            "CustomerBillingProfile billing-profile",
            "CustomerUsageBudget new-customer-budget",
            "CustomerUser alice",
            "SelfServePolicy policy",
            "SubscriptionNickname nickname",
            "UserLicenseAssignment alice-license",
            "UserRoleAssignment alice-role",
            "VerifiedDomain domain",
          ].sort(),
        );
      else assert.deepEqual(Object.keys(names), ["CustomerUser alice"]);

      // the pull-request comment, built from that same JSON by the line docs/ci-reports.md gives
      fs.writeFileSync(path.join(dir, "preview.json"), preview.stdout);
      await sh(
        env,
        dir,
        "npx partner-center preview-report --in preview.json --out comment.md --json preview-report.json",
      );
      const rows = (
        JSON.parse(fs.readFileSync(path.join(dir, "preview-report.json"), "utf8")) as {
          resources: Array<{ op: string; ref: { type: string; name: string } }>;
        }
      ).resources;
      assert.deepEqual(
        Object.fromEntries(rows.map((x) => [`${x.ref.type} ${x.ref.name}`, x.op])),
        names,
        "the comment lists the same resources and operations",
      );
      const comment = fs.readFileSync(path.join(dir, "comment.md"), "utf8");
      assert.match(comment, /to update/);
      assert.doesNotMatch(comment, /forces replacement|to replace|known after apply/);

      assert.deepEqual(await upPerformed(round), plan, "up performs exactly the plan the preview showed");
    });
  }
});
