// The chaos suite's own checks can fail: on made-up emulator states they find missing and undeclared objects,
// objects state does not know, duplicates and soft-deleted leftovers; and schedules depend only on their seed.
import assert from "assert";
import {
  declareFleet,
  differences,
  fleetObjects,
  resourceCount,
  untrackedOrDuplicated,
  type EmulatorState,
} from "./fleet";
import { INGREDIENTS, scheduleFor } from "./schedules";

const C = "11111111-1111-4111-8111-111111111111";
const ROLE = "fe930be7-5e62-47db-91af-98c3a49a38b1";
const SKU = "f245ecc8-75af-4f8e-b61f-27d8114de5f3";

function stateWith(
  users: Array<{ id: string; upn: string; name: string; state?: string; role?: boolean; license?: boolean }>,
  policies = 1,
): EmulatorState {
  return {
    partners: [
      {
        customers: [
          {
            id: C,
            users: users.map((u) => ({
              id: u.id,
              userPrincipalName: u.upn,
              displayName: u.name,
              state: u.state ?? "active",
            })),
            roles: [{ id: ROLE, name: "User Administrator", memberIds: users.filter((u) => u.role).map((u) => u.id) }],
            licenses: users.filter((u) => u.license).map((u) => ({ userId: u.id, skuId: SKU })),
            skus: [{ id: SKU, skuPartNumber: "O365_BUSINESS_PREMIUM" }],
          },
        ],
      },
    ],
    selfServePolicies: Array.from({ length: policies }, (_, i) => ({
      id: `p${i}_${C}`,
      entityTenantId: C,
      permissions: [{ resource: "AzureReservedInstances", action: "Purchase" }],
    })),
  };
}

describe("chaos: the fleet checks and the schedules", () => {
  const fleet = declareFleet([{ id: C, domain: "x.example" }], 1).map((u) => ({
    ...u,
    role: "User Administrator",
    sku: "O365_BUSINESS_PREMIUM",
  }));
  const u = {
    id: "aaaaaaaa-0000-4000-8000-000000000001",
    upn: "chaos-00@x.example",
    name: fleet[0].displayName,
    role: true,
    license: true,
  };
  const checkpointFor = (ids: string[]) => ({ text: "", resources: ids.map((id) => ({ urn: id, type: "t", id })) });
  const allIds = [`${C}/${u.id}`, `${C}/${u.id}/${ROLE}`, `${C}/${u.id}/${SKU}`, `p0_${C}`];

  it("an exact match has no differences and nothing untracked", () => {
    const objects = fleetObjects(stateWith([u]), [C]);
    assert.deepStrictEqual(differences(fleet, objects), []);
    assert.deepStrictEqual(untrackedOrDuplicated(objects, checkpointFor(allIds)), []);
  });

  it("finds a missing role, an undeclared license, an object state does not know, duplicates and leftovers", () => {
    const extra = {
      id: "aaaaaaaa-0000-4000-8000-000000000002",
      upn: "chaos-01@x.example",
      name: "Stray",
      license: true,
    };
    const objects = fleetObjects(
      stateWith(
        [{ ...u, role: false }, extra, { ...u, id: "aaaaaaaa-0000-4000-8000-000000000003", state: "inactive" }],
        2,
      ),
      [C],
    );
    const diff = differences(fleet, objects);
    assert.ok(
      diff.some((d) => d.startsWith("missing roleMembers")),
      diff.join("\n"),
    );
    assert.ok(
      diff.some((d) => d.startsWith("not declared licenses") && d.includes("chaos-01")),
      diff.join("\n"),
    );
    const problems = untrackedOrDuplicated(objects, checkpointFor([...allIds, allIds[0]]));
    assert.ok(
      problems.some((p) => p.includes("unknown to state: users") && p.includes("chaos-01")),
      problems.join("\n"),
    );
    assert.ok(
      problems.some((p) => p.includes("soft-deleted duplicate")),
      problems.join("\n"),
    );
    assert.ok(
      problems.some((p) => p.includes("two self-serve policies")),
      problems.join("\n"),
    );
    assert.ok(
      problems.some((p) => p.includes("two resources in state")),
      problems.join("\n"),
    );
  });

  it("the default fleet of three customers is 99 resources", () => {
    const three = declareFleet([1, 2, 3].map((i) => ({ id: `${i}`.repeat(8), domain: `c${i}.example` })));
    assert.strictEqual(resourceCount(three), 99);
  });

  it("a schedule is a function of its seed, and forced ingredients are always present", () => {
    assert.deepStrictEqual(scheduleFor(1234), scheduleFor(1234));
    assert.notDeepStrictEqual(scheduleFor(1234), scheduleFor(1235));
    assert.deepStrictEqual(scheduleFor(7, [...INGREDIENTS]).ingredients, INGREDIENTS);
  });
});
