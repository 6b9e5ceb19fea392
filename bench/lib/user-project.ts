// A user's tenant-spec project outside the checkout, as docs/gitops.md builds it: the checkout packed
// (scripts/pack.ts), `npm install <tarball> @pulumi/pulumi@3.248.0`, and a Pulumi.yaml whose main is the packaged
// tenant-spec program. The package is then a real copy under node_modules, as on a user's machine, so the
// serialized provider in state is what users get (a linked checkout is serialized differently, see kit/shim.ts).
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { packPackage } from "../../scripts/pack";
import { repoRoot } from "../../scripts/pulumi-env";

export const PULUMI_SDK_VERSION = "3.248.0";

export interface UserProject {
  dir: string;
  tarballBytes: number;
  dispose(): void;
}

/** Packs the checkout (or the git revision `rev`, from `git archive`) and installs it into a new project folder
 *  with the tenant-spec Pulumi.yaml. */
export function tenantSpecProject(prefix: string, rev?: string): UserProject {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), prefix)));
  let sourceDir: string | undefined;
  if (rev) {
    sourceDir = path.join(dir, ".source");
    fs.mkdirSync(sourceDir);
    execFileSync("bash", ["-c", `git archive --format=tar "$0" | tar -x -C "$1"`, rev, sourceDir], { cwd: repoRoot });
  }
  const packed = packPackage({ outDir: path.join(dir, ".tarball"), sourceDir });
  fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name: "tenants-bench", private: true }, null, 2));
  execFileSync(
    "npm",
    ["install", packed.tarball, `@pulumi/pulumi@${PULUMI_SDK_VERSION}`, "--save-exact", "--no-audit", "--no-fund"],
    { cwd: dir, stdio: ["ignore", "pipe", "pipe"] },
  );
  fs.writeFileSync(
    path.join(dir, "Pulumi.yaml"),
    [
      "name: partner-center-tenants",
      "runtime:",
      "  name: nodejs",
      "  options:",
      "    typescript: false",
      "main: node_modules/pulumi-partner-center/dist/provider/spec/program.js",
      "",
    ].join("\n"),
  );
  fs.mkdirSync(path.join(dir, "tenants"));
  return { dir, tarballBytes: packed.size, dispose: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/** A tenant spec of `users` users, each with one directory role and one license. */
export function usersSpec(domain: string, users: number, roles: string[], sku: string): string {
  const lines = ["apiVersion: partnercenter.pulumi/v1", `customer: ${domain}`, "users:"];
  for (let i = 0; i < users; i++) {
    lines.push(
      `  - userPrincipalName: user${i}@${domain}`,
      `    displayName: Bench User ${i}`,
      "    usageLocation: US",
      `    roles: [${roles[i % roles.length]}]`,
      `    licenses: [${sku}]`,
    );
  }
  return `${lines.join("\n")}\n`;
}
