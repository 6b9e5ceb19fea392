// The quickstart example under the real Pulumi engine while the emulator hides each new user for N reads
// (POST /_emulator/config {"eventualConsistencyReads": N}, docs/contracts.md §1), as Entra does until it has
// replicated a new object: one `up` must create every user, role assignment and license assignment, the
// request log must show the provider meeting (and waiting out) the 404s (of reads, and of the role and license
// writes for a new user), and a refresh right after must find everything where it is.
// Choice: N = 1 and N = 2, each in its own customer (the quickstart's UPNs would otherwise be restored from the
// soft-deleted users of the previous round rather than created).
import { strict as assert } from "assert";
import * as path from "path";
import { emulatorOk } from "../../scripts/emulator-http";
import { EventLog, repoRoot } from "./harness";
import { useStackFixture } from "./stack-fixture";

const exampleDir = path.join(repoRoot, "examples", "quickstart");

interface LoggedRequest {
  seq: number;
  method: string;
  path: string;
  status: number;
}

describe("e2e: quickstart with Entra replication lag (eventual consistency)", function () {
  this.timeout(300_000);
  const e2e = useStackFixture();
  const { partner, view } = e2e;
  const lastSeq = async () => {
    const log = await emulatorOk<LoggedRequest[]>(e2e.emu, "GET", "/_emulator/requests");
    return log.length ? log[log.length - 1].seq : 0;
  };

  for (const [round, hiddenReads] of [1, 2].entries()) {
    it(`one up succeeds while every new user is invisible to its next ${hiddenReads} read(s); refresh finds it all; destroy cleans up`, async () => {
      const customer = partner().customers[round];
      const stack = await e2e.openStack(exampleDir, `ec${hiddenReads}`, {
        customerId: customer.id,
        domain: customer.domain,
      });
      const before = await view();
      await emulatorOk(e2e.emu, "POST", "/_emulator/config", { body: { eventualConsistencyReads: hiddenReads } });
      const seq = await lastSeq();
      try {
        const log = new EventLog();
        const up = await stack.up({ onEvent: log.onEvent });
        assert.deepEqual(log.errors(), []);
        assert.deepEqual(log.ops(), { create: 6 });
        const userIds = up.outputs.userIds.value as Record<string, string>;
        const cid = customer.id;
        const now = await view();
        assert.ok(now.roleMembers.includes(`${cid}/User Administrator/${userIds["olivia.ops"]}`));
        assert.ok(now.roleMembers.includes(`${cid}/Helpdesk Administrator/${userIds["hugo.help"]}`));
        for (const id of Object.values(userIds))
          assert.equal(
            now.licenses.filter((l) => l.startsWith(`${cid}/${id}/`)).length,
            1,
            `user ${id} has one license`,
          );

        // The provider did meet the replication lag: a request for a new user (a GET of it, its license update,
        // or a role-member add, which names it in the body and has only new users here) answered 404 first.
        const requests = await emulatorOk<LoggedRequest[]>(e2e.emu, "GET", `/_emulator/requests?since=${seq}`);
        const hidden = requests.filter(
          (r) =>
            r.status === 404 &&
            ((r.method === "POST" && r.path.endsWith("/usermembers")) ||
              Object.values(userIds).some((id) => r.path.endsWith(`/users/${id}`) || r.path.includes(`/users/${id}/`))),
        );
        assert.ok(
          hidden.length >= 1,
          `at least one 404 for a new user (log: ${requests.map((r) => `${r.method} ${r.path} ${r.status}`).join("; ")})`,
        );
        for (const id of Object.values(userIds)) {
          const statuses = requests
            .filter((r) => r.method === "GET" && r.path.endsWith(`/users/${id}`))
            .map((r) => r.status);
          if (statuses.includes(404))
            assert.equal(
              statuses[statuses.length - 1],
              200,
              `user ${id}: the last GET found it (${statuses.join(", ")})`,
            );
        }

        const refreshLog = new EventLog();
        await stack.refresh({ onEvent: refreshLog.onEvent });
        assert.deepEqual(refreshLog.ops(), { same: 6 }, refreshLog.errors().join("\n"));
        const pv = await stack.preview({ expectNoChanges: true });
        assert.deepEqual(pv.changeSummary, { same: 7 });
      } finally {
        await emulatorOk(e2e.emu, "POST", "/_emulator/config", { body: { eventualConsistencyReads: 0 } });
      }
      const destroyLog = new EventLog();
      await stack.destroy({ onEvent: destroyLog.onEvent });
      assert.deepEqual(destroyLog.ops(), { delete: 6 });
      const after = await view();
      assert.deepEqual(
        { ...after, deletedUsers: [] },
        { ...before, deletedUsers: [] },
        "destroy leaves the directory as it was (users soft-deleted)",
      );
    });
  }
});
