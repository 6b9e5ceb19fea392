import assert from "assert";
import {
  callsByRoute,
  configureRuntime,
  provision,
  rawUser,
  refresh,
  runtime,
  useFixtureWithShortWaits,
  type Bag,
  type Fixture,
} from "../fixture";

const T = "CustomerUser";
const O365 = "O365_BUSINESS_PREMIUM";

describe("resources/kit/user-access: a CustomerUser's inline roles and licenses (against the emulator)", () => {
  let f: Fixture;
  let n = 0;
  const base = (extra: Bag = {}) => ({
    customerId: f.customer.id,
    userPrincipalName: `access${++n}@${f.customer.domain}`,
    displayName: `Access ${n}`,
    ...extra,
  });
  useFixtureWithShortWaits((fixture) => {
    f = fixture;
  });

  const rolesOf = async (userId: string) =>
    ((await f.raw("GET", `/v1/customers/${f.customer.id}/users/${userId}/directoryroles`)).data.items as Bag[]).map(
      (r) => String(r.name),
    );
  const licensesOf = async (userId: string) =>
    (await f.raw("GET", `/v1/customers/${f.customer.id}/users/${userId}/licenses`)).data.items as Array<{
      productSku: { skuPartNumber: string };
      servicePlans: Array<{ serviceName: string; capabilityStatus: string }>;
    }>;
  const roleId = async (name: string) =>
    String(
      ((await f.raw("GET", `/v1/customers/${f.customer.id}/directoryroles`)).data.items as Bag[]).find(
        (r) => r.name === name,
      )!.id,
    );

  it("a new user with a role and a license is three writes and no lookups of the user", async () => {
    await configureRuntime(f.emu);
    const seq = await f.lastSeq();
    const { outs } = await provision(T, base({ roles: ["Directory Readers"], licenses: [{ sku: O365 }] }));
    const writes = (await callsByRoute(f, seq)).filter((r) => !r.startsWith("GET "));
    assert.deepStrictEqual(writes, [
      "POST /v1/customers/{id}/directoryroles/{id}/usermembers x1",
      "POST /v1/customers/{id}/users x1",
      "POST /v1/customers/{id}/users/{id}/licenseupdates x1",
    ]);
    assert.deepStrictEqual(
      (await callsByRoute(f, seq)).filter((r) => r.includes("/users/{id}") && r.startsWith("GET ")),
      [],
    );
    assert.deepStrictEqual(await rolesOf(String(outs.userId)), ["Directory Readers"]);
    assert.deepStrictEqual(
      (await licensesOf(String(outs.userId))).map((l) => l.productSku.skuPartNumber),
      [O365],
    );
    assert.deepStrictEqual(outs.roles, ["Directory Readers"]);
    assert.deepStrictEqual(outs.licenses, [{ sku: O365, excludedPlans: [] }]);
  });

  it("refresh: no drift when all holds; a listed role or license removed behind Pulumi's back is drift, an unlisted role added is not", async () => {
    const made = await provision(
      T,
      base({ roles: ["Directory Readers"], licenses: [{ sku: O365, excludedPlans: ["YAMMER_ENTERPRISE"] }] }),
    );
    const userId = String(made.outs.userId);
    const clean = await refresh(T, made.id, made.outs, made.inputs);
    assert.strictEqual(clean.diff?.changes, false, JSON.stringify(clean.read.props));
    assert.deepStrictEqual(clean.read.props.licenses, [{ sku: O365, excludedPlans: ["YAMMER_ENTERPRISE"] }]);

    const helpdesk = await roleId("Helpdesk Administrator");
    assert.strictEqual(
      (
        await f.raw("POST", `/v1/customers/${f.customer.id}/directoryroles/${helpdesk}/usermembers`, {
          id: userId,
          displayName: "x",
          userPrincipalName: made.inputs.userPrincipalName,
        })
      ).status,
      201,
    );
    assert.strictEqual(
      (await refresh(T, made.id, made.outs, made.inputs)).diff?.changes,
      false,
      "an unlisted role is not ours",
    );

    const readers = await roleId("Directory Readers");
    await f.raw("DELETE", `/v1/customers/${f.customer.id}/directoryroles/${readers}/usermembers/${userId}`);
    await f.raw("POST", `/v1/customers/${f.customer.id}/users/${userId}/licenseupdates`, {
      licensesToRemove: ["f245ecc8-75af-4f8e-b61f-27d8114de5f3"],
    });
    await configureRuntime(f.emu);
    const drift = await refresh(T, made.id, made.outs, made.inputs);
    assert.deepStrictEqual(drift.read.props.roles, []);
    assert.deepStrictEqual(drift.read.props.licenses, []);
    assert.strictEqual(drift.diff?.changes, true);
  });

  it("update: a dropped role and license are removed, a new one added, exclusions changed, an unlisted role left alone — in one license call", async () => {
    const made = await provision(
      T,
      base({ roles: ["Directory Readers", "User Administrator"], licenses: [{ sku: O365 }, { sku: "POWER_BI_PRO" }] }),
    );
    const userId = String(made.outs.userId);
    const helpdesk = await roleId("Helpdesk Administrator");
    await f.raw("POST", `/v1/customers/${f.customer.id}/directoryroles/${helpdesk}/usermembers`, {
      id: userId,
      displayName: "x",
      userPrincipalName: made.inputs.userPrincipalName,
    });
    const checked = await runtime.check(T, made.outs, {
      ...made.inputs,
      roles: ["user administrator", "Global Reader"],
      licenses: [{ sku: O365, excludedPlans: ["TEAMS1"] }],
    });
    assert.deepStrictEqual(checked.failures, []);
    assert.strictEqual((await runtime.diff(T, made.id, made.outs, checked.inputs)).changes, true);
    const seq = await f.lastSeq();
    const updated = await runtime.update(T, made.id, made.outs, checked.inputs);
    assert.deepStrictEqual(
      (await callsByRoute(f, seq)).filter((r) => r.includes("licenseupdates")),
      ["POST /v1/customers/{id}/users/{id}/licenseupdates x1"],
    );
    assert.deepStrictEqual((await rolesOf(userId)).sort(), [
      "Global Reader",
      "Helpdesk Administrator",
      "User Administrator",
    ]);
    const licenses = await licensesOf(userId);
    assert.deepStrictEqual(
      licenses.map((l) => l.productSku.skuPartNumber),
      [O365],
    );
    const teams = licenses[0].servicePlans.find((p) => p.serviceName === "TEAMS1");
    assert.ok(!teams || !/^(assigned|enabled)$/i.test(teams.capabilityStatus), JSON.stringify(licenses[0]));
    assert.deepStrictEqual(updated.outs.roles, ["user administrator", "Global Reader"]);

    const same = await runtime.check(T, updated.outs, { ...checked.inputs, displayName: "Renamed" });
    const seq2 = await f.lastSeq();
    await runtime.update(T, made.id, updated.outs, same.inputs);
    assert.deepStrictEqual(
      (await callsByRoute(f, seq2)).filter((r) => /directoryroles|licenses/.test(r)),
      [],
      "unchanged roles and licenses cost no call",
    );
  });

  it("adopting a user that already holds a listed role and license takes them over without writing them again", async () => {
    const user = await rawUser(f, "adoptee");
    await f.raw(
      "POST",
      `/v1/customers/${f.customer.id}/directoryroles/${await roleId("Directory Readers")}/usermembers`,
      {
        id: user.id,
        displayName: "adoptee",
        userPrincipalName: user.upn,
      },
    );
    await f.raw("POST", `/v1/customers/${f.customer.id}/users/${user.id}/licenseupdates`, {
      licensesToAssign: [{ skuId: "f245ecc8-75af-4f8e-b61f-27d8114de5f3", excludedPlans: [] }],
    });
    const seq = await f.lastSeq();
    const { outs } = await provision(T, {
      customerId: f.customer.id,
      userPrincipalName: user.upn,
      displayName: "adoptee",
      adopt: true,
      roles: ["Directory Readers"],
      licenses: [{ sku: O365 }],
    });
    assert.strictEqual(outs.userId, user.id);
    assert.deepStrictEqual(
      (await callsByRoute(f, seq)).filter((r) => /usermembers|licenseupdates/.test(r)),
      [],
    );
  });

  it("an unknown role or SKU at create names the field and the fix, and the user stays tracked with what landed", async () => {
    await assert.rejects(
      provision(T, base({ roles: ["Directory Readers"], licenses: [{ sku: "NO_SUCH_SKU" }] })),
      (e: Error & { id?: string; properties?: Bag }) => {
        assert.match(
          e.message,
          /skuPartNumber "NO_SUCH_SKU" is not a subscribed SKU.*Fix: use one of .*O365_BUSINESS_PREMIUM/,
        );
        assert.match(e.message, /the user exists and is tracked/i);
        assert.match(String(e.id), new RegExp(`^${f.customer.id}/`));
        assert.deepStrictEqual(e.properties?.roles, ["Directory Readers"]);
        assert.strictEqual(e.properties?.licenses, undefined);
        assert.ok(typeof e.properties?.initialPassword === "string", "the generated password is kept");
        return true;
      },
    );
    await assert.rejects(
      provision(T, base({ roles: ["Director of Readers"] })),
      /roles "Director of Readers" is not a directory role.*Fix: use one of .*"Directory Readers"/,
    );
  });

  it("check: roles and licenses must be lists, naming the field and the fix", async () => {
    const checked = await runtime.check(
      T,
      {},
      base({ roles: "Directory Readers", licenses: [{ sku: O365, plans: [] }] }),
    );
    const text = JSON.stringify(checked.failures);
    assert.match(text, /roles/);
    assert.match(text, /must be a list/);
    assert.match(text, /licenses/);
  });
});
