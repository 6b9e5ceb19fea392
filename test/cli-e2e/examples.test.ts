// Every folder under examples/ with a Pulumi.yaml, run as its own README says, by a user who copied the folder out
// of the repository: the README's bash lines typed into one shell with plain `pulumi` and the language host.
// Declared departures, as each README says: the packed package is linked in instead of `npm install` (one shared
// install), port 8443 becomes a free port, each `<…>` placeholder comes from the sandbox's credentials file, and
// PULUMI_SKIP_CONFIRMATIONS answers the prompts.
import { strict as assert } from "assert";
import * as fs from "fs";
import * as path from "path";
import { sandboxSeed, useDocSession, type SandboxSeed } from "./doc-session";
import {
  docShellLines,
  freePort,
  linkSharedInstall,
  repoRoot,
  sandboxEmulator,
  ShellSession,
  type RunResult,
  type SandboxEmulator,
} from "./harness";

const EXAMPLES = fs
  .readdirSync(path.join(repoRoot, "examples"))
  .filter((d) => fs.existsSync(path.join(repoRoot, "examples", d, "Pulumi.yaml")))
  .sort();
const EMULATOR_LINE = /^npx partner-center emulator --port 8443 /;

describe("cli-e2e: examples/, each as its README says", function () {
  this.timeout(900_000);
  const session = useDocSession();

  it("examples/ holds the projects this test knows", () => {
    assert.deepEqual(EXAMPLES, ["account-settings", "gdap", "multi-customer", "quickstart"]);
  });

  for (const example of EXAMPLES) {
    it(`${example}: up creates its resources, a preview is empty, destroy`, async () => {
      const readme = fs.readFileSync(path.join(repoRoot, "examples", example, "README.md"), "utf8");
      const lines = docShellLines(readme);
      const dir = session.env.project(example);
      fs.cpSync(path.join(repoRoot, "examples", example), dir, { recursive: true });
      await linkSharedInstall(session.env, dir);
      const shell = new ShellSession(session.env, dir);
      const port = String(await freePort());
      let sandbox: SandboxEmulator | undefined;
      let seed: SandboxSeed | undefined;
      const outputs: Array<{ line: string; r: RunResult }> = [];
      try {
        for (const line of lines) {
          if (EMULATOR_LINE.test(line)) {
            sandbox = await sandboxEmulator(session.env, dir, line.replace("8443", port));
            seed = sandboxSeed(sandbox, dir);
            continue;
          }
          let command = line.replaceAll("8443", port);
          const placeholders = [...command.matchAll(/<[^>]+>/g)].map((m) => m[0]);
          if (placeholders.length) {
            assert.ok(seed, `\`${line}\` comes before the sandbox is started`);
            for (const p of placeholders) command = command.replace(p, placeholderValue(seed, p, example));
          }
          const r = await shell.run(command);
          outputs.push({ line, r });
          const secret = line.includes("--secret");
          assert.equal(
            r.code,
            0,
            secret ? `\`${line}\` failed` : `\`${line}\` exited with ${r.code}:\n${r.stdout.slice(-3000)}`,
          );
        }
      } finally {
        shell.close();
        await sandbox?.stop();
      }
      assert.ok(sandbox, `${example}/README.md never starts the sandbox`);
      for (const step of ["pulumi up", "pulumi preview --expect-no-changes", "pulumi destroy"])
        assert.ok(
          outputs.some((o) => o.line === step),
          `${example}/README.md does not run \`${step}\``,
        );
      const ups = outputs.filter((o) => o.line === "pulumi up").map((o) => o.r.stdout);
      const up = ups.join("\n");
      const created = ups.reduce((n, out) => n + Number(/\+ (\d+) created/.exec(out)?.[1] ?? 0), 0);
      // the stack itself plus this example's resources; the repository root's program would give "+ 1 created"
      assert.ok(created > 2, `${example}: up created ${created}:\n${up.slice(-2000)}`);
      assert.ok(!/dist\/provider/.test(up), `${example}: up ran the package's own module as the program`);
      if (example === "gdap") {
        assert.deepEqual(
          ups.map((out) => /\+ (\d+) created/.exec(out)?.[1]),
          ["2", "1"],
          "the first up creates the stack and the relationship, the second (after the approval) the assignment",
        );
        assert.match(up, /granularAdminRelationships\//, "the invitation link is shown");
        const drift = outputs.find((o) => o.line.startsWith("npx partner-center drift"));
        assert.ok(drift, "gdap/README.md runs partner-center drift");
        assert.match(drift.r.stdout, /no-drift — 2 resources: 2 in sync/, "the relationship and the assignment");
        assert.match(
          drift.r.stdout,
          /warning: DelegatedAdminRelationship helpdesk: GDAP relationship "example-helpdesk" expires in 10 days/,
        );
      }
    });
  }
});

/** The README's placeholders, filled as each README says: from the credentials file of the sandbox. */
function placeholderValue(seed: SandboxSeed, placeholder: string, example: string): string {
  const partner = seed.partners.find((p) => p.tenantId === seed.defaultPartnerId)!;
  const [first, second] = partner.customers;
  const values: Record<string, string> = {
    "<customer id>": first.id,
    "<customer domain>": first.domain,
    "<second customer id>": second.id,
    "<second customer domain>": second.domain,
    "<partner tenant id>": partner.tenantId,
    "<app id>": partner.user.clientId,
    "<app secret>": partner.user.clientSecret,
    "<App+User refresh token>": partner.user.refreshToken,
  };
  assert.ok(values[placeholder], `${example}/README.md has the placeholder ${placeholder}, which no file explains`);
  return values[placeholder];
}
