// Ids with path tricks (dot segments, encoded slashes, backslashes, query/fragment characters, control
// characters, very long values) are rejected before any request: by the client for every id that becomes
// part of a URL, by the provider for resource ids from state, and by check() for resource inputs.
// "Before any request" is measured twice: a counting transport under the client, and the emulator's request log.
import assert from "assert";
import { PartnerCenterClient } from "../../provider/client";
import { axiosTransport } from "../../provider/client/pipeline/axiosTransport";
import { resources } from "../../provider/resources";
import { clientFor } from "../provider/client/emulatorClient";
import { apiCallsSince, runtime, startFixture, type Fixture } from "../provider/resources/fixture";

const GUID = "00000000-0000-4000-8000-000000000001";
export const PATH_TRICKS: string[] = [
  "..",
  "../..",
  "../../customers",
  "%2e%2e",
  "a%2Fb",
  "%2F",
  "a/b",
  `${GUID}/..`,
  `${GUID}%2F..`,
  "a\\b",
  "..\\..",
  "x?size=500",
  "x#frag",
  "a\u0000b",
  "a\nb",
  "%252e%252e",
  "a".repeat(10_000),
  `${GUID}${"/..".repeat(50)}`,
];
const show = (v: string) => JSON.stringify(v.length > 40 ? `${v.slice(0, 20)}…(${v.length} chars)` : v);

