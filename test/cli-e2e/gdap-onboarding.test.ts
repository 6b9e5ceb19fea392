// Issue 15's "done when", run as docs/gdap.md's onboarding section says: a fresh folder, one tenants/ YAML file with
// a GDAP relationship (P10D, no auto-extend, a role by name) and an assignment for a partner group by display name,
// ONE `pulumi up` during which the customer approves (the doc's curl line to the sandbox's admin call, typed in a
// second terminal), then `partner-center drift` lists the relationship expiring in 10 days as a warning (exit 0).
// Every bash line of the section is typed as written into one shell (ShellSession) with plain `pulumi`; declared
// departures, as the doc says: the packed tarball instead of the registry name, the PARTNERCENTER_* values from the
// sandbox's printed lines, `<relationship id>` from the sandbox once `pulumi up` has locked it for approval.
// The program of section 1 (Declare) is previewed as written, with the customer placeholder filled in.
import { strict as assert } from "assert";
import * as fs from "fs";
import * as path from "path";
import { emulatorOk } from "../../scripts/emulator-http";
import {
  cliEmulator,
  cliEnv,
  docBlocks,
  DocExitCodes,
  docSection,
  linkSharedInstall,
  previewSteps,
  pulumi,
  stackConfig,
  docShellLines,
  packedTarball,
  sandboxEmulator,
  ShellSession,
  writeDocFiles,
  type CliEmulator,
  type CliEnv,
  type RunResult,
  type SandboxEmulator,
} from "./harness";

const DOC = "docs/gdap.md";
const SECTION = '## From nothing to "Helpdesk Agents has Helpdesk Administrator": one YAML file, one `pulumi up`';
const EMULATOR_LINE = "npx partner-center emulator --print-credentials";
const APPROVE = "/_emulator/gdap/relationships/<relationship id>/approve";
const RELATIONSHIP = "fabrikam-onboarding";
const HELPDESK_ADMINISTRATOR = "729827e3-9c14-49f7-bb1b-9608f156bbb8";

interface GdapState {
  partners: Array<{
    tenantId: string;
    customers: Array<{ id: string; companyProfile: { domain: string } }>;
    gdap?: {
      securityGroups: Array<{ id: string; displayName: string }>;
      relationships: Array<{
        id: string;
        displayName: string;
        status: string;
        duration: string;
        autoExtendDuration: string;
        customer?: { tenantId: string } | null;
        accessAssignments: Array<{ groupId: string; status: string; roles: string[] }>;
      }>;
    };
  }>;
}

