import assert from "assert";
import { PartnerCenterClient, PartnerCenterError } from "../../../provider/client";
import { APP, CUSTOMER, fakeClient, TENANT, USER } from "./fakeClient";

describe("PartnerCenterClient (scripted transport)", () => {
  it("uses App-only tokens without a refresh token and refuses App+User-only operations before any request", async () => {
    const { client, requests } = fakeClient([{ body: { id: CUSTOMER } }]);
    assert.strictEqual(client.credentialMode, "app-only");
    await client.customers.get(CUSTOMER);
    assert.strictEqual(requests[0].headers.Authorization, "Bearer fake-app-token");
    for (const call of [() => client.users.get(CUSTOMER, USER), () => client.profiles.getCompany(CUSTOMER), () => client.customers.getRelationshipRequestUrl(), () => client.roles.list(CUSTOMER).toArray()]) {
      await assert.rejects(call(), (e: unknown) => e instanceof PartnerCenterError && e.code === "AppUserRequired" && e.status === 0 && /partnercenter:refreshToken/.test(e.message));
    }
    assert.strictEqual(requests.length, 1);
  });

  it("uses App+User tokens for every call when a refresh token is configured", async () => {
    const { client, requests } = fakeClient([{ body: { id: CUSTOMER } }, { body: { id: USER, userPrincipalName: "a@b.com" } }], { refreshToken: "rt" });
    assert.strictEqual(client.credentialMode, "app+user");
    await client.customers.get(CUSTOMER);
    await client.users.get(CUSTOMER, USER);
    assert.deepStrictEqual(requests.map((r) => r.headers.Authorization), ["Bearer fake-user-token", "Bearer fake-user-token"]);
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
    assert.deepStrictEqual(requests.slice(0, 2).map((r) => r.headers["MS-CorrelationId"]), [corr, corr]);
    assert.notStrictEqual(requests[2].headers["MS-CorrelationId"], corr);
    assert.notStrictEqual(requests[0].headers["MS-RequestId"], requests[1].headers["MS-RequestId"]);
    assert.throws(() => client.withCorrelationId("not-a-guid"), /must be a GUID/);
    assert.throws(() => client.withCorrelationId("../x"), /client\.withCorrelationId .*id contains/);
  });

  it("validates bodies before any request, naming the field and the fix", async () => {
    const { client, requests } = fakeClient([{ body: {} }], { refreshToken: "rt" });
    await assert.rejects(client.users.create(CUSTOMER, { userPrincipalName: "amy@contoso.com", displayName: "Amy" } as never), /user\.passwordProfile/);
    await assert.rejects(client.users.create(CUSTOMER, { userPrincipalName: "amy/../x@contoso.com", displayName: "A", passwordProfile: { password: "x", forceChangePassword: true } }), /user\.userPrincipalName/);
    await assert.rejects(client.licenses.update(CUSTOMER, USER, {}), /licensesToAssign or licensesToRemove/);
    await assert.rejects(client.profiles.updateBilling(CUSTOMER, { email: "a@b.com" }), /profile\.attributes\.etag is required/);
    await assert.rejects(client.budget.update(CUSTOMER, -5), /amount must be a non-negative number/);
    await assert.rejects(client.users.list(CUSTOMER, { pageSize: 0 }).toArray(), /pageSize must be an integer/);
    assert.strictEqual(requests.length, 0);
  });

  it("rejects bad options with the field and the fix", () => {
    const base = { tenantId: TENANT, clientId: APP };
    assert.throws(() => new PartnerCenterClient({ ...base }), (e: unknown) => e instanceof PartnerCenterError && e.code === "InvalidConfiguration" && /clientSecret is required/.test(e.message));
    assert.throws(() => new PartnerCenterClient({ ...base, clientId: "x", clientSecret: "s" }), /clientId must be the app registration's application \(client\) id/);
    assert.throws(() => new PartnerCenterClient({ ...base, clientSecret: "s", certificate: { privateKeyPem: "-----BEGIN PRIVATE KEY-----", thumbprintSha256: "a".repeat(64) } }), /exactly one client credential/);
    assert.throws(() => new PartnerCenterClient({ ...base, clientSecret: "s", caCertificate: "nope" }), /caCertificate must be PEM/);
    assert.throws(() => new PartnerCenterClient({ ...base, clientSecret: "s", authorityHost: "http://127.0.0.1:1" }), /authorityHost must be https/);
    assert.throws(() => new PartnerCenterClient({ ...base, clientSecret: "super-secret-value", maxRetries: -1 }), (e: unknown) => e instanceof Error && !e.message.includes("super-secret-value"));
  });

  it("checks domain availability from the HEAD status", async () => {
    const { client, requests } = fakeClient([{ status: 404 }, { status: 200 }]);
    assert.strictEqual(await client.customers.checkDomainAvailability("free.onmicrosoft.com"), true);
    assert.strictEqual(await client.customers.checkDomainAvailability("taken.onmicrosoft.com"), false);
    assert.deepStrictEqual(requests.map((r) => `${r.method} ${r.url}`), ["HEAD https://pc.test/v1/domains/free.onmicrosoft.com", "HEAD https://pc.test/v1/domains/taken.onmicrosoft.com"]);
  });

  it("retries a 429 storm by Retry-After and surfaces a retryable throttled error when it persists", async () => {
    const throttled = { status: 429, headers: { "retry-after": "2" }, body: { statusCode: 429, message: "Rate limit is exceeded. Try again in 2 seconds." } };
    const { client, sleeps, requests } = fakeClient([throttled], { maxRetries: 3 });
    await assert.rejects(client.customers.get(CUSTOMER), (e: unknown) => e instanceof PartnerCenterError && e.status === 429 && e.retryable);
    assert.deepStrictEqual(sleeps, [2000, 2000, 2000]);
    assert.strictEqual(requests.length, 4);
    assert.strictEqual(client.throttle.partner.limit, 1);
  });
});