describe("security: ids with path tricks are rejected before any request", () => {
  let f: Fixture;
  let client: PartnerCenterClient;
  let sent = 0;

  before(async () => {
    f = await startFixture();
    const http = axiosTransport({ caCertificate: f.emu.ca });
    client = clientFor(f.emu, "user", {
      transport: (request) => {
        sent++;
        return http(request);
      },
    });
  });
  after(async () => f && (await f.close()));

  it("the counting transport does count: a valid call goes out", async () => {
    const before = sent;
    await client.customers.get(f.customer.id);
    assert.ok(sent > before);
  });

  const cid = () => f.customer.id;
  const calls: Array<[string, string, (trick: string) => Promise<unknown>]> = [
    ["customers.get", "customerId", (t) => client.customers.get(t)],
    ["customers.checkDomainAvailability", "domain", (t) => client.customers.checkDomainAvailability(t)],
    ["users.get (customer)", "customerId", (t) => client.users.get(t, GUID)],
    ["users.get (user)", "userId", (t) => client.users.get(cid(), t)],
    ["users.update", "userId", (t) => client.users.update(cid(), t, { displayName: "x" })],
    ["users.delete", "userId", (t) => client.users.delete(cid(), t)],
    ["users.restore", "userId", (t) => client.users.restore(cid(), t)],
    [
      "users.resetPassword",
      "userId",
      (t) => client.users.resetPassword(cid(), t, { password: "Aa1!aaaaaaaa", forceChangePassword: true }),
    ],
    [
      "roles.addMember",
      "roleId",
      (t) =>
        client.roles.addMember(cid(), t, { id: GUID, displayName: "x", userPrincipalName: `x@${f.customer.domain}` }),
    ],
    ["roles.removeMember (role)", "roleId", (t) => client.roles.removeMember(cid(), t, GUID)],
    ["roles.removeMember (user)", "userId", (t) => client.roles.removeMember(cid(), GUID, t)],
    ["licenses.update", "userId", (t) => client.licenses.update(cid(), t, { licensesToRemove: [GUID] })],
    [
      "licenses.update (sku)",
      "licensesToRemove",
      (t) => client.licenses.update(cid(), GUID, { licensesToRemove: [t] }),
    ],
    ["subscriptions.get", "subscriptionId", (t) => client.subscriptions.get(cid(), t)],
    ["selfServePolicies.get", "id", (t) => client.selfServePolicies.get(t)],
    ["selfServePolicies.delete", "id", (t) => client.selfServePolicies.delete(t)],
    ["budget.get", "customerId", (t) => client.budget.get(t)],
    ["profiles.getBilling", "customerId", (t) => client.profiles.getBilling(t)],
  ];

  for (const [name, field, call] of calls) {
    it(`client ${name}: every trick in ${field} fails naming the field, and nothing is sent`, async () => {
      const before = sent;
      const seq = await f.lastSeq();
      for (const trick of PATH_TRICKS) {
        const error = await Promise.resolve()
          .then(() => call(trick))
          .then(
            () => undefined,
            (e: unknown) => e,
          );
        assert.ok(error instanceof Error, `${name} with ${show(trick)} was accepted`);
        assert.ok(
          error.message.includes(field),
          `${name} with ${show(trick)}: the error names ${field}: ${error.message.slice(0, 200)}`,
        );
        assert.ok(error.message.length < 600, "the error does not echo a very long value back whole");
      }
      assert.strictEqual(sent - before, 0, `${name}: no request reached the transport`);
      assert.deepStrictEqual(await apiCallsSince(f, seq), [], "the emulator saw no API call");
    });
  }

  const TYPES = Object.keys(resources);
  // A billing profile cannot be removed: its delete only warns and sends nothing (asserted below), whatever the id.
  const DELETE_SENDS_NOTHING = new Set(["CustomerBillingProfile"]);
  it("covers every registered resource type", () => assert.ok(TYPES.length >= 11, `${TYPES.length} types`));
  for (const type of TYPES) {
    it(`provider ${type}: read, update and delete of an id with a path trick throw, and nothing is sent`, async () => {
      const seq = await f.lastSeq();
      for (const trick of PATH_TRICKS) {
        for (const id of [
          trick,
          `${cid()}/${trick}`,
          `${cid()}/${trick}/${GUID}`,
          `${cid()}/${GUID}/${trick}`,
          `${trick}/${GUID}`,
        ]) {
          const props = { customerId: cid() };
          const ops: Array<[string, () => Promise<unknown>]> = [
            ["read", () => runtime.read(type, id, props)],
            ["update", () => runtime.update(type, id, props, props)],
            ["delete", () => runtime.delete(type, id, props)],
          ].filter(([op]) => op !== "delete" || !DELETE_SENDS_NOTHING.has(type)) as Array<
            [string, () => Promise<unknown>]
          >;
          for (const [op, run] of ops) {
            const error = await Promise.resolve()
              .then(run)
              .then(
                () => undefined,
                (e: unknown) => e,
              );
            assert.ok(error instanceof Error, `${type} ${op} of id ${show(id)} did not throw`);
          }
        }
      }
      assert.deepStrictEqual(await apiCallsSince(f, seq), [], "the emulator saw no API call");
    });
  }

  it("check() refuses path tricks in every id-like input, naming the field and the fix", async () => {
    const cases: Array<[string, Record<string, unknown>, string]> = [
      [
        "CustomerUser",
        { customerId: "../../customers", userPrincipalName: `a@${f.customer.domain}`, displayName: "A" },
        "customerId",
      ],
      [
        "CustomerUser",
        { customerId: cid(), userPrincipalName: `../a@${f.customer.domain}/..`, displayName: "A" },
        "userPrincipalName",
      ],
      [
        "CustomerUser",
        { customerId: cid(), userPrincipalName: `a%2F..@${f.customer.domain}`, displayName: "A" },
        "userPrincipalName",
      ],
      [
        "CustomerUser",
        { customerId: cid(), userPrincipalName: `a/b?c#d@${f.customer.domain}`, displayName: "A" },
        "userPrincipalName",
      ],
      ["UserRoleAssignment", { customerId: cid(), userId: `${GUID}/..`, roleName: "User Administrator" }, "userId"],
      ["UserRoleAssignment", { customerId: cid(), userId: GUID, roleId: "%2e%2e" }, "roleId"],
      ["UserLicenseAssignment", { customerId: cid(), userId: GUID, skuId: "a".repeat(10_000) }, "skuId"],
      ["SubscriptionNickname", { customerId: cid(), subscriptionId: "../orders", nickname: "x" }, "subscriptionId"],
      [
        "VerifiedDomain",
        { customerId: cid(), domainName: "evil.example/../..", authenticationType: "Managed", capability: "Email" },
        "domainName",
      ],
    ];
    const seq = await f.lastSeq();
    for (const [type, inputs, field] of cases) {
      const result = await runtime.check(type, {}, inputs);
      const failure = result.failures.find((x) => x.property === field);
      assert.ok(failure, `${type}: check reports ${field} (got ${JSON.stringify(result.failures).slice(0, 300)})`);
      assert.match(failure.reason, /Fix:/, `${type}.${field}: the reason says how to fix it`);
      assert.ok(failure.reason.length < 600, "the reason does not echo a very long value back whole");
    }
    assert.deepStrictEqual(await apiCallsSince(f, seq), []);
  });
});
