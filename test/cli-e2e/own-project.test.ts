// README "Use it in your own project", typed as written into one shell (ShellSession) with plain `pulumi` and the
// language host, in a fresh folder outside the checkout, for both variants: compiled `main` (Pulumi.yaml as shown,
// the two tsc steps) and Pulumi compiling index.ts (the variant Pulumi.yaml, no tsc). Declared departures, as the
// README says: `npm install pulumi-partner-center` installs the packed tarball, port 8443 becomes a free port, each
// `<…>` of step 4 comes from the sandbox's credentials file, and PULUMI_SKIP_CONFIRMATIONS answers the prompts.
import { strict as assert } from "assert";
import * as fs from "fs";
import * as path from "path";
import { emulatorOk } from "../../scripts/emulator-http";
import { sandboxSeed, useDocSession, type SandboxSeed } from "./doc-session";
import {
  docSection,
  docShellLines,
  docVariantBlock,
  freePort,
  packedTarball,
  sandboxEmulator,
  ShellSession,
  writeDocFiles,
  type RunResult,
} from "./harness";

const SECTION = docSection("README.md", "## Use it in your own project");
const EMULATOR_LINE = /^npx partner-center emulator --port 8443 /;

interface StateUsers {
  partners: Array<{ customers: Array<{ users: Array<{ userPrincipalName: string; state: string }> }> }>;
}

for (const variant of ["compiled main", "Pulumi compiles TypeScript"] as const) {
  describe(`cli-e2e: README "Use it in your own project" (${variant})`, function () {
    this.timeout(900_000);
    const session = useDocSession();

    it("every command as written: install, program, sandbox, config, up, an empty preview, destroy", async () => {
      const lines = docShellLines(SECTION);
      assert.ok(lines.length > 10, `the section has ${lines.length} command lines`);
      const root = session.env.project("user");
      session.shell = new ShellSession(session.env, root);
      const port = String(await freePort());
      let dir = root;
      let seed: SandboxSeed | undefined;
      const outputs: Array<{ line: string; r: RunResult }> = [];
      const activeServiceDesk = async () =>
        (await emulatorOk<StateUsers>(session.sandbox!, "GET", "/_emulator/state")).partners
          .flatMap((p) => p.customers)
          .flatMap((c) => c.users)
          .filter((u) => u.userPrincipalName.startsWith("service.desk@") && u.state === "active").length;

      for (const line of lines) {
        if (variant !== "compiled main" && line.startsWith("npx tsc")) continue; // the variant needs no tsc
        if (EMULATOR_LINE.test(line)) {
          session.sandbox = await sandboxEmulator(session.env, dir, line.replace("8443", port));
          seed = sandboxSeed(session.sandbox, dir);
          continue;
        }
        let command = line
          .replace(/^npm install pulumi-partner-center /, `npm install ${packedTarball()} `)
          .replaceAll("8443", port);
        let secret = false;
        const set = /^pulumi config set (--secret )?(\S+) (<[^>]+>)$/.exec(command);
        if (set) {
          assert.ok(seed, `\`${line}\` comes before the sandbox is started`);
          secret = Boolean(set[1]);
          command = command.replace(set[3], JSON.stringify(placeholderValue(seed, set[2])));
        }
        assert.ok(!/<[^>]+>/.test(command), `\`${line}\` has a placeholder the README does not explain`);
        if (line === "pulumi destroy") assert.equal(await activeServiceDesk(), 1, "up created no service.desk user");
        const r = await session.shell.run(command);
        outputs.push({ line, r });
        // a secret line's error shows neither its command nor its output
        assert.equal(
          r.code,
          0,
          secret ? `\`${line}\` failed` : `\`${line}\` exited with ${r.code}:\n${r.stdout.slice(-3000)}`,
        );
        if (line.startsWith("mkdir my-tenants")) dir = path.join(root, "my-tenants");
        if (line.startsWith("npm install")) {
          writeDocFiles(dir, SECTION);
          if (variant !== "compiled main")
            fs.writeFileSync(path.join(dir, "Pulumi.yaml"), docVariantBlock(SECTION, "Pulumi.yaml"));
        }
      }

      assert.ok(session.sandbox && seed, "the README never starts the sandbox");
      for (const step of ["pulumi up", "pulumi preview --expect-no-changes", "pulumi destroy"])
        assert.ok(
          outputs.some((o) => o.line === step),
          `the README does not run \`${step}\``,
        );
      assert.equal(await activeServiceDesk(), 0, "destroy left the service.desk user active");
      const up = outputs.find((o) => o.line === "pulumi up")!.r.stdout;
      assert.match(up, /\+ 4 created/); // the stack and the three resources
      const partner = seed.partners.find((p) => p.tenantId === seed.defaultPartnerId)!;
      for (const { line, r } of outputs) {
        assert.ok(!/Invalid 'main' field|DEP0128/.test(r.stdout), `\`${line}\` warned about package.json main`);
        assert.ok(!r.stdout.includes(partner.user.clientSecret), `\`${line}\` printed the client secret`);
        assert.ok(!r.stdout.includes(partner.user.refreshToken), `\`${line}\` printed the refresh token`);
      }
      if (variant === "compiled main") assert.ok(fs.existsSync(path.join(dir, "bin", "index.js")));
    });
  });
}

/** Step 4's rule: every value comes from the sandbox's credentials file. */
function placeholderValue(seed: SandboxSeed, key: string): string {
  const partner = seed.partners.find((p) => p.tenantId === seed.defaultPartnerId)!;
  const values: Record<string, string> = {
    customerId: partner.customers[0].id,
    domain: partner.customers[0].domain,
    "partnercenter:tenantId": partner.tenantId,
    "partnercenter:clientId": partner.user.clientId,
    "partnercenter:clientSecret": partner.user.clientSecret,
    "partnercenter:refreshToken": partner.user.refreshToken,
  };
  assert.ok(values[key], `README step 4 sets ${key}, which the credentials file does not explain`);
  return values[key];
}
