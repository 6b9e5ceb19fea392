import assert from "assert";
import {
  apiCallsSince,
  callsByRoute,
  configureRuntime,
  provision,
  rawUser,
  runtime,
  useFixtureWithShortWaits,
  type Bag,
  type Fixture,
} from "./fixture";
import type { ShortWaits } from "./kit/short-waits";

const T = "UserRoleAssignment";

describe("resources/UserRoleAssignment (against the emulator)", () => {
  let f: Fixture;
  const role = (name: string) => f.customer.roles.find((r) => r.name === name)!;
  const memberIds = async (roleId: string) =>
    (
      (await f.raw("GET", `/v1/customers/${f.customer.id}/directoryroles/${roleId}/usermembers`)).data.items as Bag[]
    ).map((m) => m.id);

  let waits: ShortWaits;

  useFixtureWithShortWaits((fixture, w) => {
    f = fixture;
    waits = w;
  });

  it("minimal create by roleName resolves the role and adds the member", async () => {
    const u = await rawUser(f, "helpdesk");
    const { id, outs } = await provision(T, {
      customerId: f.customer.id,
      userId: u.id,
      roleName: "helpdesk administrator",
    });
    const r = role("Helpdesk Administrator");
    assert.strictEqual(outs.roleId, r.id);
    assert.strictEqual(outs.roleName, "Helpdesk Administrator");
    assert.strictEqual(id, `${f.customer.id}/${u.id}/${r.id}`.toLowerCase());
    assert.ok((await memberIds(r.id)).includes(u.id));
  });

  it("creates check each user's own role list, never the role's growing member list, and share the role list", async () => {
    const users = [await rawUser(f, "many1"), await rawUser(f, "many2"), await rawUser(f, "many3")];
    await configureRuntime(f.emu);
    const seq = await f.lastSeq();
    for (const u of users)
      await provision(T, { customerId: f.customer.id, userId: u.id, roleName: "Directory Readers" });
    assert.deepStrictEqual(await callsByRoute(f, seq), [
      "GET /v1/customers/{id}/directoryroles x1",
      "GET /v1/customers/{id}/users/{id} x3",
      "GET /v1/customers/{id}/users/{id}/directoryroles x3",
      "POST /v1/customers/{id}/directoryroles/{id}/usermembers x3",
    ]);
  });

  it("full create by roleId; switching to the same role's name is not a change", async () => {
    const u = await rawUser(f, "useradmin");
    const r = role("User Administrator");
    const { id, outs } = await provision(T, { customerId: f.customer.id, userId: u.id, roleId: r.id, adopt: false });
    assert.strictEqual(outs.roleName, r.name);
    assert.strictEqual(
      (await runtime.diff(T, id, outs, { customerId: f.customer.id, userId: u.id, roleName: "USER ADMINISTRATOR" }))
        .changes,
      false,
    );
    assert.strictEqual(
      (await runtime.diff(T, id, outs, { customerId: f.customer.id, userId: u.id, roleName: "Directory Readers" }))
        .changes,
      true,
    );
  });

  it("every change of customer, user or role replaces; adopt alone is a no-call update", async () => {
    const u = await rawUser(f, "replacer");
    const { id, outs, inputs } = await provision(T, {
      customerId: f.customer.id,
      userId: u.id,
      roleName: "Billing Administrator",
    });
    const other = f.partner.customers.find((c) => c.id !== f.customer.id)!;
    assert.deepStrictEqual((await runtime.diff(T, id, outs, { ...inputs, customerId: other.id })).replaces, [
      "customerId",
    ]);
    assert.deepStrictEqual(
      (await runtime.diff(T, id, outs, { ...inputs, userId: "00000000-0000-0000-0000-000000000001" })).replaces,
      ["userId"],
    );
    assert.deepStrictEqual((await runtime.diff(T, id, outs, { ...inputs, roleName: "Directory Readers" })).replaces, [
      "roleName",
    ]);
    const { roleName: _n, ...noName } = inputs;
    assert.deepStrictEqual(
      (await runtime.diff(T, id, outs, { ...noName, roleId: role("Directory Readers").id })).replaces,
      ["roleId"],
    );
    const flip = { ...inputs, adopt: true };
    const d = await runtime.diff(T, id, outs, flip);
    assert.deepStrictEqual([d.changes, d.replaces], [true, []]);
    const seq = await f.lastSeq();
    await runtime.update(T, id, outs, flip);
    assert.strictEqual((await apiCallsSince(f, seq)).length, 0);
  });

  it("adopt: an existing membership is an error without adopt and taken over with it", async () => {
    const u = await rawUser(f, "adoptee");
    const r = role("License Administrator");
    const added = await f.raw("POST", `/v1/customers/${f.customer.id}/directoryroles/${r.id}/usermembers`, {
      id: u.id,
      displayName: "adoptee",
      userPrincipalName: u.upn,
    });
    assert.strictEqual(added.status, 201);
    await assert.rejects(provision(T, { customerId: f.customer.id, userId: u.id, roleId: r.id }), /adopt: true/);
    const { outs } = await provision(T, { customerId: f.customer.id, userId: u.id, roleId: r.id, adopt: true });
    assert.strictEqual(outs.roleId, r.id);
  });

  it("gone: a membership removed behind Pulumi's back reads as an empty id; delete removes only this role", async () => {
    const u = await rawUser(f, "gone");
    const a = await provision(T, { customerId: f.customer.id, userId: u.id, roleName: "Directory Readers" });
    const b = await provision(T, { customerId: f.customer.id, userId: u.id, roleName: "Helpdesk Administrator" });
    await configureRuntime(f.emu);
    assert.strictEqual((await runtime.read(T, a.id, a.outs)).id, a.id);
    await runtime.delete(T, a.id, a.outs);
    assert.ok(!(await memberIds(String(a.outs.roleId))).includes(u.id));
    assert.ok((await memberIds(String(b.outs.roleId))).includes(u.id));
    assert.strictEqual(
      (await f.raw("DELETE", `/v1/customers/${f.customer.id}/directoryroles/${b.outs.roleId}/usermembers/${u.id}`))
        .status,
      204,
    );
    await configureRuntime(f.emu);
    assert.strictEqual((await runtime.read(T, b.id, b.outs)).id, "");
    assert.strictEqual((await runtime.read(T, a.id, a.outs)).id, "");
    assert.deepStrictEqual(
      waits.confirmGone.slept,
      [...waits.confirmGone.delaysMs, ...waits.confirmGone.delaysMs],
      "each read waited the whole bounded wait before reporting gone",
    );
  });

  it("eventual consistency: a role given right after the user's create, while the user is not yet visible, is added in one go", async () => {
    await configureRuntime(f.emu);
    await f.api.post("/_emulator/config", { eventualConsistencyReads: 2 });
    const user = await provision("CustomerUser", {
      customerId: f.customer.id,
      userPrincipalName: `fresh-role-${Date.now()}@${f.customer.domain}`,
      displayName: "Fresh Role",
    });
    const userId = String(user.outs.userId);
    await configureRuntime(f.emu); // the next run: a user this process did not create is looked up first
    const seq = await f.lastSeq();
    const r = role("User Administrator");
    const { id, outs } = await provision(T, { customerId: f.customer.id, userId, roleName: r.name });
    assert.strictEqual(outs.roleId, r.id);
    assert.deepStrictEqual(
      (await memberIds(r.id)).filter((m) => m === userId),
      [userId],
    );
    const gets = (await apiCallsSince(f, seq)).filter((c) => c.method === "GET" && c.path.endsWith(`/users/${userId}`));
    assert.deepStrictEqual(
      gets.map((g) => g.status),
      [404, 404, 200],
      "the user was hidden for two reads",
    );
    assert.deepStrictEqual(waits.dependentWrite.slept, [5, 10]);
    assert.strictEqual((await runtime.read(T, id, outs)).id, id);
  });

  it("eventual consistency: a role add answered 404 for a user not yet replicated is retried and ends with one membership", async () => {
    const u = await rawUser(f, "late");
    const r = role("Directory Readers");
    await configureRuntime(f.emu);
    await f.faults({
      method: "POST",
      path: "/usermembers$",
      status: 404,
      code: "60002",
      description: `User object ID ${u.id} isn't found.`,
      times: 2,
    });
    await provision(T, { customerId: f.customer.id, userId: u.id, roleId: r.id });
    assert.deepStrictEqual(
      (await memberIds(r.id)).filter((m) => m === u.id),
      [u.id],
    );
    assert.deepStrictEqual(waits.dependentWrite.slept, [5, 10]);
  });

  it("a userId that never becomes visible fails after the bounded wait, naming the fix, and adds nothing", async () => {
    const r = role("Helpdesk Administrator");
    const ghost = "0f0f0f0f-0000-4000-8000-00000000a11c";
    await configureRuntime(f.emu);
    const seq = await f.lastSeq();
    await assert.rejects(provision(T, { customerId: f.customer.id, userId: ghost, roleId: r.id }), (e: Error) => {
      assert.match(
        e.message,
        /UserRoleAssignment .* create failed: .*still not found after waiting 0 s for directory replication\. Fix: give the userId of an active user .*CustomerUser\.userId/,
      );
      assert.match(e.message, /HTTP 404, Partner Center code 60002/);
      return true;
    });
    const gets = (await apiCallsSince(f, seq)).filter((c) => c.method === "GET" && c.path.endsWith(`/users/${ghost}`));
    assert.strictEqual(gets.length, waits.dependentWrite.delaysMs.length + 1);
    assert.deepStrictEqual(waits.dependentWrite.slept, waits.dependentWrite.delaysMs);
    assert.ok(!(await memberIds(r.id)).includes(ghost));
  });

  for (const status of [403, 500]) {
    it(`a ${status} on read throws instead of reporting the membership gone`, async () => {
      const u = await rawUser(f, `fault${status}`);
      const { id, outs } = await provision(T, {
        customerId: f.customer.id,
        userId: u.id,
        roleName: "Directory Readers",
      });
      await configureRuntime(f.emu, { "partnercenter:maxRetries": "0" });
      await f.faults({ method: "GET", path: "/directoryroles", status, code: String(status) });
      await assert.rejects(
        runtime.read(T, id, outs),
        (e: Error) => e.message.includes(T) && e.message.includes(`HTTP ${status}`) && /request id/.test(e.message),
      );
    });
  }

  it("a 429 and then a 5xx after the add was applied end with exactly one membership and a tracked resource", async () => {
    const u = await rawUser(f, "flaky");
    const r = role("User Administrator");
    await configureRuntime(f.emu);
    await f.faults([
      { method: "POST", path: "/usermembers$", status: 429, retryAfter: 0, times: 1 },
      { method: "POST", path: "/usermembers$", applyThenFail: true, status: 503, times: 1 },
    ]);
    const { outs } = await provision(T, { customerId: f.customer.id, userId: u.id, roleId: r.id });
    assert.strictEqual(outs.roleId, r.id);
    assert.strictEqual((await memberIds(r.id)).filter((m) => m === u.id).length, 1);
  });

  it("an add that keeps failing before it is applied fails and leaves no membership", async () => {
    const u = await rawUser(f, "rejected");
    const r = role("Billing Administrator");
    await configureRuntime(f.emu, { "partnercenter:maxRetries": "1" });
    await f.faults({ method: "POST", path: "/usermembers$", status: 500, code: "500", times: 5 });
    await assert.rejects(
      provision(T, { customerId: f.customer.id, userId: u.id, roleId: r.id }),
      (e: Error) => e.message.includes(T) && /HTTP 500/.test(e.message),
    );
    assert.ok(!(await memberIds(r.id)).includes(u.id));
  });

  it("an unknown role name fails with the customer's role names", async () => {
    const u = await rawUser(f, "norole");
    await assert.rejects(
      provision(T, { customerId: f.customer.id, userId: u.id, roleName: "Emperor" }),
      (e: Error) =>
        e.message.includes("Emperor") && e.message.includes("Helpdesk Administrator") && /Fix:/.test(e.message),
    );
  });

  it("check: exactly one of roleId/roleName, GUIDs, fixes named", async () => {
    const both = await runtime.check(
      T,
      {},
      {
        customerId: f.customer.id,
        userId: "11111111-1111-1111-1111-111111111111",
        roleId: "22222222-2222-2222-2222-222222222222",
        roleName: "x",
      },
    );
    assert.deepStrictEqual(
      both.failures.map((x) => x.property),
      ["roleId", "roleName"],
    );
    const none = await runtime.check(T, {}, { customerId: "bad", userId: "bad" });
    assert.deepStrictEqual(none.failures.map((x) => x.property).sort(), ["customerId", "roleId", "roleName", "userId"]);
    for (const x of [...both.failures, ...none.failures])
      assert.ok(x.reason.includes(x.property) && x.reason.includes("Fix:"), x.reason);
  });
});
