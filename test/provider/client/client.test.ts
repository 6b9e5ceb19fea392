import assert from "assert";
import { isConflict, isNotFound, isThrottled, PartnerCenterClient, PartnerCenterError } from "../../../provider/client";
import { clientFor, useEmulator } from "./emulatorClient";
import { APP, CUSTOMER, fakeClient, TENANT, USER } from "./fakeClient";

describe("PartnerCenterClient (scripted transport)", () => {
  it("uses App-only tokens without a refresh token and refuses App+User-only operations before any request", async () => {
    const { client, requests } = fakeClient([{ body: { id: CUSTOMER } }]);
    assert.strictEqual(client.credentialMode, "app-only");
    await client.customers.get(CUSTOMER);
    assert.strictEqual(requests[0].headers.Authorization, "Bearer fake-app-token");
    for (const call of [
      () => client.users.get(CUSTOMER, USER),
      () => client.profiles.getCompany(CUSTOMER),
      () => client.customers.getRelationshipRequestUrl(),
      () => client.roles.list(CUSTOMER).toArray(),
    ]) {
      await assert.rejects(
        call(),
        (e: unknown) =>
          e instanceof PartnerCenterError &&
          e.code === "AppUserRequired" &&
          e.status === 0 &&
          /partnercenter:refreshToken/.test(e.message),
      );
    }
    assert.strictEqual(requests.length, 1);
  });

  it("uses App+User tokens for every call when a refresh token is configured", async () => {
    const { client, requests } = fakeClient(
      [{ body: { id: CUSTOMER } }, { body: { id: USER, userPrincipalName: "a@b.com" } }],
      { refreshToken: "rt" },
    );
    assert.strictEqual(client.credentialMode, "app+user");
    await client.customers.get(CUSTOMER);
    await client.users.get(CUSTOMER, USER);
    assert.deepStrictEqual(
      requests.map((r) => r.headers.Authorization),
      ["Bearer fake-user-token", "Bearer fake-user-token"],
    );
  });

  it("sends the documented headers and encodes the route", async () => {
    const { client, requests } = fakeClient([{ body: { id: CUSTOMER } }]);
    await client.customers.get(CUSTOMER);
    const r = requests[0];
    assert.strictEqual(r.url, `https://pc.test/v1/customers/${CUSTOMER}`);
    assert.strictEqual(r.headers["MS-Contract-Version"], "v1");
    assert.match(r.headers["MS-RequestId"], /^[0-9a-f-]{36}$/);
    assert.match(r.headers["MS-CorrelationId"], /^[0-9a-f-]{36}$/);
    assert.strictEqual(r.customerId, CUSTOMER);
  });

  it("withCorrelationId fixes MS-CorrelationId and shares throttle and transport", async () => {
    const { client, requests } = fakeClient([{ body: { id: CUSTOMER } }]);
    const corr = "12345678-1234-1234-1234-123456789012";
    const scoped = client.withCorrelationId(corr);
    assert.strictEqual(scoped.throttle, client.throttle);
    await scoped.customers.get(CUSTOMER);
    await scoped.customers.get(CUSTOMER);
    await client.customers.get(CUSTOMER);
    assert.deepStrictEqual(
      requests.slice(0, 2).map((r) => r.headers["MS-CorrelationId"]),
      [corr, corr],
    );
    assert.notStrictEqual(requests[2].headers["MS-CorrelationId"], corr);
    assert.notStrictEqual(requests[0].headers["MS-RequestId"], requests[1].headers["MS-RequestId"]);
    assert.throws(() => client.withCorrelationId("not-a-guid"), /must be a GUID/);
    assert.throws(() => client.withCorrelationId("../x"), /client\.withCorrelationId .*id contains/);
  });

  it("validates bodies before any request, naming the field and the fix", async () => {
    const { client, requests } = fakeClient([{ body: {} }], { refreshToken: "rt" });
    await assert.rejects(
      client.users.create(CUSTOMER, { userPrincipalName: "amy@contoso.com", displayName: "Amy" } as never),
      /user\.passwordProfile/,
    );
    await assert.rejects(
      client.users.create(CUSTOMER, {
        userPrincipalName: "amy/../x@contoso.com",
        displayName: "A",
        passwordProfile: { password: "x", forceChangePassword: true },
      }),
      /user\.userPrincipalName/,
    );
    await assert.rejects(client.licenses.update(CUSTOMER, USER, {}), /licensesToAssign or licensesToRemove/);
    await assert.rejects(
      client.profiles.updateBilling(CUSTOMER, { email: "a@b.com" }),
      /profile\.attributes\.etag is required/,
    );
    await assert.rejects(client.budget.update(CUSTOMER, -5), /amount must be a non-negative number/);
    await assert.rejects(client.users.list(CUSTOMER, { pageSize: 0 }).toArray(), /pageSize must be an integer/);
    assert.strictEqual(requests.length, 0);
  });

  it("rejects bad options with the field and the fix", () => {
    const base = { tenantId: TENANT, clientId: APP };
    assert.throws(
      () => new PartnerCenterClient({ ...base }),
      (e: unknown) =>
        e instanceof PartnerCenterError &&
        e.code === "InvalidConfiguration" &&
        /clientSecret is required/.test(e.message),
    );
    assert.throws(
      () => new PartnerCenterClient({ ...base, clientId: "x", clientSecret: "s" }),
      /clientId must be the app registration's application \(client\) id/,
    );
    assert.throws(
      () =>
        new PartnerCenterClient({
          ...base,
          clientSecret: "s",
          certificate: { privateKeyPem: "-----BEGIN PRIVATE KEY-----", thumbprintSha256: "a".repeat(64) },
        }),
      /exactly one client credential/,
    );
    assert.throws(
      () => new PartnerCenterClient({ ...base, clientSecret: "s", caCertificate: "nope" }),
      /caCertificate must be PEM/,
    );
    assert.throws(
      () => new PartnerCenterClient({ ...base, clientSecret: "s", authorityHost: "http://127.0.0.1:1" }),
      /authorityHost must be https/,
    );
    assert.throws(
      () => new PartnerCenterClient({ ...base, clientSecret: "super-secret-value", maxRetries: -1 }),
      (e: unknown) => e instanceof Error && !e.message.includes("super-secret-value"),
    );
  });

  it("picks the cloud's API base and lets endpoint override it", () => {
    const base = { tenantId: TENANT, clientId: APP, clientSecret: "s" };
    assert.strictEqual(new PartnerCenterClient(base).endpoint, "https://api.partnercenter.microsoft.com");
    assert.strictEqual(
      new PartnerCenterClient({ ...base, cloud: "usgov" }).endpoint,
      "https://api.partnercenter.microsoft.com",
    );
    assert.strictEqual(
      new PartnerCenterClient({ ...base, cloud: "china" }).endpoint,
      "https://partner.partnercenterapi.microsoftonline.cn",
    );
    assert.strictEqual(
      new PartnerCenterClient({ ...base, cloud: "china", endpoint: "https://127.0.0.1:8443/" }).endpoint,
      "https://127.0.0.1:8443",
    );
    assert.throws(() => new PartnerCenterClient({ ...base, cloud: "germany" as never }), /cloud/);
  });

  it("checks domain availability from the HEAD status", async () => {
    const { client, requests } = fakeClient([{ status: 404 }, { status: 200 }]);
    assert.strictEqual(await client.customers.checkDomainAvailability("free.onmicrosoft.com"), true);
    assert.strictEqual(await client.customers.checkDomainAvailability("taken.onmicrosoft.com"), false);
    assert.deepStrictEqual(
      requests.map((r) => `${r.method} ${r.url}`),
      ["HEAD https://pc.test/v1/domains/free.onmicrosoft.com", "HEAD https://pc.test/v1/domains/taken.onmicrosoft.com"],
    );
  });

  it("retries a 429 storm by Retry-After and surfaces a retryable throttled error once maxThrottleWaitSeconds is spent", async () => {
    const throttled = {
      status: 429,
      headers: { "retry-after": "2" },
      body: { statusCode: 429, message: "Rate limit is exceeded. Try again in 2 seconds." },
    };
    const { client, sleeps, requests } = fakeClient([throttled], { maxRetries: 3, maxThrottleWaitSeconds: 6 });
    await assert.rejects(
      client.customers.get(CUSTOMER),
      (e: unknown) => e instanceof PartnerCenterError && e.status === 429 && e.retryable,
    );
    assert.deepStrictEqual(sleeps, [2000, 2000, 2000]);
    assert.strictEqual(requests.length, 4);
    assert.strictEqual(client.throttle.partner.limit, 1);
  });
});

