import assert from "assert";
import { purgeExpiredUsers, SOFT_DELETE_RETENTION_MS } from "../../../../emulator/handlers/shared/directoryUsers";
import type { CustomerRecord, UserRecord } from "../../../../emulator/store/types";

const user = (id: string, softDeletionTime: string | null): UserRecord => ({
  id,
  userPrincipalName: `${id}@x.example`,
  displayName: id,
  password: "x",
  forceChangePassword: false,
  passwordChangedAt: "",
  userDomainType: "managed",
  state: softDeletionTime ? "inactive" : "active",
  softDeletionTime,
  lastDirectorySyncTime: null,
  createdAt: "",
});

describe("emulator/handlers/shared/directoryUsers", () => {
  it("purges users deleted 30 days ago or more, with their memberships and licenses", () => {
    const deletedAt = Date.parse("2025-01-01T00:00:00Z");
    const customer = {
      users: [
        user("keep", null),
        user("old", new Date(deletedAt).toISOString()),
        user("recent", new Date(deletedAt + 1000).toISOString()),
      ],
      roles: [{ id: "r", name: "R", memberIds: ["keep", "old", "recent"] }],
      licenses: [
        { userId: "old", skuId: "s", excludedPlans: [] },
        { userId: "recent", skuId: "s", excludedPlans: [] },
      ],
    } as unknown as CustomerRecord;
    assert.strictEqual(purgeExpiredUsers(customer, new Date(deletedAt + SOFT_DELETE_RETENTION_MS - 1)), false);
    assert.strictEqual(purgeExpiredUsers(customer, new Date(deletedAt + SOFT_DELETE_RETENTION_MS)), true);
    assert.deepStrictEqual(
      customer.users.map((u) => u.id),
      ["keep", "recent"],
    );
    assert.deepStrictEqual(customer.roles[0].memberIds, ["keep", "recent"]);
    assert.deepStrictEqual(
      customer.licenses.map((l) => l.userId),
      ["recent"],
    );
  });
});
