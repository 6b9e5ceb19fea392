// The chaos suite's declared fleet: per customer of the default partner, 11 users each with one directory role,
// 10 of them with a license, and one self-serve policy (33 + 33 + 30 + 3 = 99 resources, 100 with the stack);
// the inline Pulumi program that declares it, and the checks that the emulator holds exactly that.
// Choice: users are named chaos-NN@<customer domain>; the seed's free seats bound the licenses (9
// O365_BUSINESS_PREMIUM and 1 POWER_BI_PRO per customer; group2 SKUs such as MINECRAFT_EDU are not listed
// by default), so the eleventh user of each customer has a role only.
import { CustomerUser } from "../../provider/resources/customer-user";
import { SelfServePolicy } from "../../provider/resources/self-serve-policy";
import { UserLicenseAssignment } from "../../provider/resources/user-license-assignment";
import { UserRoleAssignment } from "../../provider/resources/user-role-assignment";
import type { Checkpoint } from "../e2e/harness";

export const USER_PREFIX = "chaos-";
const ROLES = [
  "User Administrator",
  "Helpdesk Administrator",
  "Billing Administrator",
  "License Administrator",
  "Directory Readers",
  "Global Reader",
];

export interface DeclaredUser {
  customerId: string;
  upn: string;
  displayName: string;
  role: string;
  sku?: string;
  name: string;
}
export const POLICY_PERMISSION = { resource: "AzureReservedInstances", action: "Purchase" } as const;

export interface SeedCustomer {
  id: string;
  domain: string;
}

/** The fleet for these customers: `usersPerCustomer` users each, deterministic names, roles and SKUs. */
export function declareFleet(customers: SeedCustomer[], usersPerCustomer = 11): DeclaredUser[] {
  const out: DeclaredUser[] = [];
  customers.forEach((c, ci) => {
    for (let i = 0; i < usersPerCustomer; i++) {
      const alias = `${USER_PREFIX}${String(i).padStart(2, "0")}`;
      out.push({
        customerId: c.id,
        upn: `${alias}@${c.domain}`.toLowerCase(),
        displayName: `Chaos ${ci}-${i}`,
        role: ROLES[(ci + i) % ROLES.length],
        sku: i < 9 ? "O365_BUSINESS_PREMIUM" : i === 9 ? "POWER_BI_PRO" : undefined,
        name: `c${ci}-${alias}`,
      });
    }
  });
  return out;
}

/** How many resources the fleet declares. */
export function resourceCount(fleet: DeclaredUser[]): number {
  return fleet.length * 2 + fleet.filter((u) => u.sku).length + new Set(fleet.map((u) => u.customerId)).size;
}

/** The inline program declaring the fleet. */
export function fleetProgram(fleet: DeclaredUser[]): () => Promise<Record<string, unknown>> {
  return async () => {
    for (const customerId of new Set(fleet.map((u) => u.customerId))) {
      new SelfServePolicy(`policy-${customerId.slice(0, 8)}`, { customerId, permissions: [{ ...POLICY_PERMISSION }] });
    }
    for (const u of fleet) {
      const user = new CustomerUser(u.name, {
        customerId: u.customerId,
        userPrincipalName: u.upn,
        displayName: u.displayName,
        usageLocation: "US",
      });
      new UserRoleAssignment(`${u.name}-role`, { customerId: u.customerId, userId: user.userId, roleName: u.role });
      if (u.sku)
        new UserLicenseAssignment(`${u.name}-license`, {
          customerId: u.customerId,
          userId: user.userId,
          skuPartNumber: u.sku,
        });
    }
    return { users: fleet.length };
  };
}

interface StateUser {
  id: string;
  userPrincipalName: string;
  displayName: string;
  state: string;
}
interface StateCustomer {
  id: string;
  users: StateUser[];
  roles: Array<{ id: string; name: string; memberIds: string[] }>;
  licenses: Array<{ userId: string; skuId: string }>;
  skus: Array<{ id: string; skuPartNumber: string }>;
}
export interface EmulatorState {
  partners: Array<{ customers: StateCustomer[] }>;
  selfServePolicies: Array<{
    id: string;
    entityTenantId: string;
    permissions: Array<{ resource: string; action: string }>;
  }>;
}

/** Everything the fleet owns in the emulator (users named chaos-*), as comparable strings. */
export interface FleetObjects {
  activeUsers: string[]; // customerId/upn/displayName
  deletedUsers: string[]; // customerId/upn (soft-deleted)
  roleMembers: string[]; // customerId/upn/roleName
  licenses: string[]; // customerId/upn/skuPartNumber
  policies: string[]; // customerId/resource:action,...
  ids: {
    users: Map<string, string>;
    roleMembers: Map<string, string>;
    licenses: Map<string, string>;
    policies: Map<string, string>;
  }; // key -> provider id
}

