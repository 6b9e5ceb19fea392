// The serialized provider (`__provider`) of every registered resource, produced the way the Pulumi SDK produces
// it, while the provider process holds everything secret it ever holds: configured credentials, an issued
// access token, environment fallbacks and a user's password. None of it may appear in the text.
// Then the text in the layouts users install the package in (npm's node_modules copy, pnpm's .pnpm folder), made
// in a temp folder and serialized by a node process whose cwd is that project, as the Pulumi program's is.
import assert from "assert";
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as pulumi from "@pulumi/pulumi";
import * as ts from "typescript";
import { resources } from "../../../../provider/resources";
import { PACKAGE_NAME, providerFor, requiredByPackageName } from "../../../../provider/resources/kit/shim";
import { userToken } from "../../../emulator/helpers";
import { provision, runtime, stackConfig, startFixture, type Fixture } from "../fixture";

const TYPES = Object.keys(resources);
const JWT_RE = /eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\./;

describe("kit/shim: __provider of every resource holds no credential, token or password", () => {
  let f: Fixture;
  const password = "Shim!Passw0rd#2026";
  const envSecret = "env-only-client-secret-9f3a";

  before(async () => {
    process.env.PARTNERCENTER_CLIENT_SECRET = envSecret;
    f = await startFixture();
    // A real call, so the runtime has acquired and cached a token and has seen a password.
    await provision("CustomerUser", {
      customerId: f.customer.id,
      userPrincipalName: `shim.user@${f.customer.domain}`,
      displayName: "Shim",
      password,
    });
  });
  after(async () => {
    delete process.env.PARTNERCENTER_CLIENT_SECRET;
    if (f) await f.close();
  });

  for (const type of TYPES) {
    it(`${type}: only the type name and a require of the compiled runtime`, async () => {
      const provider = providerFor(type);
      // as @pulumi/pulumi's dynamic.Resource serializes its provider (sdk/nodejs/dynamic/index.ts serializeProvider)
      const serialized = await pulumi.runtime.serializeFunction(() => provider, { allowSecrets: true });
      const text = serialized.text;
      assert.ok(!serialized.containsSecrets, "no secret Output captured");
      const secrets: Record<string, string> = {
        ...stackConfig(f.emu),
        password,
        envSecret,
        userToken: await userToken(f.emu),
      };
      const leaked = Object.entries(secrets)
        .filter(([, v]) => v.length >= 6 && text.includes(v))
        .map(([k]) => k);
      assert.deepStrictEqual(leaked, []);
      assert.doesNotMatch(text, JWT_RE);
      assert.doesNotMatch(text, /BEGIN CERTIFICATE|PRIVATE KEY/);
      assert.deepStrictEqual(
        [...new Set([...text.matchAll(/require\(([^)]*)\)/g)].map((m) => m[1]))],
        ['"pulumi-partner-center/dist/provider/runtime"'],
      );
      assert.ok(text.includes(`"${type}"`), "the shim names its type");
      assert.ok(text.length < 4000, `the shim is small (${text.length} characters)`);
    });
  }

  it("every registered type name is one the runtime dispatches", async () => {
    assert.ok(TYPES.length >= 11, `the registry lists every resource (${TYPES.length})`);
    for (const type of TYPES) await assert.doesNotReject(async () => runtime.check(type, {}, {}), type);
  });
});

const repo = path.resolve(__dirname, "../../../..");

/** The two shim modules, transpiled, at `<pkgDir>/dist/provider/...`, with a runtime stub that echoes its calls. */
function writePackage(pkgDir: string): void {
  const emit = (source: string, out: string) => {
    const js = ts.transpileModule(fs.readFileSync(path.join(repo, source), "utf8"), {
      compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
    }).outputText;
    fs.mkdirSync(path.dirname(path.join(pkgDir, out)), { recursive: true });
    fs.writeFileSync(path.join(pkgDir, out), js);
  };
  fs.mkdirSync(pkgDir, { recursive: true });
  fs.writeFileSync(path.join(pkgDir, "package.json"), JSON.stringify({ name: PACKAGE_NAME, version: "1.0.0" }));
  emit("provider/shim-methods.ts", "dist/provider/shim-methods.js");
  emit("provider/resources/kit/shim.ts", "dist/provider/resources/kit/shim.js");
  const echo = (m: string) => `exports.${m} = (...args) => ({ method: "${m}", args });`;
  fs.writeFileSync(
    path.join(pkgDir, "dist/provider/runtime.js"),
    ["configure", "check", "diff", "create", "read", "update", "delete"].map(echo).join("\n"),
  );
}

