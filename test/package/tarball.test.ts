// What `npm pack` ships: the tarball scripts/pack.ts builds from a clean compile (its contents extracted and read),
// and `npm pack --dry-run` in the checkout itself, both held to package.json "files": compiled JavaScript with
// declarations, the partner-center command, the emulator, the tenant-spec schema, docs, README and LICENSE — and
// no tests, TypeScript sources, source maps, caches, state files, keys, tokens or seeded credentials.
import { strict as assert } from "assert";
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { startEmulator } from "../../emulator";
import type { PackResult } from "../../scripts/pack";
import { repoRoot } from "../../scripts/pulumi-env";
import { packCheckout } from "./user-project";

/** Every path the package may hold; anything else is a packaging mistake. */
const ALLOWED = [
  /^package\.json$/,
  /^README\.md$/,
  /^LICENSE$/,
  /^dist\/(provider|emulator)\/.+\.(js|d\.ts)$/,
  /^schema\/[^/]+\.json$/,
  /^docs\/[^/]+\.(md|png)$/,
];
const FORBIDDEN = [
  /(^|\/)test\//,
  /(^|\/)(bench|examples|scripts|tenants|node_modules|\.cache|\.ci|\.pulumi)\//,
  /(?<!\.d)\.ts$/,
  /\.map$/,
  /\.tgz$/,
  /\.tsbuildinfo$/,
  /(^|\/)Pulumi(\.[^/]+)?\.yaml$/,
  /\.(pem|key|pfx|p12)$/,
  /(^|\/)\.(env|passphrase)/,
  /emulator-state|\.credentials\.json$/,
];

function sourcesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(path.join(repoRoot, dir), { withFileTypes: true })) {
    const rel = path.posix.join(dir, e.name);
    if (e.isDirectory()) out.push(...sourcesUnder(rel));
    else if (e.name.endsWith(".ts") && !e.name.endsWith(".d.ts")) out.push(rel);
  }
  return out;
}

function filesUnder(dir: string, base = dir): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? filesUnder(full, base) : [path.relative(base, full).split(path.sep).join("/")];
  });
}

