// A create that fails under the real engine (emulator fault rules) must leave no object in Partner Center that
// the stack's state does not know about: either nothing was made, or the resource is in state and the next
// `up` converges without a conflict or a duplicate; destroy then returns the emulator to where it was.
// Covered: CustomerUser (a new object), UserRoleAssignment (a membership) and SubscriptionNickname (a change
// to an existing object, whose original value must not be lost). The user's password is given as a plain
// string: it must reach neither the failure message nor the checkpoint (inputs included) as plaintext.
import { strict as assert } from "assert";
import * as path from "path";
import type { Stack } from "@pulumi/pulumi/automation";
import { emulatorOk } from "../../scripts/emulator-http";
import { CustomerUser } from "../../provider/resources/customer-user";
import { SubscriptionNickname } from "../../provider/resources/subscription-nickname";
import { UserRoleAssignment } from "../../provider/resources/user-role-assignment";
import {
  engineErrorSummary,
  EventLog,
  plaintextOf,
  readCheckpoint,
  repoRoot,
  type Checkpoint,
  type DirectoryView,
} from "./harness";
import { useStackFixture, type SeedCustomer } from "./stack-fixture";

const PROJECT = "quickstart"; // any project folder inside the repo: the provider plugin resolves the package from there
const projectDir = path.join(repoRoot, "examples", "quickstart");
const USERS_POST = "^/v1/customers/[^/]+/users$";
const MEMBERS_POST = "^/v1/customers/[^/]+/directoryroles/[^/]+/usermembers$";
const SUBSCRIPTION_PATCH = "^/v1/customers/[^/]+/subscriptions/[^/]+$";
const NICKNAME = "Set by a flaky create";
const PLAIN_PASSWORD = "Plain!Passw0rd#e2e";

/** One kind of object: how a program makes it, where the emulator's state shows it, how state names it. */
interface Kind {
  program(c: SeedCustomer): () => Promise<Record<string, unknown>>;
  /** The objects of this kind in the emulator (entries of one DirectoryView list). */
  objects(v: DirectoryView): string[];
  /** The same entries as the stack's checkpoint knows them. */
  known(cp: Checkpoint): string[];
}

const outputsOf = (cp: Checkpoint, type: string) =>
  cp.resources.filter((r) => r.type.endsWith(`:${type}`)).map((r) => (r.outputs ?? {}) as Record<string, string>);

const userKind: Kind = {
  program: (c) => async () => {
    const user = new CustomerUser("faulty", {
      customerId: c.id,
      userPrincipalName: `faulty.create@${c.domain}`,
      displayName: "Faulty Create",
      password: PLAIN_PASSWORD,
    });
    return { userId: user.userId };
  },
  objects: (v) => v.activeUsers,
  known: (cp) =>
    outputsOf(cp, "CustomerUser").map(
      (o) => `${o.customerId}/${String(o.userPrincipalName).toLowerCase()}/${o.displayName}`,
    ),
};

const roleKind: Kind = {
  program: (c) => async () => {
    const user = new CustomerUser("member", {
      customerId: c.id,
      userPrincipalName: `role.member@${c.domain}`,
      displayName: "Role Member",
    });
    const role = new UserRoleAssignment("member-role", {
      customerId: c.id,
      userId: user.userId,
      roleName: "Helpdesk Administrator",
    });
    return { roleId: role.roleId };
  },
  objects: (v) => v.roleMembers,
  known: (cp) => outputsOf(cp, "UserRoleAssignment").map((o) => `${o.customerId}/${o.roleName}/${o.userId}`),
};

const nicknameKind: Kind = {
  program: (c) => async () => {
    const nick = new SubscriptionNickname("nickname", {
      customerId: c.id,
      subscriptionId: c.subscriptions[0].id,
      nickname: NICKNAME,
    });
    return { original: nick.originalNickname };
  },
  objects: (v) => v.nicknames,
  known: (cp) => outputsOf(cp, "SubscriptionNickname").map((o) => `${o.customerId}/${o.subscriptionId}/${o.nickname}`),
};

