// Moves a stack's state from the tenant spec's `userResources: perAssignment` to `perUser` without touching Partner
// Center: each UserRoleAssignment and UserLicenseAssignment of a CustomerUser in the same stack becomes an entry of
// that user's `roles` / `licenses` (inputs and outputs, in the form the perUser spec writes them), and the assignment
// resources leave the state. `pulumi stack export` gives the deployment this works on; `pulumi stack import` takes
// the result back.
// Choice: every CustomerUser gets `roles` and `licenses` (empty when it holds no assignment), as the perUser spec
// declares them for every user, so the next preview shows no change; lists it already has are kept and added to.
// Choice: an assignment whose user is not a CustomerUser of this stack (or whose customerId or userId is a secret)
// is left as it is and reported; so is the whole deployment refused while it has pending operations.
import { parseUrn } from "../report/resources";

type Props = Record<string, unknown>;

/** The parts of a `pulumi stack export` (version 3) deployment this reads and writes; the rest is kept as it is. */
export interface StateResource {
  urn: string;
  type?: string;
  inputs?: Props;
  outputs?: Props;
  parent?: string;
  dependencies?: string[];
  propertyDependencies?: Record<string, string[]>;
  deletedWith?: string;
  [other: string]: unknown;
}
export interface ExportedState {
  version: number;
  deployment: { resources?: StateResource[]; pending_operations?: unknown[]; [other: string]: unknown };
}

export interface FoldResult {
  state: ExportedState;
  users: number;
  roles: number;
  licenses: number;
  /** URNs of assignments left in the state, each with the reason */
  leftAlone: Array<{ urn: string; reason: string }>;
}

export class StateFoldError extends Error {}

const USER = "CustomerUser";
const ROLE = "UserRoleAssignment";
const LICENSE = "UserLicenseAssignment";

const typeOf = (r: StateResource) => {
  const { fullType, type } = parseUrn(r.urn);
  return fullType.startsWith("pulumi-nodejs:dynamic/partnercenter:") ? type : undefined;
};
const plain = (v: unknown): string | undefined => (typeof v === "string" ? v.toLowerCase() : undefined);
const userKey = (customerId: unknown, userId: unknown) => {
  const c = plain(customerId);
  const u = plain(userId);
  return c && u ? `${c}/${u}` : undefined;
};

interface Access {
  roles: string[];
  licenses: Array<{ sku: string; excludedPlans: unknown[] }>;
}

function entryOf(r: StateResource, kind: string): { role?: string; license?: Access["licenses"][number] } {
  const i = r.inputs ?? {};
  if (kind === ROLE) {
    const role = i.roleName ?? i.roleId;
    return typeof role === "string" ? { role } : {};
  }
  const sku = i.skuPartNumber ?? i.skuId;
  const excludedPlans = Array.isArray(i.excludedPlans) ? i.excludedPlans : [];
  return typeof sku === "string" ? { license: { sku, excludedPlans } } : {};
}

/** Adds `extra` to the list held at `props[key]`, skipping entries already there (by `same`). */
function extend<T>(props: Props | undefined, key: string, extra: T[], same: (a: T, b: T) => boolean): Props {
  const held = Array.isArray(props?.[key]) ? (props[key] as T[]) : [];
  return { ...props, [key]: [...held, ...extra.filter((e) => !held.some((h) => same(h, e)))] };
}
const sameRole = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();
const sameLicense = (a: { sku: string }, b: { sku: string }) => a.sku.toLowerCase() === b.sku.toLowerCase();

export function foldUserResources(exported: ExportedState): FoldResult {
  if (exported.version !== 3)
    throw new StateFoldError(
      `the exported state is version ${exported.version}, this command reads version 3. Fix: use a Pulumi CLI of 3.x`,
    );
  const pending = exported.deployment.pending_operations ?? [];
  if (pending.length > 0)
    throw new StateFoldError(
      `the stack has ${pending.length} pending operation(s) from an interrupted update. Fix: run \`pulumi refresh\` (it asks what to do with them) or finish the update with \`pulumi up\`, then run this again`,
    );
  const resources = exported.deployment.resources ?? [];

  const users = new Map<string, StateResource>();
  for (const r of resources)
    if (typeOf(r) === USER) {
      const key = userKey(r.outputs?.customerId ?? r.inputs?.customerId, r.outputs?.userId);
      if (key) users.set(key, r);
    }

  const access = new Map<StateResource, Access>();
  for (const u of users.values()) access.set(u, { roles: [], licenses: [] });
  const folded = new Set<string>();
  const leftAlone: FoldResult["leftAlone"] = [];
  for (const r of resources) {
    const kind = typeOf(r);
    if (kind !== ROLE && kind !== LICENSE) continue;
    const key = userKey(r.inputs?.customerId, r.inputs?.userId);
    const user = key ? users.get(key) : undefined;
    const entry = entryOf(r, kind);
    if (!key) leftAlone.push({ urn: r.urn, reason: "its customerId or userId is not plain text in the state" });
    else if (!user) leftAlone.push({ urn: r.urn, reason: "its user is not a CustomerUser of this stack" });
    else if (!entry.role && !entry.license)
      leftAlone.push({ urn: r.urn, reason: "its role or SKU is not plain text in the state" });
    else {
      if (entry.role) access.get(user)!.roles.push(entry.role);
      if (entry.license) access.get(user)!.licenses.push(entry.license);
      folded.add(r.urn);
    }
  }
  const parented = resources.find((r) => r.parent && folded.has(r.parent));
  if (parented)
    throw new StateFoldError(
      `${parented.urn} has an assignment as its parent (${parented.parent}). Fix: give it another parent in your program and run \`pulumi up\` first`,
    );

  const keep = (urns: string[] | undefined) => urns?.filter((u) => !folded.has(u));
  const out: StateResource[] = [];
  let roles = 0;
  let licenses = 0;
  for (const r of resources) {
    if (folded.has(r.urn)) continue;
    let next: StateResource = { ...r };
    if (r.dependencies) next.dependencies = keep(r.dependencies);
    if (r.propertyDependencies)
      next.propertyDependencies = Object.fromEntries(
        Object.entries(r.propertyDependencies).map(([k, urns]) => [k, keep(urns) ?? []]),
      );
    if (r.deletedWith && folded.has(r.deletedWith)) delete next.deletedWith;
    const a = access.get(r);
    if (a) {
      roles += a.roles.length;
      licenses += a.licenses.length;
      const add = (props: Props | undefined) =>
        extend(extend(props, "roles", a.roles, sameRole), "licenses", a.licenses, sameLicense);
      next = { ...next, inputs: add(r.inputs), outputs: add(r.outputs) };
    }
    out.push(next);
  }
  return {
    state: { ...exported, deployment: { ...exported.deployment, resources: out } },
    users: users.size,
    roles,
    licenses,
    leftAlone,
  };
}
