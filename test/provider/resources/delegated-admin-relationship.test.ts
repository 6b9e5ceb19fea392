import assert from "node:assert/strict";
import { apiClient, bearer, userToken } from "../../emulator/helpers";
import { provision, refresh, runtime, startFixture, type Bag, type Fixture } from "./fixture";

const T = "DelegatedAdminRelationship";
const GA = "62e90394-69f5-4237-9190-012177145e10";
const HELPDESK = "729827e3-9c14-49f7-bb1b-9608f156bbb8";
const RELS = "/v1.0/tenantRelationships/delegatedAdminRelationships";

describe("resources/DelegatedAdminRelationship (against the emulator)", () => {
  let f: Fixture;
  let n = 0;
  const graph = async (method: string, path: string, data?: unknown, headers: Record<string, string> = {}) => {
    const token = await userToken(f.emu, { scope: "https://graph.microsoft.com/.default" });
    return apiClient(f.emu).request({ method, url: path, data, headers: bearer(token, headers) });
  };
  const approve = async (id: string) => {
    const res = await f.api.post(`/_emulator/gdap/relationships/${id}/approve`, {});
    assert.equal(res.status, 200, JSON.stringify(res.data));
  };
  const inputs = (extra: Bag = {}): Bag => ({
    customerId: f.customer.id,
    displayName: `res-test-${++n}`,
    duration: "P730D",
    roles: ["Helpdesk Administrator", "User Administrator"],
    ...extra,
  });

  before(async () => {
    f = await startFixture();
  });
  after(async () => {
    await f.close();
  });

  it("check refuses unknown role names, Global Administrator with autoExtend, long names and durations over P2Y", async () => {
    const { failures } = await runtime.check(
      T,
      {},
      inputs({
        displayName: "x".repeat(51),
        duration: "P3Y",
        roles: ["Helpdesk Admin", "Global Administrator"],
        autoExtend: true,
      }),
    );
    const byProperty = Object.fromEntries(failures.map((x) => [x.property, x.reason]));
    assert.match(byProperty.displayName, /longer than 50/);
    assert.match(byProperty.duration, /not a duration|outside P1D\.\.P2Y/);
    assert.match(byProperty["roles[0]"], /"Helpdesk Admin" is not an Entra role name/);
    assert.match(byProperty.autoExtend, /Global Administrator cannot auto-extend/);
    const ok = await runtime.check(T, {}, inputs({ roles: [HELPDESK, "global reader"] }));
    assert.deepEqual(ok.failures, []);
  });

  it("create locks it for approval and outputs the invitation link and status; refresh shows no drift", async () => {
    const { id, outs, inputs: ins } = await provision(T, inputs());
    assert.equal(outs.status, "approvalPending");
    assert.equal(
      outs.invitationUrl,
      `https://admin.microsoft.com/AdminPortal/Home#/partners/invitation/granularAdminRelationships/${id}`,
    );
    assert.ok(
      f.warnings.some((w) => w.includes(String(outs.invitationUrl))),
      "the link is shown to the user",
    );
    const { read, diff } = await refresh(T, id, outs, ins);
    assert.equal(read.id, id);
    assert.equal(diff?.changes, false);
  });

  it("preview refuses any change while the customer has not approved, naming the status and the fix", async () => {
    const { id, outs } = await provision(T, inputs());
    await assert.rejects(
      runtime.diff(T, id, outs, { ...outs, roles: ["Helpdesk Administrator"] }),
      /was approvalPending when last read.*roles can't change now.*Fix: if the customer has approved since, run `pulumi refresh`.*put back the previous roles/s,
    );
    await assert.rejects(
      runtime.delete(T, id, outs),
      /can neither delete nor terminate it before the customer approves/,
    );
  });

  it("once approved: autoExtend updates in place; a roles change needs a new displayName, and then replaces", async () => {
    const { id, outs, inputs: ins } = await provision(T, inputs());
    await approve(id);
    const fresh = await refresh(T, id, outs, ins);
    assert.equal(fresh.read.props.status, "active");
    assert.ok(fresh.read.props.endDateTime);
    assert.equal(fresh.diff?.changes, false);
    const state = fresh.read.props;
    const extend = await runtime.diff(T, id, state, { ...ins, autoExtend: true });
    assert.deepEqual(extend, { changes: true, replaces: [] });
    const updated = await runtime.update(T, id, state, { ...ins, autoExtend: true });
    assert.equal((await graph("GET", `${RELS}/${id}`)).data.autoExtendDuration, "P180D");
    await assert.rejects(
      runtime.diff(T, id, updated.outs, { ...ins, autoExtend: true, roles: ["Helpdesk Administrator"] }),
      /active: its roles can't change in place.*Fix: give a new displayName/s,
    );
    const renamed = await runtime.diff(T, id, updated.outs, {
      ...ins,
      displayName: "renamed-1",
      roles: ["Helpdesk Administrator"],
    });
    assert.equal(renamed.changes, true);
    assert.deepEqual([...renamed.replaces].sort(), ["displayName", "roles"]);
  });

  it("a role removed behind our back is drift on refresh (not a failure)", async () => {
    const {
      id,
      outs,
      inputs: ins,
    } = await provision(T, inputs({ roles: ["Global Administrator", "User Administrator"] }));
    await approve(id);
    const current = (await graph("GET", `${RELS}/${id}`)).data;
    const patch = await graph(
      "PATCH",
      `${RELS}/${id}`,
      { accessDetails: { unifiedRoles: [{ roleDefinitionId: "fe930be7-5e62-47db-91af-98c3a49a38b1" }] } },
      { "If-Match": current["@odata.etag"] },
    );
    assert.equal(patch.status, 202);
    const { read, diff } = await refresh(T, id, outs, ins);
    assert.deepEqual(read.props.roleDefinitionIds, ["fe930be7-5e62-47db-91af-98c3a49a38b1"]);
    assert.equal(diff?.changes, true);
    assert.ok(!read.props.roleDefinitionIds.includes(GA));
  });

  it("expiry is drift: an expired relationship reads as gone", async () => {
    const { id, outs, inputs: ins } = await provision(T, inputs({ duration: "P30D" }));
    await approve(id);
    assert.equal((await refresh(T, id, outs, ins)).read.id, id);
    await f.api.post("/_emulator/clock", { advanceMs: 31 * 86_400_000 });
    assert.equal((await refresh(T, id, outs, ins)).read.id, "");
  });

  it("delete terminates an active relationship and deletes one never locked", async () => {
    const { id, outs } = await provision(T, inputs());
    await approve(id);
    await runtime.delete(T, id, outs);
    assert.equal((await graph("GET", `${RELS}/${id}`)).data.status, "terminated");
    const draft = (
      await graph("POST", RELS, {
        displayName: `draft-${++n}`,
        duration: "P30D",
        customer: { tenantId: f.customer.id },
        accessDetails: { unifiedRoles: [{ roleDefinitionId: HELPDESK }] },
      })
    ).data;
    const stored = {
      customerId: f.customer.id,
      displayName: draft.displayName,
      duration: "P30D",
      roles: [HELPDESK],
      status: "created",
      invitationUrl: "",
      roleDefinitionIds: [HELPDESK],
    };
    await runtime.delete(T, draft.id, stored);
    assert.equal((await graph("GET", `${RELS}/${draft.id}`)).status, 404);
  });

  it("a taken name is refused with the fix; adopt takes over the existing relationship", async () => {
    const first = await provision(T, inputs());
    const again = inputs({ displayName: first.inputs.displayName });
    await assert.rejects(provision(T, again), /already has a relationship named .*Fix: set adopt: true/);
    const adopted = await provision(T, { ...again, adopt: true });
    assert.equal(adopted.id, first.id);
    assert.equal(adopted.outs.status, "approvalPending");
  });

  it("a read that fails for another reason than not-found throws (no false drift)", async () => {
    const { id, outs, inputs: ins } = await provision(T, inputs());
    await f.faults({ path: "delegatedAdminRelationships/", status: 403, times: 5 });
    await assert.rejects(refresh(T, id, outs, ins), /403/);
    await f.clearFaults();
  });
});
