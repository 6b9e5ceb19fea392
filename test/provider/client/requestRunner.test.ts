import assert from "assert";
import { collect, PartnerCenterError } from "../../../provider/client";
import { CUSTOMER, fakeClient } from "./fakeClient";

const user = (n: number) => ({
  id: `00000000-0000-0000-0000-${String(n).padStart(12, "0")}`,
  userPrincipalName: `u${n}@contoso.com`,
});

describe("requestRunner (paging, parsing, errors) with a scripted transport", () => {
  it("follows links.next with its MS-ContinuationToken, with and without the /v1 prefix", async () => {
    const { client, requests } = fakeClient(
      [
        {
          body: {
            totalCount: 2,
            items: [user(1), user(2)],
            links: {
              next: {
                uri: `/customers/${CUSTOMER}/users?size=2&seekOperation=Next`,
                method: "GET",
                headers: [{ key: "MS-ContinuationToken", value: "tok-1" }],
              },
            },
            continuationToken: "tok-1",
          },
        },
        {
          body: {
            totalCount: 2,
            items: [user(3), user(4)],
            links: {
              next: {
                uri: `/v1/customers/${CUSTOMER}/users?size=2&seekOperation=Next`,
                headers: [{ key: "MS-ContinuationToken", value: "tok-2" }],
              },
            },
          },
        },
        { body: { totalCount: 1, items: [user(5)], links: { self: { uri: "/x" } } } },
      ],
      { refreshToken: "rt" },
    );
    const users = await collect(client.users.list(CUSTOMER, { pageSize: 2 }));
    assert.deepStrictEqual(
      users.map((u) => u.userPrincipalName),
      ["u1@contoso.com", "u2@contoso.com", "u3@contoso.com", "u4@contoso.com", "u5@contoso.com"],
    );
    assert.deepStrictEqual(
      requests.map((r) => r.url),
      [
        `https://pc.test/v1/customers/${CUSTOMER}/users?size=2`,
        `https://pc.test/v1/customers/${CUSTOMER}/users?size=2&seekOperation=Next`,
        `https://pc.test/v1/customers/${CUSTOMER}/users?size=2&seekOperation=Next`,
      ],
    );
    assert.deepStrictEqual(
      requests.map((r) => r.headers["MS-ContinuationToken"]),
      [undefined, "tok-1", "tok-2"],
    );
    assert.strictEqual(
      new Set(requests.map((r) => r.headers["MS-RequestId"])).size,
      3,
      "each page is its own logical call",
    );
  });

  it("falls back to the body continuationToken when the link has no header", async () => {
    const again = fakeClient([
      {
        body: {
          items: [{ id: "c1" }],
          links: { next: { uri: "/customers?size=1&seekOperation=Next" } },
          continuationToken: "body-tok",
        },
      },
      { body: { items: [{ id: "c2" }] } },
    ]);
    assert.deepStrictEqual(
      (await again.client.customers.list({ pageSize: 1 })).map((c) => c.id),
      ["c1", "c2"],
    );
    assert.strictEqual(again.requests[1].headers["MS-ContinuationToken"], "body-tok");
  });

  it("stops with PagingLoop when the same next page comes back twice", async () => {
    const page = {
      body: {
        items: [{ id: "c" }],
        links: {
          next: { uri: "/v1/customers?seekOperation=Next", headers: [{ key: "MS-ContinuationToken", value: "same" }] },
        },
      },
    };
    const { client, requests } = fakeClient([page]);
    await assert.rejects(
      collect(client.customers.list()),
      (e: unknown) => e instanceof PartnerCenterError && e.code === "PagingLoop" && e.operation === "customers.list",
    );
    assert.strictEqual(requests.length, 2);
  });

  it("refuses a next link to another host", async () => {
    const { client, requests } = fakeClient([
      { body: { items: [{ id: "c" }], links: { next: { uri: "https://evil.test/v1/customers" } } } },
    ]);
    await assert.rejects(collect(client.customers.list()), /not at the configured endpoint/);
    assert.strictEqual(requests.length, 1);
  });

  it("reads bare-array collections", async () => {
    const { client } = fakeClient([
      { body: [{ qualification: "Education", vettingStatus: "Approved" }, { qualification: "StateOwnedEntity" }] },
    ]);
    assert.deepStrictEqual(
      (await client.qualifications.list(CUSTOMER)).map((q) => q.qualification),
      ["Education", "StateOwnedEntity"],
    );
  });

  it("turns a body that does not parse into an InvalidResponse naming the operation and field", async () => {
    const { client } = fakeClient([{ status: 200, body: { id: "u1", userPrincipalName: 42 } }], { refreshToken: "rt" });
    await assert.rejects(
      client.users.get(CUSTOMER, "dddddddd-0000-0000-0000-000000000004"),
      (e: unknown) =>
        e instanceof PartnerCenterError &&
        e.code === "InvalidResponse" &&
        e.operation === "users.get" &&
        /CustomerUser model at field "userPrincipalName"/.test(e.message),
    );
    const list = fakeClient([{ body: { items: [{ id: "c1" }, { nope: true }] } }]);
    await assert.rejects(collect(list.client.customers.list()), /field "items\[1\]\.id"/);
  });

  it("keeps unknown fields and camelises PascalCase answers", async () => {
    const { client } = fakeClient(
      [{ body: { Id: null, RelationshipToPartner: "none", Attributes: { ObjectType: "Customer" }, futureField: 1 } }],
      { refreshToken: "rt" },
    );
    const removed = await client.customers.removeResellerRelationship(CUSTOMER);
    assert.strictEqual(removed.relationshipToPartner, "none");
    assert.strictEqual((removed as Record<string, unknown>).futureField, 1);
  });

  it("maps transport failures to a retryable NetworkError after the retries", async () => {
    const { client, requests, sleeps } = fakeClient([{ networkError: "ECONNRESET" }], { maxRetries: 2 });
    await assert.rejects(
      client.customers.get(CUSTOMER),
      (e: unknown) => e instanceof PartnerCenterError && e.code === "NetworkError" && e.retryable && e.status === 0,
    );
    assert.strictEqual(requests.length, 3);
    assert.strictEqual(sleeps.length, 2);
  });
});
