import assert from "node:assert/strict";
import { provision, refresh, runtime, startFixture, type Bag, type Fixture } from "./fixture";

const T = "DelegatedAdminAccessAssignment";
const HELPDESK = "729827e3-9c14-49f7-bb1b-9608f156bbb8";
const USER_ADMIN = "fe930be7-5e62-47db-91af-98c3a49a38b1";

describe("resources/DelegatedAdminAccessAssignment (against the emulator)", () => {
  let f: Fixture;
  let n = 0;
  const saved = { ...process.env };
  const relationship = async (approveNow = true) => {
    const { id } = await provision("DelegatedAdminRelationship", {
      customerId: f.customer.id,
      displayName: `asg-test-${++n}`,
      duration: "P365D",
      roles: ["Helpdesk Administrator", "User Administrator"],
    });
    if (approveNow) await f.api.post(`/_emulator/gdap/relationships/${id}/approve`, {});
    return id;
  };

  before(async () => {
    f = await startFixture();
    process.env.PARTNERCENTER_GDAP_POLL_SECONDS = "0.2";
    process.env.PARTNERCENTER_GDAP_WAIT_SECONDS = "5";
  });
  after(async () => {
    process.env.PARTNERCENTER_GDAP_POLL_SECONDS = saved.PARTNERCENTER_GDAP_POLL_SECONDS;
    process.env.PARTNERCENTER_GDAP_WAIT_SECONDS = saved.PARTNERCENTER_GDAP_WAIT_SECONDS;
    if (saved.PARTNERCENTER_GDAP_POLL_SECONDS === undefined) delete process.env.PARTNERCENTER_GDAP_POLL_SECONDS;
    if (saved.PARTNERCENTER_GDAP_WAIT_SECONDS === undefined) delete process.env.PARTNERCENTER_GDAP_WAIT_SECONDS;
    await f.close();
  });

  it("waits for the customer's approval with progress, then assigns the group named, and reads back", async () => {
    const relationshipId = await relationship(false);
    f.warnings.length = 0;
    const approval = new Promise<void>((resolve) =>
      setTimeout(
        () => void f.api.post(`/_emulator/gdap/relationships/${relationshipId}/approve`, {}).then(() => resolve()),
        700,
      ),
    );
    const { id, outs, inputs } = await provision(T, {
      relationshipId,
      securityGroupName: "Helpdesk Agents",
      roles: ["Helpdesk Administrator"],
    });
    await approval;
    assert.ok(
      f.warnings.some((w) =>
        /waiting for relationship .* approvalPending: the customer has not approved it yet/.test(w),
      ),
      JSON.stringify(f.warnings),
    );
    assert.equal(outs.status, "active");
    assert.deepEqual(outs.roleDefinitionIds, [HELPDESK]);
    assert.match(String(outs.resolvedSecurityGroupId), /^[0-9a-f-]{36}$/);
    assert.equal(id, `${relationshipId}/${outs.assignmentId}`);
    const { read, diff } = await refresh(T, id, outs, inputs);
    assert.equal(read.id, id);
    assert.equal(diff?.changes, false);
  });

  it("gives up after the bounded wait when the customer never approves, saying what it waited for", async () => {
    process.env.PARTNERCENTER_GDAP_WAIT_SECONDS = "1";
    try {
      const relationshipId = await relationship(false);
      await assert.rejects(
        provision(T, { relationshipId, securityGroupName: "Tier 2 Support", roles: ["Helpdesk Administrator"] }),
        /gave up after \d+ s waiting for relationship .* to be approved and active.*PARTNERCENTER_GDAP_WAIT_SECONDS/s,
      );
    } finally {
      process.env.PARTNERCENTER_GDAP_WAIT_SECONDS = "5";
    }
  });

  it("refuses roles outside the relationship and unknown groups with the fix", async () => {
    const relationshipId = await relationship();
    await assert.rejects(
      provision(T, { relationshipId, securityGroupName: "Tier 2 Support", roles: ["License Administrator"] }),
      /License Administrator are not in the relationship \(it grants .*Helpdesk Administrator/,
    );
    await assert.rejects(
      provision(T, { relationshipId, securityGroupName: "No Such Group", roles: ["Helpdesk Administrator"] }),
      /no security group of the partner tenant is named "No Such Group"/,
    );
    const check = await runtime.check(T, {}, { relationshipId, roles: ["Helpdesk Administrator"] });
    assert.match(JSON.stringify(check.failures), /securityGroupId.*securityGroupName/);
  });

  it("a second assignment of the same group needs adopt; roles update in place; delete removes it", async () => {
    const relationshipId = await relationship();
    const first = await provision(T, {
      relationshipId,
      securityGroupName: "Sales Agents",
      roles: ["Helpdesk Administrator"],
    });
    await assert.rejects(
      provision(T, { relationshipId, securityGroupName: "Sales Agents", roles: ["Helpdesk Administrator"] }),
      /already has an assignment in this relationship.*set adopt: true/s,
    );
    const adopted = await provision(T, {
      relationshipId,
      securityGroupName: "Sales Agents",
      roles: ["Helpdesk Administrator"],
      adopt: true,
    });
    assert.equal(adopted.id, first.id);
    const news: Bag = { ...first.inputs, roles: ["Helpdesk Administrator", USER_ADMIN] };
    assert.deepEqual(await runtime.diff(T, first.id, first.outs, news), { changes: true, replaces: [] });
    const updated = await runtime.update(T, first.id, first.outs, news);
    assert.deepEqual(updated.outs.roleDefinitionIds, [HELPDESK, USER_ADMIN].sort());
    await runtime.delete(T, first.id, updated.outs);
    assert.equal((await refresh(T, first.id, updated.outs, news)).read.id, "");
  });

  it("reads as gone once its relationship is terminated", async () => {
    const relationshipId = await relationship();
    const { id, outs, inputs } = await provision(T, {
      relationshipId,
      securityGroupName: "Security Operations",
      roles: ["User Administrator"],
    });
    await f.api.post(`/_emulator/gdap/relationships/${relationshipId}/customerTerminate`, {});
    assert.equal((await refresh(T, id, outs, inputs)).read.id, "");
  });
});