describe("e2e: a create that fails leaves nothing unknown to state", function () {
  this.timeout(240_000);
  const e2e = useStackFixture();
  const { partner, view } = e2e;
  const customer = () => partner().customers[2];
  const withoutDeleted = (v: DirectoryView) => ({ ...v, deletedUsers: [] });

  async function stackNamed(name: string, kind: Kind): Promise<Stack> {
    return e2e.openStack(
      projectDir,
      name,
      { customerId: customer().id, domain: customer().domain },
      kind.program(customer()),
    );
  }

  afterEach(async () => {
    await emulatorOk(e2e.emu, "DELETE", "/_emulator/faults");
  });

  for (const scenario of [
    {
      name: "CustomerUser rejected before anything is made (400)",
      stack: "user-rejected",
      kind: userKind,
      mustFail: true,
      rule: { method: "POST", path: USERS_POST, status: 400, code: "2000", description: "injected", times: 1 },
    },
    {
      name: "CustomerUser made, then the answer lost (500 after commit, every time)",
      stack: "user-lost-answer",
      kind: userKind,
      mustFail: false,
      rule: { method: "POST", path: USERS_POST, applyThenFail: true, status: 500, times: 20 },
    },
    {
      name: "UserRoleAssignment added, then the answer lost (503 after commit, every time)",
      stack: "role-lost-answer",
      kind: roleKind,
      mustFail: false,
      rule: { method: "POST", path: MEMBERS_POST, applyThenFail: true, status: 503, times: 20 },
    },
    {
      name: "SubscriptionNickname changed, then the answer lost (500 after commit, every time)",
      stack: "nickname-lost-answer",
      kind: nicknameKind,
      mustFail: false,
      rule: { method: "PATCH", path: SUBSCRIPTION_PATCH, applyThenFail: true, status: 500, times: 20 },
    },
  ]) {
    it(`${scenario.name}: state knows every new object, the next up converges, destroy cleans up`, async () => {
      const stack = await stackNamed(scenario.stack, scenario.kind);
      const baseline = await view();
      const before = scenario.kind.objects(baseline);
      await emulatorOk(e2e.emu, "POST", "/_emulator/faults", { body: scenario.rule });

      // A lost answer may end either way (the provider may recover the object by its natural key); what matters is state.
      const outcome = await stack.up().then(
        () => "succeeded",
        (e: unknown) => `failed: ${engineErrorSummary(e)}`,
      );
      if (scenario.mustFail) assert.match(outcome, /^failed/);
      assert.ok(!outcome.includes(PLAIN_PASSWORD), "the failure message holds no password");
      const made = scenario.kind.objects(await view()).filter((o) => !before.includes(o));
      const known = scenario.kind.known(readCheckpoint(e2e.env, PROJECT, scenario.stack));
      assert.deepEqual(
        made.filter((o) => !known.includes(o)),
        [],
        `no object exists that state does not know (up ${outcome})`,
      );
      if (scenario.mustFail) assert.deepEqual(made, [], "a rejected create makes nothing");

      await emulatorOk(e2e.emu, "DELETE", "/_emulator/faults");
      const retry = new EventLog();
      try {
        await stack.up({ onEvent: retry.onEvent });
      } catch (e) {
        assert.fail(`the next up must converge: ${engineErrorSummary(e)}`);
      }
      const after = scenario.kind.objects(await view()).filter((o) => !before.includes(o));
      assert.equal(after.length, 1, `exactly one new object, not a duplicate: ${after.join(", ")}`);
      assert.ok(
        !readCheckpoint(e2e.env, PROJECT, scenario.stack).text.includes(PLAIN_PASSWORD),
        "no plaintext password in the checkpoint",
      );
      await stack.destroy();
      assert.deepEqual(
        withoutDeleted(await view()),
        withoutDeleted(baseline),
        "destroy returns the emulator to where it was (users only soft-deleted)",
      );
    });
  }

  it("CustomerUser with inline roles, the role rejected after the user exists: the user and its generated password stay in state, encrypted", async () => {
    const c = customer();
    const stack = await e2e.openStack(
      projectDir,
      "inline-role-rejected",
      { customerId: c.id, domain: c.domain },
      async () => {
        const user = new CustomerUser("inline", {
          customerId: c.id,
          userPrincipalName: `inline.roles@${c.domain}`,
          displayName: "Inline Roles",
          roles: ["Helpdesk Administrator"],
        });
        return { userId: user.userId };
      },
    );
    const before = (await view()).roleMembers;
    await emulatorOk(e2e.emu, "POST", "/_emulator/faults", {
      body: { method: "POST", path: MEMBERS_POST, status: 400, code: "2000", description: "injected", times: 1 },
    });
    const outcome = await stack.up().then(
      () => "succeeded",
      (e: unknown) => `failed: ${engineErrorSummary(e)}`,
    );
    assert.match(outcome, /^failed: [\s\S]*CustomerUser inline \*\*creating failed\*\*/);
    const passwordOf = async () => {
      const resources = (await stack.exportStack()).deployment.resources as Array<{
        type: string;
        outputs?: Record<string, unknown>;
      }>;
      const user = resources.find((r) => r.type.endsWith(":CustomerUser"));
      return { user, password: plaintextOf(user?.outputs?.initialPassword) };
    };
    const partial = await passwordOf();
    assert.equal(typeof partial.password, "string", "the partial state holds the generated password");
    assert.deepEqual(plaintextOf(partial.user?.outputs?.roles), [], "no role landed");
    const checkpoint = readCheckpoint(e2e.env, PROJECT, "inline-role-rejected");
    assert.ok(
      !checkpoint.text.includes(partial.password as string),
      "the generated password is not plaintext in state",
    );
    assert.ok(!outcome.includes(partial.password as string), "the failure message holds no password");

    await emulatorOk(e2e.emu, "DELETE", "/_emulator/faults");
    await stack.up();
    const done = await passwordOf();
    assert.equal(done.password, partial.password, "the next up keeps the password the user was made with");
    assert.deepEqual(done.user?.outputs?.roles, ["Helpdesk Administrator"]);
    assert.equal(
      (await view()).roleMembers.filter((m) => !before.includes(m)).length,
      1,
      "one membership, no duplicate",
    );
    await stack.destroy();
  });
});