describe("cli-e2e: docs/gdap.md onboarding, one YAML file and one pulumi up plus the customer's approval", function () {
  this.timeout(900_000);
  let env: CliEnv;
  let sandbox: SandboxEmulator | undefined;
  const shells: ShellSession[] = [];
  const section = docSection(DOC, SECTION);
  const state = async () => (await emulatorOk<GdapState>(sandbox!, "GET", "/_emulator/state")).partners[0];
  const relationship = async () => (await state()).gdap?.relationships.find((r) => r.displayName === RELATIONSHIP);

  before(async () => (env = await cliEnv()));
  after(async () => {
    for (const s of shells) s.close();
    await sandbox?.stop();
    env?.dispose();
  });

  it("up creates the relationship, waits through the approval, assigns the group; drift warns of 10 days", async () => {
    const lines = docShellLines(section);
    const approveLine = lines.find((l) => l.includes(APPROVE));
    assert.ok(approveLine, `${DOC} does not show the sandbox's approval with ${APPROVE}`);
    assert.equal(lines.filter((l) => l.startsWith("pulumi up")).length, 1, "the section runs ONE pulumi up");
    const root = env.project("user");
    let dir = root;
    const open = (vars?: Record<string, string>) => {
      const s = new ShellSession(env, dir, vars);
      shells.push(s);
      return s;
    };
    let shell = open();
    const results: Array<{ line: string; r: RunResult }> = [];
    const exitCodes = new DocExitCodes(section);
    for (const line of lines) {
      if (line === EMULATOR_LINE) {
        sandbox = await sandboxEmulator(env, dir, line);
        assert.ok(sandbox.vars.PARTNERCENTER_CA_CERTIFICATE, "the emulator printed no PARTNERCENTER_* lines");
        shell = open(sandbox.vars);
        continue;
      }
      if (line === approveLine) continue; // typed in the second terminal while `pulumi up` waits, below
      if (/\.\.\./.test(line)) continue; // the user's own values; the sandbox's printed lines give them
      const command = line.replace(/^npm install pulumi-partner-center /, `npm install ${packedTarball()} `);
      const r: RunResult =
        line === "pulumi up" ? await upWhileTheCustomerApproves(shell, approveLine) : await shell.run(command);
      results.push({ line, r });
      exitCodes.check(line, r);
      if (line.startsWith("mkdir gdap-onboarding")) {
        dir = path.join(root, "gdap-onboarding");
        assert.deepEqual(writeDocFiles(dir, section).sort(), [
          "Pulumi.yaml",
          "tenants/fabrikamtenant.onmicrosoft.com.yaml",
        ]);
      }
    }
    assert.ok(sandbox, `${DOC} never starts the sandbox with \`${EMULATOR_LINE}\``);
    const ran = (prefix: string, nth = 0) => results.filter((x) => x.line.startsWith(prefix))[nth]?.r;

    const up = ran("pulumi up").stdout;
    assert.match(up, /granularAdminRelationships\//, "up shows the invitation link");
    assert.match(up, /\+ 3 created/, "the stack, the relationship and the assignment");
    const partner = await state();
    const customer = partner.customers.find((c) => c.companyProfile.domain === "fabrikamtenant.onmicrosoft.com")!;
    const rel = partner.gdap!.relationships.find((r) => r.displayName === RELATIONSHIP)!;
    assert.equal(rel.customer?.tenantId, customer.id);
    assert.equal(rel.duration, "P10D");
    assert.equal(rel.autoExtendDuration, "PT0S");
    const group = partner.gdap!.securityGroups.find((g) => g.displayName === "Helpdesk Agents")!;
    const assignment = rel.accessAssignments.find((a) => a.groupId === group.id);
    assert.ok(assignment, "Helpdesk Agents has no access assignment in the relationship");
    assert.deepEqual(assignment.roles, [HELPDESK_ADMINISTRATOR]);

    const list = ran("npx partner-center gdap list").stdout;
    assert.match(list, new RegExp(`${rel.id} .*  ${RELATIONSHIP} +active +Helpdesk Administrator `));
    assert.match(list, new RegExp(`${RELATIONSHIP} +\\S+ +Helpdesk Agents +\\w+ +Helpdesk Administrator`));

    const drift = ran("npx partner-center drift");
    assert.match(drift.stdout, /no-drift — 2 resources: 2 in sync/, drift.stdout);
    assert.match(
      drift.stdout,
      new RegExp(
        `warning: DelegatedAdminRelationship ${customer.id}/gdap/${RELATIONSHIP}: GDAP relationship "${RELATIONSHIP}" expires in 10 days`,
      ),
    );
    assert.match(fs.readFileSync(path.join(dir, "drift-report.md"), "utf8"), /#### Warnings \(not drift\)/);
    // the sandbox's clock 3 days on: counted by Graph's clock (its Date headers), not this machine's
    const later = ran("npx partner-center drift", 1);
    assert.ok(later, "the section checks again after moving the sandbox's clock");
    assert.match(later.stdout, /no-drift — 2 resources: 2 in sync/, later.stdout);
    assert.match(later.stdout, new RegExp(`GDAP relationship "${RELATIONSHIP}" expires in 7 days`), later.stdout);

    const destroy = ran("pulumi destroy");
    assert.ok(destroy, "the section ends the relationship");
    assert.match(
      destroy.stdout,
      /Microsoft Graph's clock reads \S+ while this machine's reads \S+ \(3\.0 days ahead of it\)/,
    );
    assert.match((await relationship())?.status ?? "", /^(terminationRequested|terminating|terminated)$/);
    for (const { line, r } of results)
      assert.ok(!r.stdout.includes(sandbox.vars.PARTNERCENTER_CLIENT_SECRET), `\`${line}\` printed the client secret`);

    /** The doc's `pulumi up`, while a second terminal types the approval once the invitation is out. */
    async function upWhileTheCustomerApproves(first: ShellSession, approve: string): Promise<RunResult> {
      let finished = false;
      const running = first.run("pulumi up").finally(() => (finished = true));
      let id: string | undefined;
      while (!finished && !id) {
        const r = await relationship();
        if (r?.status === "approvalPending") id = r.id;
        else await new Promise((resolve) => setTimeout(resolve, 500));
      }
      if (id) {
        const second = open(sandbox!.vars);
        const approved = await second.run(approve.replace("<relationship id>", id));
        results.push({ line: approve, r: approved });
        assert.equal(approved.code, 0, `the approval failed:\n${approved.stdout}`);
      }
      const r = await running;
      assert.ok(id, `pulumi up ended before the relationship awaited approval:\n${r.stdout.slice(-3000)}`);
      return r;
    }
  });

  it("the program of section 1 (Declare), as written: preview checks it and shows the two creates, writing nothing", async () => {
    const program = docBlocks(docSection(DOC, "## 1. Declare"))["index.ts"];
    assert.ok(program, `${DOC} section 1 has no index.ts block`);
    const dir = env.project("declare");
    const emu: CliEmulator = await cliEmulator(dir);
    try {
      fs.writeFileSync(path.join(dir, "Pulumi.yaml"), "name: gdap-declare\nruntime: nodejs\n");
      fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name: "gdap-declare", private: true }));
      // the placeholder is the user's customer; everything else as written
      fs.writeFileSync(path.join(dir, "index.ts"), program.replace("<customer tenant id>", emu.customer().id));
      await linkSharedInstall(env, dir);
      await stackConfig(env, dir, "dev", emu);
      const mark = await emu.mark();
      const preview = previewSteps((await pulumi(env, dir, ["preview", "--json"])).stdout);
      assert.deepEqual(
        preview.steps.map((s) => [s.op, s.type]),
        [
          ["create", "DelegatedAdminRelationship"],
          ["create", "DelegatedAdminAccessAssignment"],
        ],
      );
      // what the doc says preview refuses before anything is sent, e.g. a duration beyond P2Y
      fs.writeFileSync(
        path.join(dir, "index.ts"),
        program.replace("<customer tenant id>", emu.customer().id).replace('"P730D"', '"P800D"'),
      );
      const refused = await pulumi(env, dir, ["preview"], { allowFailure: true });
      assert.notEqual(refused.code, 0);
      assert.match(refused.stdout + refused.stderr, /duration.*is outside P1D\.\.P2Y/s);
      assert.deepEqual(await emu.writesSince(mark), [], "preview wrote to Microsoft Graph");
    } finally {
      await emu.close();
    }
  });
});
