// The serialized provider (`__provider`) of every registered resource, produced the way the Pulumi SDK produces
// it, while the provider process holds everything secret it ever holds: configured credentials, an issued
// access token, environment fallbacks and a user's password. None of it may appear in the text.
import assert from "assert";
import * as pulumi from "@pulumi/pulumi";
import { resources } from "../../../../provider/resources";
import { providerFor } from "../../../../provider/resources/kit/shim";
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
      const serialized = await pulumi.runtime.serializeFunction(() => providerFor(type), { allowSecrets: true });
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
