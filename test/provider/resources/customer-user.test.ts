import { generatePassword } from "../../../provider/resources/kit/password";
import assert from "assert";
import {
  apiCallsSince,
  callsByRoute,
  configureRuntime,
  provision,
  refresh,
  runtime,
  useFixtureWithShortWaits,
  type Bag,
  type Fixture,
} from "./fixture";
import type { ShortWaits } from "./kit/short-waits";
import { UNKNOWN } from "../../../provider/resources/kit/unknown";

const T = "CustomerUser";

describe("resources/CustomerUser (against the emulator)", () => {
  let f: Fixture;
  let n = 0;
  const upn = (alias = `user${++n}`) => `${alias}@${f.customer.domain}`;
  const base = () => ({ customerId: f.customer.id, userPrincipalName: upn(), displayName: `User ${n}` });
  const userIdOf = (id: string) => id.split("/")[1];
  const usersWithUpn = async (u: string) => {
    const res = await f.raw("GET", `/v1/customers/${f.customer.id}/users?size=500`);
    return (res.data.items as Bag[]).filter((x) => String(x.userPrincipalName).toLowerCase() === u.toLowerCase());
  };

  let waits: ShortWaits;

  useFixtureWithShortWaits((fixture, w) => {
    f = fixture;
    waits = w;
  });

  it("minimal create: generates a strong secret password and returns every output", async () => {
    const { id, outs } = await provision(T, base());
    assert.match(id, new RegExp(`^${f.customer.id}/[0-9a-f-]{36}$`));
    assert.strictEqual(outs.userId, userIdOf(id));
    assert.strictEqual(outs.state, "active");
    assert.ok(typeof outs.userDomainType === "string");
    assert.match(String(outs.initialPassword), /^(?=.*[A-Z])(?=.*[a-z])(?=.*\d)(?=.*[^A-Za-z0-9]).{20}$/);
    assert.strictEqual(outs.password, undefined);
    const remote = await f.raw("GET", `/v1/customers/${f.customer.id}/users/${outs.userId}`);
    assert.strictEqual(remote.status, 200);
    assert.strictEqual(remote.data.displayName, outs.displayName);
  });

  it("full create: every input reaches Partner Center; a given password is not echoed as initialPassword", async () => {
    const inputs = {
      ...base(),
      firstName: "Ada",
      lastName: "Lovelace",
      usageLocation: "gb",
      immutableId: "imm-1",
      password: "Str0ng!Passw0rd",
      forceChangePassword: false,
    };
    const { outs } = await provision(T, inputs);
    assert.strictEqual(outs.initialPassword, undefined);
    assert.strictEqual(outs.usageLocation, "GB");
    const remote = (await f.raw("GET", `/v1/customers/${f.customer.id}/users/${outs.userId}`)).data;
    assert.deepStrictEqual(
      [remote.firstName, remote.lastName, remote.usageLocation, remote.immutableId],
      ["Ada", "Lovelace", "GB", "imm-1"],
    );
  });

  it("in-place update of names, usage location and UPN keeps the same user", async () => {
    const { id, outs } = await provision(T, base());
    const news = {
      ...(
        await runtime.check(T, outs, {
          ...outs,
          displayName: "Renamed",
          usageLocation: "DE",
          userPrincipalName: upn("renamed"),
        })
      ).inputs,
    };
    const d = await runtime.diff(T, id, outs, news);
    assert.strictEqual(d.changes, true);
    assert.deepStrictEqual(d.replaces, []);
    const { outs: after } = await runtime.update(T, id, outs, news);
    assert.strictEqual(after.userId, outs.userId);
    const remote = (await f.raw("GET", `/v1/customers/${f.customer.id}/users/${outs.userId}`)).data;
    assert.deepStrictEqual(
      [remote.displayName, remote.usageLocation, remote.userPrincipalName.toLowerCase()],
      ["Renamed", "DE", String(news.userPrincipalName).toLowerCase()],
    );
    assert.strictEqual((await runtime.diff(T, id, after, news)).changes, false);
  });

  it("UPN case and usage-location case are not changes; a new customerId replaces", async () => {
    const { id, outs } = await provision(T, base());
    assert.strictEqual(
      (await runtime.diff(T, id, outs, { ...outs, userPrincipalName: String(outs.userPrincipalName).toUpperCase() }))
        .changes,
      false,
    );
    const other = f.partner.customers.find((c) => c.id !== f.customer.id)!;
    const d = await runtime.diff(T, id, outs, { ...outs, customerId: other.id });
    assert.deepStrictEqual(d.replaces, ["customerId"]);
  });

  it("password reset: a new password or a bumped passwordVersion resets it", async () => {
    const { id, outs } = await provision(T, { ...base(), password: "Str0ng!Passw0rd" });
    let seq = await f.lastSeq();
    const news = { ...outs, password: "N3w!Passw0rd#" };
    assert.strictEqual((await runtime.diff(T, id, outs, news)).changes, true);
    const { outs: a } = await runtime.update(T, id, outs, news);
    let resets = (await f.requests(seq)).filter((r) => r.method === "PATCH" && /resetpassword$/i.test(r.path));
    assert.strictEqual(resets.length, 1);
    assert.strictEqual(a.initialPassword, undefined);

    seq = await f.lastSeq();
    const { password: _p, ...noPassword } = a;
    const bumped = { ...noPassword, passwordVersion: 2 };
    assert.strictEqual((await runtime.diff(T, id, a, bumped)).changes, true);
    const { outs: b } = await runtime.update(T, id, a, bumped);
    resets = (await f.requests(seq)).filter((r) => r.method === "PATCH" && /resetpassword$/i.test(r.path));
    assert.strictEqual(resets.length, 1);
    assert.match(String(b.initialPassword), /.{20}/);
  });

  it("adopt: an existing user is an error without adopt and is taken over with it", async () => {
    const u = upn();
    const created = await f.raw("POST", `/v1/customers/${f.customer.id}/users`, {
      userPrincipalName: u,
      displayName: "Pre-existing",
      passwordProfile: { password: "Pre!exist1ng", forceChangePassword: true },
    });
    assert.ok(created.status === 200 || created.status === 201, `raw create: ${created.status}`);
    await assert.rejects(
      provision(T, { customerId: f.customer.id, userPrincipalName: u, displayName: "Adopted" }),
      (e: Error) => /adopt: true/.test(e.message) && e.message.includes(T),
    );
    const { id, outs } = await provision(T, {
      customerId: f.customer.id,
      userPrincipalName: u,
      displayName: "Adopted",
      adopt: true,
    });
    assert.strictEqual(outs.userId, created.data.id);
    assert.strictEqual(userIdOf(id), created.data.id);
    assert.strictEqual(outs.initialPassword, undefined);
    assert.strictEqual(
      (await f.raw("GET", `/v1/customers/${f.customer.id}/users/${created.data.id}`)).data.displayName,
      "Adopted",
    );
    assert.strictEqual((await usersWithUpn(u)).length, 1);
  });

  it("restores a soft-deleted user with the same UPN (same id), unless restoreDeleted is false", async () => {
    const inputs = base();
    const first = await provision(T, inputs);
    await runtime.delete(T, first.id, first.outs);
    assert.strictEqual((await usersWithUpn(inputs.userPrincipalName)).length, 0);
    const again = await provision(T, { ...inputs, displayName: "Back again" });
    assert.strictEqual(again.outs.userId, first.outs.userId);
    assert.strictEqual(
      (await f.raw("GET", `/v1/customers/${f.customer.id}/users/${first.outs.userId}`)).data.displayName,
      "Back again",
    );

    await runtime.delete(T, again.id, again.outs);
    await assert.rejects(
      provision(T, { ...inputs, restoreDeleted: false }),
      (e: Error) => /restoreDeleted: true/.test(e.message) && e.message.includes(first.outs.userId as string),
    );
  });

  it("drift: a change made behind Pulumi's back shows in read and diff", async () => {
    const { id, outs, inputs } = await provision(T, base());
    await configureRuntime(f.emu);
    assert.strictEqual((await refresh(T, id, outs, inputs)).diff!.changes, false);
    const patched = await f.raw("PATCH", `/v1/customers/${f.customer.id}/users/${outs.userId}`, {
      displayName: "Changed outside",
    });
    assert.strictEqual(patched.status, 200);
    await configureRuntime(f.emu);
    const { read, diff } = await refresh(T, id, outs, inputs);
    assert.strictEqual(read.id, id);
    assert.strictEqual(read.props.displayName, "Changed outside");
    assert.strictEqual(diff!.changes, true);
  });

  it("gone: a user deleted behind Pulumi's back reads as an empty id", async () => {
    const { id, outs } = await provision(T, base());
    assert.strictEqual((await f.raw("DELETE", `/v1/customers/${f.customer.id}/users/${outs.userId}`)).status, 204);
    await configureRuntime(f.emu);
    const read = await runtime.read(T, id, outs);
    assert.strictEqual(read.id, "");
    assert.deepStrictEqual(waits.confirmGone.slept, [], "a soft-deleted user is gone for sure: no replication wait");
  });

  it("creates in one customer share its UPN and domain lists: one POST each once they are loaded", async () => {
    await configureRuntime(f.emu);
    const seq = await f.lastSeq();
    for (let i = 0; i < 5; i++) await provision(T, base());
    assert.deepStrictEqual(
      await callsByRoute(f, seq),
      ["GET /v1/customers/{id} x1", "GET /v1/customers/{id}/users x2", "POST /v1/customers/{id}/users x5"],
      "the active and deleted user lists and the customer once, then only the creates",
    );
  });

  it("a user created here gets its role and its license with one call each: it holds none but ours", async () => {
    await configureRuntime(f.emu);
    const seq = await f.lastSeq();
    const { outs } = await provision(T, base());
    const assignments = [
      await provision("UserRoleAssignment", {
        customerId: f.customer.id,
        userId: outs.userId,
        roleName: "Directory Readers",
      }),
      await provision("UserLicenseAssignment", {
        customerId: f.customer.id,
        userId: outs.userId,
        skuPartNumber: "O365_BUSINESS_PREMIUM",
      }),
    ];
    const writes = (await callsByRoute(f, seq)).filter((r) => !r.startsWith("GET "));
    assert.deepStrictEqual(writes, [
      "POST /v1/customers/{id}/directoryroles/{id}/usermembers x1",
      "POST /v1/customers/{id}/users x1",
      "POST /v1/customers/{id}/users/{id}/licenseupdates x1",
    ]);
    const perUser = (await callsByRoute(f, seq)).filter((r) => r.includes("/users/{id}"));
    assert.deepStrictEqual(perUser, ["POST /v1/customers/{id}/users/{id}/licenseupdates x1"], "no per-user lookups");
    for (const [type, a] of [
      ["UserLicenseAssignment", assignments[1]],
      ["UserRoleAssignment", assignments[0]],
    ] as const)
      await runtime.delete(type, a.id, a.outs);
  });

  /** A fresh runtime whose shared lists are loaded by one create, then a user made outside it with these inputs. */
  const userBehindTheListsBack = async () => {
    await configureRuntime(f.emu);
    await provision(T, base());
    const inputs = base();
    const made = await f.raw("POST", `/v1/customers/${f.customer.id}/users`, {
      ...inputs,
      passwordProfile: { password: generatePassword(), forceChangePassword: true },
    });
    assert.strictEqual(made.status, 201);
    return { inputs, userId: String(made.data.id) };
  };

  it("a UPN taken behind the shared list's back is refused with the adopt fix after one refused POST", async () => {
    const { inputs: taken } = await userBehindTheListsBack();
    const seq = await f.lastSeq();
    await assert.rejects(provision(T, taken), /already exists \(user id [0-9a-f-]{36}\)\. Fix: set adopt: true/);
    const posts = (await apiCallsSince(f, seq)).filter((c) => c.method === "POST");
    assert.deepStrictEqual(
      posts.map((p) => p.status),
      [409],
    );
    assert.strictEqual((await usersWithUpn(taken.userPrincipalName)).length, 1, "no second user");
  });

  it("a UPN soft-deleted behind the shared list's back is restored and tracked after the refused POST", async () => {
    const { inputs: gone, userId } = await userBehindTheListsBack();
    assert.strictEqual((await f.raw("DELETE", `/v1/customers/${f.customer.id}/users/${userId}`)).status, 204);
    const { outs } = await provision(T, gone);
    assert.strictEqual(outs.userId, userId, "the restored user is the one tracked");
    assert.strictEqual((await usersWithUpn(gone.userPrincipalName)).length, 1);
  });

  it("gone: a user that answers 404 (purged after the 30-day window) reads as an empty id", async () => {
    const { id, outs } = await provision(T, base());
    assert.strictEqual((await f.raw("DELETE", `/v1/customers/${f.customer.id}/users/${outs.userId}`)).status, 204);
    await f.api.post("/_emulator/clock", { advanceMs: 31 * 24 * 3600 * 1000 });
    assert.strictEqual((await f.raw("GET", `/v1/customers/${f.customer.id}/users/${outs.userId}`)).status, 404);
    await configureRuntime(f.emu);
    const seq = await f.lastSeq();
    assert.strictEqual((await runtime.read(T, id, outs)).id, "");
    assert.deepStrictEqual(waits.confirmGone.slept, waits.confirmGone.delaysMs, "the whole bounded wait, then gone");
    const gets = (await apiCallsSince(f, seq)).filter(
      (c) => c.method === "GET" && c.path.endsWith(`/users/${outs.userId}`),
    );
    assert.deepStrictEqual(
      gets.map((g) => g.status),
      [404, 404, 404, 404],
    );
  });

  it("eventual consistency: a read right after create, while the new user is not yet visible, does not report it gone", async () => {
    await f.api.post("/_emulator/config", { eventualConsistencyReads: 2 });
    const { id, outs } = await provision(T, { ...base(), usageLocation: "DE" });
    await configureRuntime(f.emu);
    const seq = await f.lastSeq();
    const { read, diff } = await refresh(T, id, outs, {
      ...base(),
      userPrincipalName: String(outs.userPrincipalName),
      displayName: String(outs.displayName),
      usageLocation: "DE",
    });
    assert.strictEqual(read.id, id);
    assert.strictEqual(read.props.userId, outs.userId);
    assert.strictEqual(read.props.usageLocation, "DE");
    assert.strictEqual(diff!.changes, false);
    const calls = await apiCallsSince(f, seq);
    const gets = calls.filter((c) => c.method === "GET" && c.path.endsWith(`/users/${outs.userId}`));
    assert.deepStrictEqual(
      gets.map((g) => g.status),
      [404, 200],
      "the user was hidden from the list and the first GET",
    );
    assert.deepStrictEqual(waits.confirmGone.slept, [5]);
  });

  it("eventual consistency: a user that is really gone is still reported gone with replication lag switched on", async () => {
    const { id, outs } = await provision(T, base());
    await f.api.post("/_emulator/config", { eventualConsistencyReads: 3 });
    assert.strictEqual((await f.raw("DELETE", `/v1/customers/${f.customer.id}/users/${outs.userId}`)).status, 204);
    await configureRuntime(f.emu);
    assert.strictEqual((await runtime.read(T, id, outs)).id, "");
    // A user this partner never had (e.g. state from another environment): gone after the bounded wait.
    const stranger = `${f.customer.id}/0f0f0f0f-0000-4000-8000-00000000beef`;
    assert.strictEqual(
      (await runtime.read(T, stranger, { ...outs, userId: "0f0f0f0f-0000-4000-8000-00000000beef" })).id,
      "",
    );
    assert.deepStrictEqual(waits.confirmGone.slept, waits.confirmGone.delaysMs);
  });

  for (const status of [403, 500]) {
    it(`a ${status} on read throws (never an empty id) and names resource, operation, code and request id`, async () => {
      const { id, outs } = await provision(T, base());
      await configureRuntime(f.emu, { "partnercenter:maxRetries": "0" });
      await f.faults({
        method: "GET",
        path: `/v1/customers/${f.customer.id}/users`,
        status,
        code: status === 403 ? "900308" : "500",
        description: "injected",
      });
      await assert.rejects(runtime.read(T, id, outs), (e: Error) => {
        assert.ok(e.message.includes(T) && e.message.includes("read"), e.message);
        assert.match(e.message, new RegExp(`HTTP ${status}`));
        assert.match(e.message, /request id [0-9a-f-]{36}/);
        return true;
      });
    });
  }

  it("429 then 5xx-after-commit during create ends with exactly one user", async () => {
    await configureRuntime(f.emu);
    const inputs = base();
    await f.faults([
      { method: "POST", path: `/v1/customers/${f.customer.id}/users$`, status: 429, retryAfter: 0, times: 1 },
      { method: "POST", path: `/v1/customers/${f.customer.id}/users$`, applyThenFail: true, status: 500, times: 1 },
    ]);
    const { outs } = await provision(T, inputs);
    const found = await usersWithUpn(inputs.userPrincipalName);
    assert.strictEqual(found.length, 1);
    assert.strictEqual(found[0].id, outs.userId);
  });

  it("eventual consistency: a create whose answer is lost keeps tracking the user even while it is not listed yet", async () => {
    await configureRuntime(f.emu, { "partnercenter:maxRetries": "0" });
    await f.api.post("/_emulator/config", { eventualConsistencyReads: 2 });
    const inputs = base();
    await f.faults({
      method: "POST",
      path: `/v1/customers/${f.customer.id}/users$`,
      applyThenFail: true,
      status: 500,
      times: 1,
    });
    const { outs } = await provision(T, inputs);
    assert.deepStrictEqual(waits.confirmGone.slept, [5, 10], "two list reads hid the new user");
    const found = await usersWithUpn(inputs.userPrincipalName);
    assert.strictEqual(found.length, 1);
    assert.strictEqual(found[0].id, outs.userId);
  });

  it("deletionPolicy retain leaves the user and warns; softDelete deletes", async () => {
    const kept = await provision(T, { ...base(), deletionPolicy: "retain" });
    await runtime.delete(T, kept.id, kept.outs);
    assert.strictEqual((await usersWithUpn(String(kept.outs.userPrincipalName))).length, 1);
    assert.ok(f.warnings.some((w) => w.includes("retain")));
    const gone = await provision(T, base());
    await runtime.delete(T, gone.id, gone.outs);
    assert.strictEqual((await usersWithUpn(String(gone.outs.userPrincipalName))).length, 0);
  });

  it("each engine call gets its own MS-CorrelationId", async () => {
    const seq = await f.lastSeq();
    const { id, outs } = await provision(T, base());
    const mid = await f.lastSeq();
    await runtime.read(T, id, outs);
    const createIds = new Set(
      (await f.requests(seq)).filter((r) => r.seq <= mid && r.path.startsWith("/v1/")).map((r) => r.correlationId),
    );
    const readIds = new Set(
      (await f.requests(mid)).filter((r) => r.path.startsWith("/v1/")).map((r) => r.correlationId),
    );
    assert.strictEqual(createIds.size, 1);
    assert.ok(readIds.size <= 1);
    for (const r of readIds) assert.ok(!createIds.has(r));
  });

  it("a UPN outside the customer's domains fails with the domains to use", async () => {
    await assert.rejects(
      provision(T, { customerId: f.customer.id, userPrincipalName: "x@not-theirs.example", displayName: "X" }),
      (e: Error) => e.message.includes(f.customer.domain) && /Fix:/.test(e.message),
    );
  });

  it("check: every problem names the field and the fix; preview unknowns pass", async () => {
    const r = await runtime.check(
      T,
      {},
      {
        customerId: "abc",
        userPrincipalName: "no-at-sign",
        displayName: "",
        usageLocation: "USA",
        deletionPolicy: "purge",
        passwordd: "x",
      },
    );
    const props = r.failures.map((x) => x.property).sort();
    assert.deepStrictEqual(props, [
      "customerId",
      "deletionPolicy",
      "displayName",
      "passwordd",
      "usageLocation",
      "userPrincipalName",
    ]);
    for (const x of r.failures) assert.ok(x.reason.includes(x.property) && x.reason.includes("Fix:"), x.reason);
    const unknown = UNKNOWN;
    assert.deepStrictEqual(
      (await runtime.check(T, {}, { customerId: unknown, userPrincipalName: unknown, displayName: unknown })).failures,
      [],
    );
  });

  it("check applies Entra ID's password rule (not just length) and never repeats the password", async () => {
    const base = { customerId: f.customer.id, userPrincipalName: `pw@${f.customer.domain}`, displayName: "Pw" };
    const refused: Array<[string, RegExp]> = [
      ["Short1!", /too short/],
      ["alllowercaseletters", /too few kinds of characters/],
      ["lowercase12345", /too few kinds of characters/],
      ["Pässword123!", /character Entra ID does not allow/],
      ["Tab\tPassw0rd", /character Entra ID does not allow/],
      [`Aa1!${"x".repeat(253)}`, /too long/],
    ];
    for (const [password, why] of refused) {
      const { failures } = await runtime.check(T, {}, { ...base, password });
      assert.deepStrictEqual(
        failures.map((x) => x.property),
        ["password"],
        password,
      );
      assert.match(failures[0].reason, why);
      assert.match(failures[0].reason, /Fix: use 8 to 256 characters with three of/);
      assert.ok(!failures[0].reason.includes(password), "the reason does not repeat the password");
    }
    for (const password of ["Passw0rd", "pass word 12", "UPPER-lower", "a1!b2@c3#", generatePassword()])
      assert.deepStrictEqual((await runtime.check(T, {}, { ...base, password })).failures, [], password);
  });

  it("check: usageLocation must be an ISO 3166-1 alpha-2 country, not just two letters", async () => {
    const base = { customerId: f.customer.id, userPrincipalName: `loc@${f.customer.domain}`, displayName: "Loc" };
    const reasons = async (usageLocation: string) =>
      (await runtime.check(T, {}, { ...base, usageLocation })).failures.map((x) => `${x.property}: ${x.reason}`);
    for (const code of ["ZZ", "EU", "XK", "AA", "QX"])
      assert.match(
        (await reasons(code)).join(),
        /usageLocation: usageLocation .* is not an ISO 3166-1 alpha-2 country code\. Fix:/,
      );
    assert.match((await reasons("UK")).join(), /withdrawn country code; the current one is GB\. Fix: write GB/);
    for (const code of ["US", "gb", "De", "TW", "AX"]) assert.deepStrictEqual(await reasons(code), [], code);
  });

  it("errors never carry the password", async () => {
    const secret = "Sup3r!Secret#Pw";
    await f.faults({
      method: "POST",
      path: `/v1/customers/${f.customer.id}/users$`,
      status: 400,
      code: "2000",
      description: `rejected password ${secret}`,
    });
    await assert.rejects(
      provision(T, { ...base(), password: secret }),
      (e: Error) =>
        !e.message.includes(secret) && !String(e.stack).includes(secret) && e.message.includes("[redacted]"),
    );
  });
});