/** The fleet's objects among `customerIds` (users named chaos-*, their roles and licenses, the customers' policies). */
export function fleetObjects(state: EmulatorState, customerIds: string[]): FleetObjects {
  const out: FleetObjects = {
    activeUsers: [],
    deletedUsers: [],
    roleMembers: [],
    licenses: [],
    policies: [],
    ids: { users: new Map(), roleMembers: new Map(), licenses: new Map(), policies: new Map() },
  };
  const wanted = new Set(customerIds.map((c) => c.toLowerCase()));
  for (const sp of state.selfServePolicies) {
    if (!wanted.has(sp.entityTenantId.toLowerCase())) continue;
    const key = `${sp.entityTenantId}/${sp.permissions
      .map((x) => `${x.resource}:${x.action}`)
      .sort()
      .join(",")}`;
    out.policies.push(key);
    out.ids.policies.set(`${key} (${sp.id})`, sp.id.toLowerCase());
  }
  for (const p of state.partners)
    for (const c of p.customers) {
      const ours = new Map(
        c.users.filter((u) => u.userPrincipalName.toLowerCase().startsWith(USER_PREFIX)).map((u) => [u.id, u]),
      );
      for (const u of ours.values()) {
        const upn = u.userPrincipalName.toLowerCase();
        if (u.state === "active") {
          const key = `${c.id}/${upn}/${u.displayName}`;
          out.activeUsers.push(key);
          out.ids.users.set(key, `${c.id}/${u.id}`.toLowerCase());
        } else out.deletedUsers.push(`${c.id}/${upn}`);
      }
      for (const r of c.roles)
        for (const m of r.memberIds) {
          const u = ours.get(m);
          if (!u || u.state !== "active") continue;
          const key = `${c.id}/${u.userPrincipalName.toLowerCase()}/${r.name}`;
          out.roleMembers.push(key);
          out.ids.roleMembers.set(key, `${c.id}/${u.id}/${r.id}`.toLowerCase());
        }
      for (const l of c.licenses) {
        const u = ours.get(l.userId);
        if (!u || u.state !== "active") continue;
        const sku = c.skus.find((s) => s.id === l.skuId)?.skuPartNumber ?? l.skuId;
        const key = `${c.id}/${u.userPrincipalName.toLowerCase()}/${sku}`;
        out.licenses.push(key);
        out.ids.licenses.set(key, `${c.id}/${u.id}/${l.skuId}`.toLowerCase());
      }
    }
  for (const list of [out.activeUsers, out.deletedUsers, out.roleMembers, out.licenses, out.policies]) list.sort();
  return out;
}

function duplicates(list: string[]): string[] {
  const seen = new Set<string>();
  return [...new Set(list.filter((x) => (seen.has(x) ? true : (seen.add(x), false))))];
}

/** Objects of the fleet in the emulator that no resource in state names, and duplicates (always wrong). */
export function untrackedOrDuplicated(objects: FleetObjects, checkpoint: Checkpoint): string[] {
  const ids = new Set(checkpoint.resources.filter((r) => r.id).map((r) => String(r.id).toLowerCase()));
  const problems: string[] = [];
  for (const [kind, map] of Object.entries(objects.ids)) {
    for (const [key, id] of map) if (!ids.has(id)) problems.push(`unknown to state: ${kind} ${key}`);
  }
  const activeUpns = objects.activeUsers.map((u) => u.split("/").slice(0, 2).join("/"));
  for (const d of duplicates(activeUpns)) problems.push(`duplicate active user ${d}`);
  for (const d of duplicates(objects.policies.map((p) => p.split("/")[0])))
    problems.push(`two self-serve policies for customer ${d}`);
  for (const d of objects.deletedUsers)
    problems.push(`soft-deleted duplicate ${d} (a user was made twice, or deleted by the provider)`);
  const stateIds = checkpoint.resources.filter((r) => r.id).map((r) => String(r.id).toLowerCase());
  for (const d of duplicates(stateIds)) problems.push(`two resources in state with id ${d}`);
  return problems;
}

/** Differences between the declared fleet and the emulator (empty when equal). */
export function differences(fleet: DeclaredUser[], objects: FleetObjects): string[] {
  const want = {
    activeUsers: fleet.map((u) => `${u.customerId}/${u.upn}/${u.displayName}`).sort(),
    roleMembers: fleet.map((u) => `${u.customerId}/${u.upn}/${u.role}`).sort(),
    licenses: fleet
      .filter((u) => u.sku)
      .map((u) => `${u.customerId}/${u.upn}/${u.sku}`)
      .sort(),
    policies: [...new Set(fleet.map((u) => u.customerId))]
      .map((c) => `${c}/${POLICY_PERMISSION.resource}:${POLICY_PERMISSION.action}`)
      .sort(),
  };
  const problems: string[] = [];
  for (const kind of ["activeUsers", "roleMembers", "licenses", "policies"] as const) {
    const have = objects[kind];
    for (const w of want[kind]) if (!have.includes(w)) problems.push(`missing ${kind}: ${w}`);
    for (const h of have) if (!want[kind].includes(h)) problems.push(`not declared ${kind}: ${h}`);
  }
  return problems;
}