/** In a node process with cwd `project`: the serialized provider of CustomerUser, and what its methods forward. */
function serializeIn(project: string): { text: string; calls: unknown[] } {
  const script = `
    const pulumi = require(${JSON.stringify(require.resolve("@pulumi/pulumi"))});
    const { providerFor } = require("${PACKAGE_NAME}/dist/provider/resources/kit/shim");
    const provider = providerFor("CustomerUser");
    pulumi.runtime.serializeFunction(() => provider, { allowSecrets: true }).then(async (s) => {
      const m = { exports: {} };
      new Function("exports", "module", "require", s.text)(m.exports, m, require("module").createRequire(process.cwd() + "/x.js"));
      const p = m.exports.handler();
      const calls = [await p.configure("req"), await p.check("o", "n"), await p.diff("id", "o", "n"), await p.create("i"),
        await p.read("id", "p"), await p.update("id", "o", "n"), await p.delete("id", "p")];
      process.stdout.write(JSON.stringify({ text: s.text, calls }));
    });`;
  return JSON.parse(
    execFileSync(process.execPath, ["-e", script], {
      cwd: project,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
    }),
  );
}

const FORWARDED = [
  { method: "configure", args: ["req"] },
  { method: "check", args: ["CustomerUser", "o", "n"] },
  { method: "diff", args: ["CustomerUser", "id", "o", "n"] },
  { method: "create", args: ["CustomerUser", "i"] },
  { method: "read", args: ["CustomerUser", "id", "p"] },
  { method: "update", args: ["CustomerUser", "id", "o", "n"] },
  { method: "delete", args: ["CustomerUser", "id", "p"] },
];

describe("kit/shim: the serialized provider in the layouts the package is installed in", function () {
  this.timeout(60_000);
  let dir: string;
  beforeEach(() => {
    dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), "pc-shim-")));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("npm (a copy under node_modules): state holds a require of shim-methods by package name and the type", () => {
    writePackage(path.join(dir, "node_modules", PACKAGE_NAME));
    const { text, calls } = serializeIn(dir);
    assert.match(text, /Object\.create\(require\("pulumi-partner-center\/dist\/provider\/shim-methods\.js"\)\)/);
    assert.ok(text.includes('"CustomerUser"'), text);
    assert.ok(text.length < 600, `${text.length} characters:\n${text}`);
    assert.deepStrictEqual(calls, FORWARDED);
  });

  it("pnpm (a link to a versioned .pnpm folder): the methods by value, no versioned path in state", () => {
    const real = path.join(dir, "node_modules", ".pnpm", `${PACKAGE_NAME}@1.0.0`, "node_modules", PACKAGE_NAME);
    fs.mkdirSync(real, { recursive: true });
    writePackage(real);
    fs.symlinkSync(real, path.join(dir, "node_modules", PACKAGE_NAME), "dir");
    const { text, calls } = serializeIn(dir);
    assert.doesNotMatch(text, /\.pnpm|@1\.0\.0/);
    assert.deepStrictEqual(
      [...new Set([...text.matchAll(/require\(([^)]*)\)/g)].map((m) => m[1]))],
      ['"pulumi-partner-center/dist/provider/runtime"'],
    );
    assert.deepStrictEqual(calls, FORWARDED);
  });

  it("requiredByPackageName follows the serializer's first node_modules segment", () => {
    const file = (p: string) => path.join("/p", p, "dist/provider/shim-methods.js");
    assert.equal(requiredByPackageName(file(`node_modules/${PACKAGE_NAME}`), "/p"), true);
    assert.equal(requiredByPackageName(file(`node_modules/${PACKAGE_NAME}`), "/p/infra"), true, "hoisted");
    assert.equal(requiredByPackageName(file(`node_modules/.pnpm/x@1/node_modules/${PACKAGE_NAME}`), "/p"), false);
    assert.equal(requiredByPackageName(file("checkout"), "/p/checkout"), false, "a linked checkout");
  });
});
