import assert from "assert";
import { randomUUID } from "crypto";
import { expectError, useEmulator } from "./apiFixture";
import { addActiveUsers } from "./bulkUsers";

describe("emulator handlers: directory roles", () => {
  const api = useEmulator();
  const cid = () => api.customer(0).id;
  const role = (name: string) => api.customer(0).roles.find((r) => r.name === name)!;
  const createUser = async (alias: string) => {
    const res = await api.call("POST", `/v1/customers/${cid()}/users`, {
      body: {
        userPrincipalName: `${alias}@${api.customer(0).domain}`,
        displayName: alias,
        passwordProfile: { password: "Str0ng!Passw0rd" },
      },
    });
    assert.strictEqual(res.status, 201);
    return res.data as { id: string; userPrincipalName: string; displayName: string };
  };
  const add = (roleId: string, user: { id: string; displayName: string; userPrincipalName: string }) =>
    api.call("POST", `/v1/customers/${cid()}/directoryroles/${roleId}/usermembers`, {
      body: {
        Id: user.id,
        DisplayName: user.displayName,
        UserPrincipalName: user.userPrincipalName,
        Attributes: { ObjectType: "UserMember" },
      },
    });

  it("lists the customer's directory roles", async () => {
    const res = await api.call("GET", `/v1/customers/${cid()}/directoryroles`);
    assert.strictEqual(res.status, 200);
    const names = res.data.items.map((r: { name: string }) => r.name);
    for (const n of ["Global Administrator", "User Administrator", "Helpdesk Administrator"])
      assert.ok(names.includes(n), n);
    assert.deepStrictEqual(res.data.items[0].attributes, { objectType: "DirectoryRole" });
    assert.strictEqual(res.data.totalCount, res.data.items.length);
  });

  it("adds a member (201 UserMember), lists it, refuses a duplicate with 409/60024", async () => {
    const user = await createUser("roleuser");
    const helpdesk = role("Helpdesk Administrator");
    const res = await add(helpdesk.id, user);
    assert.strictEqual(res.status, 201, JSON.stringify(res.data));
    assert.deepStrictEqual(res.data, {
      displayName: "roleuser",
      userPrincipalName: user.userPrincipalName,
      roleId: helpdesk.id,
      id: user.id,
      attributes: { objectType: "UserMember" },
    });
    const members = await api.call("GET", `/v1/customers/${cid()}/directoryroles/${helpdesk.id}/usermembers`);
    assert.ok(members.data.items.some((m: { id: string }) => m.id === user.id));
    const mine = await api.call("GET", `/v1/customers/${cid()}/users/${user.id}/directoryroles`);
    assert.deepStrictEqual(
      mine.data.items.map((r: { name: string }) => r.name),
      ["Helpdesk Administrator"],
    );
    expectError(await add(helpdesk.id, user), 409, 60024);
  });

  it("removes a member (204); removing again is 404/60025", async () => {
    const user = await createUser("removeme");
    const admin = role("User Administrator");
    await add(admin.id, user);
    assert.strictEqual(
      (await api.call("DELETE", `/v1/customers/${cid()}/directoryroles/${admin.id}/usermembers/${user.id}`)).status,
      204,
    );
    const mine = await api.call("GET", `/v1/customers/${cid()}/users/${user.id}/directoryroles`);
    assert.strictEqual(mine.data.totalCount, 0);
    expectError(
      await api.call("DELETE", `/v1/customers/${cid()}/directoryroles/${admin.id}/usermembers/${user.id}`),
      404,
      60025,
    );
  });

  it("answers 404 for an unknown role, user or a soft-deleted user", async () => {
    const user = await createUser("ghost");
    expectError(await api.call("GET", `/v1/customers/${cid()}/directoryroles/${randomUUID()}/usermembers`), 404, 1000);
    expectError(
      await add(role("Helpdesk Administrator").id, { id: randomUUID(), displayName: "x", userPrincipalName: "x@y.z" }),
      404,
      60002,
    );
    await api.call("DELETE", `/v1/customers/${cid()}/users/${user.id}`);
    expectError(await add(role("Helpdesk Administrator").id, user), 404, 60002);
  });

  it("requires id, displayName and userPrincipalName on add", async () => {
    const res = await api.call(
      "POST",
      `/v1/customers/${cid()}/directoryroles/${role("Helpdesk Administrator").id}/usermembers`,
      { body: { id: randomUUID() } },
    );
    expectError(res, 400, 2000, /displayName/);
  });

  it("hides soft-deleted members and shows them again after restore", async () => {
    const user = await createUser("hidden");
    const helpdesk = role("Helpdesk Administrator");
    await add(helpdesk.id, user);
    await api.call("DELETE", `/v1/customers/${cid()}/users/${user.id}`);
    const during = await api.call("GET", `/v1/customers/${cid()}/directoryroles/${helpdesk.id}/usermembers`);
    assert.ok(!during.data.items.some((m: { id: string }) => m.id === user.id));
    await api.call("PATCH", `/v1/customers/${cid()}/users/${user.id}`, { body: { state: "active" } });
    const after = await api.call("GET", `/v1/customers/${cid()}/directoryroles/${helpdesk.id}/usermembers`);
    assert.ok(after.data.items.some((m: { id: string }) => m.id === user.id));
  });

  it("pages role members with size and MS-ContinuationToken", async () => {
    const customer = api.emu.store.data.partners[0].customers[0];
    const readers = customer.roles.find((r) => r.name === "Directory Readers")!;
    const ids = addActiveUsers(customer, 25, "reader", "Reader");
    readers.memberIds.push(...ids);
    const expected = new Set(readers.memberIds);
    const seen: string[] = [];
    let res = await api.call("GET", `/v1/customers/${cid()}/directoryroles/${readers.id}/usermembers?size=10`);
    for (;;) {
      assert.strictEqual(res.status, 200, JSON.stringify(res.data));
      assert.ok(res.data.items.length <= 10);
      seen.push(
        ...res.data.items.map((m: { id: string; roleId: string }) => {
          assert.strictEqual(m.roleId, readers.id);
          return m.id;
        }),
      );
      if (!res.data.links.next) break;
      res = await api.call("GET", res.data.links.next.uri, {
        headers: { "MS-ContinuationToken": res.data.continuationToken },
      });
    }
    assert.deepStrictEqual(seen.sort(), [...expected].sort());
  });

  it("is App+User only", async () => {
    expectError(await api.call("GET", `/v1/customers/${cid()}/directoryroles`, { as: "app" }), 403, 900329);
  });
  it("eventual consistency: a new user's role add and license update answer 404/60002 while it is hidden", async () => {
    await api.config({ eventualConsistencyReads: 2 });
    try {
      const user = await createUser("replicating");
      const readers = role("Directory Readers");
      expectError(await add(readers.id, user), 404, 60002);
      const sku = api.customer(0).skus[0];
      const update = () =>
        api.call("POST", `/v1/customers/${cid()}/users/${user.id}/licenseupdates`, {
          body: { licensesToAssign: [{ skuId: sku.id, excludedPlans: [] }] },
        });
      expectError(await update(), 404, 60002);
      assert.strictEqual((await add(readers.id, user)).status, 201, "visible once its hidden requests are spent");
    } finally {
      await api.config({ eventualConsistencyReads: 0 });
    }
  });
});
