import assert from "assert";
import * as pulumi from "@pulumi/pulumi";
import { createServer, type AddressInfo } from "net";
import { CustomerUser } from "../../provider";
import { providerFor } from "../../provider/resources/kit/shim";
import { configureRuntime, provision, runtime, startFixture, stackConfig, type Fixture } from "./resources/fixture";

describe("runtime", () => {
  describe("the serialized provider shim", () => {
    it("captures only the type name and requires only the compiled runtime", async () => {
      process.env.PARTNERCENTER_CLIENT_SECRET = "env-secret-value-123";
      try {
        // As the SDK serializes a dynamic resource's provider: a closure over the provider object itself.
        const provider = providerFor("CustomerUser");
        const text = await pulumi.runtime.serializeFunction(() => provider, { allowSecrets: true });
        const requires = [...text.text.matchAll(/require\(([^)]*)\)/g)].map((m) => m[1]);
        assert.ok(requires.length >= 7, text.text);
        assert.deepStrictEqual([...new Set(requires)], ['"pulumi-partner-center/dist/provider/runtime"']);
        assert.ok(text.text.includes('"CustomerUser"'));
        assert.ok(!text.text.includes("env-secret-value-123"));
        assert.ok(text.text.length < 4000, `shim is ${text.text.length} characters`);
        assert.ok(!text.containsSecrets);
      } finally {
        delete process.env.PARTNERCENTER_CLIENT_SECRET;
      }
    });

    it("is one frozen object per type", () => {
      assert.strictEqual(providerFor("UserRoleAssignment"), providerFor("UserRoleAssignment"));
      assert.notStrictEqual(providerFor("UserRoleAssignment"), providerFor("CustomerUser"));
      assert.ok(Object.isFrozen(providerFor("CustomerUser")));
    });

    it("a resource's __provider (under setMocks) holds no password or credential, and every output key is declared", async () => {
      const seen: Array<{ type: string; inputs: Record<string, unknown> }> = [];
      await pulumi.runtime.setMocks(
        {
          newResource: (args) => {
            seen.push({ type: args.type, inputs: args.inputs });
            return { id: "id-1", state: { ...args.inputs, userId: "u-1" } };
          },
          call: () => ({}),
        },
        "proj",
        "stack",
        true,
      );
      const secret = "Mock!Passw0rd#42";
      const user = new CustomerUser("u", {
        customerId: "11111111-1111-1111-1111-111111111111",
        userPrincipalName: "a@b.example",
        displayName: "A",
        password: pulumi.secret(secret),
      });
      const userId = await new Promise((resolve) => user.userId.apply(resolve));
      assert.strictEqual(userId, "u-1");
      assert.strictEqual(seen[0].type, "pulumi-nodejs:dynamic/partnercenter:CustomerUser");
      const shim = String(seen[0].inputs.__provider);
      assert.match(shim, /require\("pulumi-partner-center\/dist\/provider\/runtime"\)/);
      assert.ok(!shim.includes(secret));
      for (const key of ["userId", "state", "userDomainType", "initialPassword"] as const)
        assert.ok(pulumi.Output.isInstance(user[key]), key);
    });
  });

  describe("configuration and sessions", () => {
    it("check and diff work without any configuration (preview needs no credentials)", async () => {
      runtime.resetRuntime();
      const r = await runtime.check(
        "CustomerUser",
        {},
        { customerId: "11111111-1111-1111-1111-111111111111", userPrincipalName: "a@b.example", displayName: "A" },
      );
      assert.deepStrictEqual(r.failures, []);
      const d = await runtime.diff("CustomerUser", "x/y", r.inputs, { ...r.inputs, displayName: "B" });
      assert.strictEqual(d.changes, true);
    });

    it("an invalid configuration fails check (preview) and every call after it, naming keys but no values", async () => {
      runtime.resetRuntime();
      const values: Record<string, string> = {
        "partnercenter:tenantId": "not-a-guid",
        "partnercenter:clientId": "11111111-1111-1111-1111-111111111111",
        "partnercenter:clientSecret": "do-not-print-me",
      };
      await runtime.configure({ config: { get: (k: string) => values[k] } });
      const named = (e: Error) =>
        /partnercenter:tenantId/.test(e.message) &&
        /PARTNERCENTER_TENANT_ID/.test(e.message) &&
        /Fix:/.test(e.message) &&
        !e.message.includes("not-a-guid") &&
        !e.message.includes("do-not-print-me");
      await assert.rejects(
        runtime.check(
          "CustomerUser",
          {},
          { customerId: "11111111-1111-1111-1111-111111111111", userPrincipalName: "a@b.example", displayName: "A" },
        ),
        named,
      );
      await assert.rejects(
        runtime.create("CustomerUser", {
          customerId: "11111111-1111-1111-1111-111111111111",
          userPrincipalName: "a@b.example",
          displayName: "A",
        }),
        named,
      );
      runtime.resetRuntime();
    });

    it("an unknown resource type is a clear error", async () => {
      await assert.rejects(async () => runtime.check("Nope", {}, {}), /unknown resource type "Nope"/);
    });
  });

  describe("against the emulator", () => {
    let f: Fixture;
    before(async () => (f = await startFixture()));
    after(async () => f && (await f.close()));
    afterEach(async () => f.clearFaults());

    it("errors never carry the configured client secret or refresh token", async () => {
      const p = f.partner;
      await f.faults({
        method: "GET",
        path: "/users$",
        status: 400,
        code: "2000",
        description: `bad ${p.user.clientSecret} and ${p.user.refreshToken}`,
      });
      await configureRuntime(f.emu);
      await assert.rejects(
        runtime.create("CustomerUser", {
          customerId: f.customer.id,
          userPrincipalName: `redact@${f.customer.domain}`,
          displayName: "R",
        }),
        (e: Error) => {
          assert.ok(!e.message.includes(p.user.clientSecret) && !e.message.includes(p.user.refreshToken), e.message);
          assert.match(e.message, /\[redacted\]/);
          return true;
        },
      );
    });

    it("a token endpoint that cannot be reached: a resource's error names the cause and the setting", async () => {
      const server = createServer();
      await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
      const port = (server.address() as AddressInfo).port;
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await configureRuntime(f.emu, { "partnercenter:authorityHost": `https://127.0.0.1:${port}` });
      try {
        await assert.rejects(
          runtime.create("CustomerUser", {
            customerId: f.customer.id,
            userPrincipalName: `unreachable@${f.customer.domain}`,
            displayName: "U",
          }),
          (e: Error) => {
            assert.match(
              e.message,
              /connect ECONNREFUSED 127\.0\.0\.1:\d+ \(ECONNREFUSED\)\. Fix: .*check authorityHost/,
            );
            assert.doesNotMatch(e.message, /See https:\/\/aka\.ms\/msal\.js\.errors#network_error/);
            return true;
          },
        );
      } finally {
        await configureRuntime(f.emu);
      }
    });

    it("refreshing many users with their roles costs a handful of list calls (shared snapshot)", async () => {
      const made: Array<{ id: string; outs: Record<string, unknown> }> = [];
      const roles: Array<{ id: string; outs: Record<string, unknown> }> = [];
      for (let i = 0; i < 12; i++) {
        const u = await provision("CustomerUser", {
          customerId: f.customer.id,
          userPrincipalName: `snap${i}@${f.customer.domain}`,
          displayName: `Snap ${i}`,
        });
        made.push(u);
        roles.push(
          await provision("UserRoleAssignment", {
            customerId: f.customer.id,
            userId: u.outs.userId,
            roleName: i % 2 ? "Directory Readers" : "Helpdesk Administrator",
          }),
        );
      }
      await configureRuntime(f.emu);
      const seq = await f.lastSeq();
      const reads = await Promise.all([
        ...made.map((u) => runtime.read("CustomerUser", u.id, u.outs)),
        ...roles.map((r) => runtime.read("UserRoleAssignment", r.id, r.outs)),
      ]);
      assert.ok(reads.every((r) => r.id !== ""));
      const calls = (await f.requests(seq)).filter((r) => r.path.startsWith("/v1/"));
      assert.ok(calls.length <= 4, `${calls.length} calls: ${calls.map((c) => `${c.method} ${c.path}`).join(", ")}`);

      const news = { ...made[0].outs, displayName: "Changed" };
      await runtime.update("CustomerUser", made[0].id, made[0].outs, news);
      const afterWrite = await f.lastSeq();
      const again = await runtime.read("CustomerUser", made[0].id, news);
      assert.strictEqual(again.props.displayName, "Changed");
      const listed = (await f.requests(afterWrite)).filter(
        (r) => r.method === "GET" && new RegExp(`/customers/${f.customer.id}/users$`).test(r.path),
      );
      assert.strictEqual(listed.length, 1, "the write invalidated the customer's lists");
    });

    it("without the snapshot (snapshotTtlSeconds 0) every read costs its own calls", async () => {
      const u = await provision("CustomerUser", {
        customerId: f.customer.id,
        userPrincipalName: `nosnap@${f.customer.domain}`,
        displayName: "No snap",
      });
      await configureRuntime(f.emu, { "partnercenter:snapshotTtlSeconds": "0" });
      const seq = await f.lastSeq();
      await Promise.all([1, 2, 3].map(() => runtime.read("CustomerUser", u.id, u.outs)));
      assert.strictEqual((await f.requests(seq)).filter((r) => r.path.startsWith("/v1/")).length, 3);
      assert.ok(stackConfig(f.emu)["partnercenter:endpoint"] === f.emu.url);
    });
  });
});