describe("package: the npm tarball", function () {
  this.timeout(300_000);
  let packed: PackResult;
  let root: string; // the extracted package/
  let work: string;

  before(() => {
    packed = packCheckout();
    console.log(
      `      tarball ${path.basename(packed.tarball)}: ${packed.files.length} files, ${(packed.size / 1024).toFixed(1)} kB (${(packed.unpackedSize / 1024).toFixed(1)} kB unpacked)`,
    );
    work = fs.mkdtempSync(path.join(os.tmpdir(), "pc-tarball-"));
    execFileSync("tar", ["-xzf", packed.tarball, "-C", work]);
    root = path.join(work, "package");
  });
  after(() => {
    if (work) fs.rmSync(work, { recursive: true, force: true });
  });

  it("extracts to exactly the files npm reported, all of them allowed and none forbidden", () => {
    assert.deepEqual(filesUnder(root).sort(), packed.files);
    assert.deepEqual(
      packed.files.filter((f) => !ALLOWED.some((re) => re.test(f))),
      [],
      'files outside package.json "files"',
    );
    assert.deepEqual(
      packed.files.filter((f) => FORBIDDEN.some((re) => re.test(f))),
      [],
    );
  });

  it("holds a module and its declaration for every provider and emulator source, and nothing stale", () => {
    const sources = [...sourcesUnder("provider"), ...sourcesUnder("emulator")].map((s) => s.replace(/\.ts$/, ""));
    const js = packed.files.filter((f) => f.endsWith(".js")).map((f) => f.replace(/^dist\//, "").replace(/\.js$/, ""));
    const dts = packed.files
      .filter((f) => f.endsWith(".d.ts"))
      .map((f) => f.replace(/^dist\//, "").replace(/\.d\.ts$/, ""));
    assert.deepEqual(js.sort(), [...sources].sort(), "one .js per source");
    assert.deepEqual(dts.sort(), [...sources].sort(), "one .d.ts per source");
  });

  it("package.json: main, types and bin point into the tarball; no build scripts; Apache-2.0 with its LICENSE text", () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")) as {
      name: string;
      version: string;
      main: string;
      types: string;
      bin: Record<string, string>;
      license: string;
      scripts?: unknown;
      peerDependencies?: Record<string, string>;
      dependencies?: Record<string, string>;
    };
    const source = JSON.parse(fs.readFileSync(path.join(repoRoot, "package.json"), "utf8")) as {
      version: string;
      dependencies: Record<string, string>;
    };
    assert.equal(pkg.name, "pulumi-partner-center");
    assert.equal(pkg.version, source.version);
    assert.ok(packed.files.includes(pkg.main), `main ${pkg.main}`);
    assert.ok(packed.files.includes(pkg.types), `types ${pkg.types}`);
    assert.deepEqual(Object.keys(pkg.bin), ["partner-center"]);
    assert.ok(packed.files.includes(pkg.bin["partner-center"]));
    assert.match(
      fs.readFileSync(path.join(root, pkg.bin["partner-center"]), "utf8").split("\n")[0],
      /^#!\/usr\/bin\/env node$/,
    );
    assert.equal(
      pkg.scripts,
      undefined,
      "an installed tarball is built: no prepare/build scripts that would rebuild it",
    );
    assert.deepEqual(pkg.dependencies, source.dependencies);
    assert.ok(pkg.peerDependencies?.["@pulumi/pulumi"], "@pulumi/pulumi is the user's, a peer dependency");
    assert.equal(pkg.license, "Apache-2.0");
    const license = fs.readFileSync(path.join(root, "LICENSE"), "utf8");
    assert.match(license, /Apache License\s+Version 2\.0, January 2004/);
    assert.match(license, /END OF TERMS AND CONDITIONS/);
  });

  it("has the shim's runtime and methods, the emulator, the tenant-spec program and schema, and the README", () => {
    for (const f of [
      "dist/provider/runtime.js",
      "dist/provider/shim-methods.js",
      "dist/provider/index.d.ts",
      "dist/emulator/index.js",
      "dist/emulator/index.d.ts",
      "dist/provider/spec/program.js",
      "schema/tenant-spec.schema.json",
      "README.md",
    ])
      assert.ok(packed.files.includes(f), `${f} is packed`);
    const schema = JSON.parse(fs.readFileSync(path.join(root, "schema", "tenant-spec.schema.json"), "utf8")) as {
      $schema?: string;
    };
    assert.match(schema.$schema ?? "", /json-schema\.org/);
  });

  it("holds every local image that a packed doc or the README shows, so the docs render from the package", () => {
    const missing: string[] = [];
    for (const doc of packed.files.filter((f) => f.endsWith(".md"))) {
      const text = fs.readFileSync(path.join(root, doc), "utf8");
      for (const [, target] of text.matchAll(/!\[[^\]]*\]\(([^)\s]+)\)/g)) {
        if (/^[a-z]+:/i.test(target)) continue;
        const file = path.posix.normalize(path.posix.join(path.posix.dirname(doc), target));
        if (!packed.files.includes(file)) missing.push(`${doc} shows ${target}`);
      }
    }
    assert.deepEqual(missing, []);
    assert.ok(packed.files.includes("docs/fleet-report.png"), "docs/fleet.md's screenshot is packed");
  });

  it("holds no private key, token or seeded emulator credential in any file", async () => {
    const emu = await startEmulator({ http: true });
    let seeded: Record<string, string>;
    try {
      seeded = {};
      for (const p of emu.seed.partners) {
        seeded[`${p.tenantId} app secret`] = p.app.clientSecret;
        seeded[`${p.tenantId} user secret`] = p.user.clientSecret;
        seeded[`${p.tenantId} refresh token`] = p.user.refreshToken;
        seeded[`${p.tenantId} certificate key`] = p.appCertificate.privateKeyPem.split("\n")[1] ?? "";
      }
    } finally {
      await emu.close();
    }
    const offenders: string[] = [];
    for (const f of packed.files) {
      const text = fs.readFileSync(path.join(root, f), "utf8");
      if (/-----BEGIN [A-Z ]*PRIVATE KEY-----\s*\n[A-Za-z0-9+/=]{40,}/.test(text))
        offenders.push(`${f}: a PEM private key`);
      if (/eyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\./.test(text)) offenders.push(`${f}: a JWT`);
      for (const [name, value] of Object.entries(seeded))
        if (value.length >= 8 && text.includes(value)) offenders.push(`${f}: ${name}`);
    }
    assert.deepEqual(offenders, []);
  });

  it('`npm pack --dry-run` in the checkout follows the same "files" rules', function () {
    const out = execFileSync("npm", ["pack", "--dry-run", "--json", "--ignore-scripts"], {
      cwd: repoRoot,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
    });
    const files = (JSON.parse(out) as Array<{ files: Array<{ path: string }> }>)[0].files.map((f) => f.path);
    assert.deepEqual(
      files.filter((f) => !ALLOWED.some((re) => re.test(f))),
      [],
    );
    assert.deepEqual(
      files.filter((f) => FORBIDDEN.some((re) => re.test(f))),
      [],
    );
    for (const f of [
      "LICENSE",
      "README.md",
      "schema/tenant-spec.schema.json",
      "dist/provider/cli/main.js",
      "dist/emulator/index.js",
    ]) {
      assert.ok(files.includes(f), `${f} is in the checkout's pack (run \`npm run build\` first if dist/ is missing)`);
    }
  });
});