describe("PartnerCenterClient resilience against the emulator (fault rules)", () => {
  const ctx = useEmulator();
  type Logged = {
    method: string;
    path: string;
    status: number;
    requestId: string;
    correlationId: string;
    replayed: boolean;
    reset?: boolean;
  };
  const requests = async (filter: (r: Logged) => boolean) =>
    ((await ctx.admin("GET", "/requests")) as Logged[]).filter(filter);
  const recorder = () => {
    const sleeps: number[] = [];
    return {
      sleeps,
      sleep: async (ms: number) => {
        sleeps.push(ms);
      },
    };
  };

  it("rides out a 429 storm by Retry-After, with one request id across the attempts", async () => {
    const clock = recorder();
    const client = clientFor(ctx.emu, "secret", { sleep: clock.sleep, maxRetries: 4 });
    await ctx.admin("POST", "/faults", {
      method: "GET",
      path: "/subscriptions$",
      status: 429,
      retryAfter: 3,
      times: 3,
    });
    const subs = await client.subscriptions.list(ctx.customer.id);
    assert.strictEqual(subs.length, ctx.customer.subscriptions.length);
    assert.deepStrictEqual(clock.sleeps, [3000, 3000, 3000]);
    const attempts = await requests((r) => r.path.endsWith("/subscriptions"));
    assert.deepStrictEqual(
      attempts.map((r) => r.status),
      [429, 429, 429, 200],
    );
    assert.strictEqual(new Set(attempts.map((r) => r.requestId)).size, 1);
    assert.ok(
      client.throttle.customer(ctx.customer.id).limit < client.throttle.maxConcurrencyPerCustomer,
      "429s shrank the customer's concurrency",
    );
  });

  it("gives up on a persistent 429 with a retryable throttled error once maxThrottleWaitSeconds is spent", async () => {
    const client = clientFor(ctx.emu, "secret", { maxRetries: 2, maxThrottleWaitSeconds: 2 });
    await ctx.admin("POST", "/faults", { path: "/subscriptions$", status: 429, retryAfter: 1 });
    await assert.rejects(
      client.subscriptions.list(ctx.customer.id).toArray(),
      (e: unknown) =>
        isThrottled(e) && (e as PartnerCenterError).retryable && (e as PartnerCenterError).retryAfterMs === 1000,
    );
    assert.strictEqual((await requests((r) => r.path.endsWith("/subscriptions"))).length, 3);
  });

  it("backs off through a 5xx burst", async () => {
    const clock = recorder();
    const client = clientFor(ctx.emu, "secret", { sleep: clock.sleep, random: () => 1 });
    await ctx.admin("POST", "/faults", { path: `/customers/${ctx.customer.id}$`, status: 503, times: 2 });
    assert.strictEqual((await client.customers.get(ctx.customer.id)).id, ctx.customer.id);
    assert.deepStrictEqual(clock.sleeps, [500, 1000]);
  });

  it("retries connection resets", async () => {
    const client = clientFor(ctx.emu, "user");
    await ctx.admin("POST", "/faults", { path: "/directoryroles$", reset: true, times: 2 });
    assert.ok((await client.roles.list(ctx.customer.id)).length > 0);
    assert.strictEqual((await requests((r) => r.path.endsWith("/directoryroles"))).length, 3);
  });

  it("does not retry a 404 or a 409", async () => {
    const client = clientFor(ctx.emu, "user");
    await assert.rejects(client.users.get(ctx.customer.id, "00000000-0000-0000-0000-0000000000aa"), isNotFound);
    assert.strictEqual((await requests((r) => r.path.includes("/users/"))).length, 1);
    await ctx.admin("POST", "/faults", { path: "/usagebudget$", status: 409, code: 800082, description: "not ready" });
    await assert.rejects(
      client.budget.update(ctx.customer.id, 5),
      (e: unknown) => isConflict(e) && (e as PartnerCenterError).code === "800082",
    );
    assert.strictEqual((await requests((r) => r.path.endsWith("/usagebudget"))).length, 1);
  });

  it("apply then fail on user create ends with exactly one user (idempotent MS-RequestId)", async () => {
    const client = clientFor(ctx.emu, "user").withCorrelationId("0b8e2a7c-1111-4222-8333-944455556666");
    await ctx.admin("POST", "/faults", { method: "POST", path: "/users$", applyThenFail: true, status: 500, times: 1 });
    const upn = `once@${ctx.customer.domain}`;
    const created = await client.users.create(ctx.customer.id, {
      userPrincipalName: upn,
      displayName: "Once",
      usageLocation: "US",
      passwordProfile: { password: "Str0ng!Passw0rd#1", forceChangePassword: true },
    });
    const matches = (await client.users.list(ctx.customer.id)).filter(
      (u) => u.userPrincipalName.toLowerCase() === upn.toLowerCase(),
    );
    assert.deepStrictEqual(
      matches.map((u) => u.id),
      [created.id],
    );
    const posts = await requests((r) => r.method === "POST" && r.path.endsWith("/users"));
    assert.deepStrictEqual(
      posts.map((r) => [r.status >= 500, r.replayed]),
      [
        [true, false],
        [false, true],
      ],
    );
    assert.strictEqual(posts[0].requestId, posts[1].requestId);
    assert.ok(posts.every((r) => r.correlationId === "0b8e2a7c-1111-4222-8333-944455556666"));
  });

  it("writes a redacted debug log: no token, secret or password", async () => {
    const lines: string[] = [];
    const partner = ctx.emu.seed.partners[0];
    const client = clientFor(ctx.emu, "user", { logger: (line) => lines.push(line) });
    await client.users.create(ctx.customer.id, {
      userPrincipalName: `logged@${ctx.customer.domain}`,
      displayName: "Logged",
      usageLocation: "US",
      passwordProfile: { password: "Very!Secret#Pass9", forceChangePassword: true },
    });
    const log = lines.join("\n");
    assert.ok(log.includes("users.create"));
    for (const secret of ["Very!Secret#Pass9", partner.user.refreshToken, partner.user.clientSecret, "eyJ"])
      assert.ok(!log.includes(secret), `leaked ${secret.slice(0, 4)}…`);
  });
});
