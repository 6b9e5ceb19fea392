// A create that fails under the real engine (emulator fault rules) must leave no object in Partner Center that
// the stack's state does not know about: either nothing was made, or the resource is in state and the next
// `up` converges without a conflict.
import { strict as assert } from "assert";
import * as path from "path";
import * as pulumi from "@pulumi/pulumi";
import type { Stack } from "@pulumi/pulumi/automation";
import { startEmulator } from "../../emulator";
import { emulatorOk } from "../../scripts/emulator-http";
import { CustomerUser } from "../../provider/resources/customer-user";
import { directoryView, engineErrorSummary, EventLog, providerConfig, readCheckpoint, repoRoot, stackFor, tempPulumiEnv } from "./harness";

const PROJECT = "quickstart";   // any project folder inside the repo: the provider plugin resolves the package from there
const projectDir = path.join(repoRoot, "examples", "quickstart");
const USERS_POST = "^/v1/customers/[^/]+/users$";

describe("e2e: a create that fails leaves nothing unknown to state", function () {
  this.timeout(240_000);
  let emu: Awaited<ReturnType<typeof startEmulator>>;
  let env: Awaited<ReturnType<typeof tempPulumiEnv>>;
  const partner = () => emu.seed.partners.find((p) => p.tenantId === emu.seed.defaultPartnerId)!;
  const customer = () => partner().customers[2];
  const view = async () => directoryView(await emulatorOk(emu, "GET", "/_emulator/state"));

  const program = async () => {
    const c = customer();
    const user = new CustomerUser("faulty", { customerId: c.id, userPrincipalName: `faulty.create@${c.domain}`, displayName: "Faulty Create" });
    return { userId: user.userId };
  };

  async function stackNamed(name: string): Promise<Stack> {
    const cfg = providerConfig(emu, partner());
    return stackFor(env, projectDir, name, { config: { ...cfg.config, customerId: customer().id, domain: customer().domain }, secrets: cfg.secrets }, program);
  }

  /** Users active in the emulator now but not before, that no CustomerUser in state names. */
  function unknownUsers(stackName: string, before: string[], now: string[], ids: Record<string, string>): string[] {
    const known = new Set(readCheckpoint(env, PROJECT, stackName).resources.map((r) => String(r.outputs?.userId ?? "")).filter(Boolean));
    return now.filter((u) => !before.includes(u)).filter((u) => !known.has(ids[u]));
  }

  async function activeUserIds(): Promise<Record<string, string>> {
    const state = await emulatorOk<{ partners: Array<{ customers: Array<{ id: string; users: Array<{ id: string; userPrincipalName: string; displayName: string; state: string }> }> }> }>(emu, "GET", "/_emulator/state");
    const out: Record<string, string> = {};
    for (const p of state.partners) for (const c of p.customers) for (const u of c.users) {
      if (u.state === "active") out[`${c.id}/${u.userPrincipalName.toLowerCase()}/${u.displayName}`] = u.id;
    }
    return out;
  }

  before(async () => {
    emu = await startEmulator({});
    env = await tempPulumiEnv();
  });
  after(async () => {
    env?.dispose();
    await emu?.close();
  });
  afterEach(async () => { await emulatorOk(emu, "DELETE", "/_emulator/faults"); });

  for (const scenario of [
    { name: "rejected before anything is made (400)", stack: "rejected", mustFail: true,
      rule: { method: "POST", path: USERS_POST, status: 400, code: "2000", description: "injected", times: 1 } },
    { name: "made, then the answer lost (500 after commit, every time)", stack: "lost-answer", mustFail: false,
      rule: { method: "POST", path: USERS_POST, applyThenFail: true, status: 500, times: 20 } },
  ]) {
    it(`${scenario.name}: state knows every new object, the next up converges, destroy cleans up`, async () => {
      const stack = await stackNamed(scenario.stack);
      const before = (await view()).activeUsers;
      await emulatorOk(emu, "POST", "/_emulator/faults", { body: scenario.rule });

      // A lost answer may end either way (the provider may recover the user by its UPN); what matters is state.
      const outcome = await stack.up().then(() => "succeeded", (e: unknown) => `failed: ${engineErrorSummary(e)}`);
      if (scenario.mustFail) assert.match(outcome, /^failed/);
      const ids = await activeUserIds();
      assert.deepEqual(unknownUsers(scenario.stack, before, Object.keys(ids), ids), [], `no user exists that state does not know (up ${outcome})`);
      if (scenario.mustFail) assert.deepEqual(Object.keys(ids).filter((u) => !before.includes(u)), [], "a rejected create makes nothing");

      await emulatorOk(emu, "DELETE", "/_emulator/faults");
      const retry = new EventLog();
      try {
        await stack.up({ onEvent: retry.onEvent });
      } catch (e) {
        assert.fail(`the next up must converge: ${engineErrorSummary(e)}`);
      }
      const made = Object.keys(await activeUserIds()).filter((u) => !before.includes(u));
      assert.equal(made.length, 1, "exactly one user, not a duplicate");
      await stack.destroy();
      assert.deepEqual((await view()).activeUsers, before);
    });
  }
});
