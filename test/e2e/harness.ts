// Shared harness for the end-to-end tests: the real Pulumi CLI and engine (scripts/pulumi-env.ts), a
// temporary file backend per test file, stacks of real Pulumi projects with provider config from a running
// emulator, engine-event counting, and reading the stored checkpoint (not `exportStack()`, which decrypts).
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import type { EngineEvent, Stack } from "@pulumi/pulumi/automation";
import { engineErrorSummary, openProjectStack, pulumiEnv, PulumiEnv, repoRoot } from "../../scripts/pulumi-env";
import { EmulatorEndpoint } from "../../scripts/emulator-http";
import { SECRET_SIG } from "../../provider/cli/report/values";

export { engineErrorSummary, repoRoot };

/** A temporary backend and PULUMI_HOME, removed by `dispose()`. */
export async function tempPulumiEnv(): Promise<PulumiEnv & { dispose(): void }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pc-e2e-"));
  const env = await pulumiEnv({ backendDir: path.join(dir, "backend"), pulumiHome: path.join(dir, "home") });
  return { ...env, dispose: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/** What the seed gives a partner: enough to build the provider config. */
export interface SeedPartnerCredentials {
  tenantId: string;
  user: { clientId: string; clientSecret: string; refreshToken: string };
}

/** Stack config for the provider (`partnercenter:*`): plain endpoints, secret credentials. */
export function providerConfig(
  emu: EmulatorEndpoint,
  partner: SeedPartnerCredentials,
): { config: Record<string, string>; secrets: Record<string, string> } {
  return {
    config: {
      "partnercenter:tenantId": partner.tenantId,
      "partnercenter:clientId": partner.user.clientId,
      "partnercenter:endpoint": emu.url,
      "partnercenter:authorityHost": emu.authorityHost,
      "partnercenter:caCertificate": emu.ca,
      "partnercenter:maxRetries": "2",
    },
    secrets: {
      "partnercenter:clientSecret": partner.user.clientSecret,
      "partnercenter:refreshToken": partner.user.refreshToken,
    },
  };
}

export function stackFor(
  env: PulumiEnv,
  projectDir: string,
  stackName: string,
  cfg: { config?: Record<string, string>; secrets?: Record<string, string> },
  program?: () => Promise<Record<string, unknown> | void>,
): Promise<Stack> {
  return openProjectStack({ env, projectDir, stackName, config: cfg.config, secrets: cfg.secrets, program });
}

/** Collects engine events; `ops()` counts the per-resource outcomes (custom resources only). */
export class EventLog {
  readonly events: EngineEvent[] = [];
  readonly onEvent = (e: EngineEvent): void => {
    this.events.push(e);
  };

  /** op -> count over resOutputsEvent, e.g. {same: 3, update: 1}; refresh --preview-only reports drift only here. */
  ops(filter: (urn: string) => boolean = isManagedResource): Record<string, number> {
    const counts: Record<string, number> = {};
    for (const e of this.events) {
      const m = e.resOutputsEvent?.metadata;
      if (!m || !filter(m.urn)) continue;
      counts[m.op] = (counts[m.op] ?? 0) + 1;
    }
    return counts;
  }

  /** URN -> op, for the resources that got an outcome. */
  opsByUrn(filter: (urn: string) => boolean = isManagedResource): Record<string, string> {
    const out: Record<string, string> = {};
    for (const e of this.events) {
      const m = e.resOutputsEvent?.metadata;
      if (m && filter(m.urn)) out[m.urn] = m.op;
    }
    return out;
  }

  /** Error diagnostics the engine printed (message text). */
  errors(): string[] {
    return this.events.filter((e) => e.diagnosticEvent?.severity === "error").map((e) => e.diagnosticEvent!.message);
  }
}

/** Every resource but the stack itself and providers. */
export function isManagedResource(urn: string): boolean {
  return !urn.includes("::pulumi:pulumi:Stack::") && !urn.includes("::pulumi:providers:");
}

/** The resource type's last segment in a URN, e.g. `CustomerUser` for `pulumi-nodejs:dynamic/partnercenter:CustomerUser`. */
export function typeOfUrn(urn: string): string {
  const type = urn.split("::")[2] ?? "";
  return type.split(":").pop() ?? type;
}

export interface Checkpoint {
  text: string;
  resources: Array<{
    urn: string;
    type: string;
    id?: string;
    inputs?: Record<string, unknown>;
    outputs?: Record<string, unknown>;
  }>;
}

/** The stack's checkpoint exactly as stored by the file backend (secrets stay ciphertext there). */
function checkpointFile(env: PulumiEnv, project: string, stack: string): string {
  const candidates = [
    path.join(env.backendDir, ".pulumi", "stacks", project, `${stack}.json`),
    path.join(env.backendDir, ".pulumi", "stacks", `${stack}.json`),
  ];
  const file = candidates.find((f) => fs.existsSync(f));
  if (!file) throw new Error(`no checkpoint for ${project}/${stack} under ${env.backendDir}`);
  return file;
}

/** Simulates state written by another package version: appends `marker` to every stored `__provider`; returns how many. */
export function markStoredProviders(env: PulumiEnv, project: string, stack: string, marker: string): number {
  const file = checkpointFile(env, project, stack);
  const doc = JSON.parse(fs.readFileSync(file, "utf8")) as {
    checkpoint: { latest: { resources: Array<Record<string, Record<string, unknown> | undefined>> } };
  };
  let edited = 0;
  for (const r of doc.checkpoint.latest.resources) {
    for (const bag of [r.inputs, r.outputs]) {
      if (typeof bag?.__provider === "string") {
        bag.__provider = `${bag.__provider}\n${marker}`;
        edited++;
      }
    }
  }
  fs.writeFileSync(file, JSON.stringify(doc, null, 4));
  return edited;
}

export function readCheckpoint(env: PulumiEnv, project: string, stack: string): Checkpoint {
  const file = checkpointFile(env, project, stack);
  const text = fs.readFileSync(file, "utf8");
  const parsed = JSON.parse(text) as { checkpoint?: { latest?: { resources?: Checkpoint["resources"] } } };
  return { text, resources: parsed.checkpoint?.latest?.resources ?? [] };
}

/** The plaintext of a value from `exportStack()` (which runs --show-secrets: secrets come as {<sig>, plaintext: JSON}). */
export function plaintextOf(value: unknown): unknown {
  if (value && typeof value === "object" && SECRET_SIG in value && "plaintext" in value) {
    return JSON.parse(String((value as { plaintext: unknown }).plaintext));
  }
  return value;
}

/** The plaintext values among `secrets` that occur in `text` (by name, never by value). */
export function leakedSecrets(text: string, secrets: Record<string, string>): string[] {
  return Object.entries(secrets)
    .filter(([, v]) => v.length >= 6 && text.includes(v))
    .map(([k]) => k);
}

interface StateCustomer {
  id: string;
  users: Array<{ id: string; userPrincipalName: string; displayName: string; state: string }>;
  roles: Array<{ id: string; name: string; memberIds: string[] }>;
  licenses: Array<{ userId: string; skuId: string; excludedPlans: string[] }>;
  subscriptions: Array<{ id: string; friendlyName: string }>;
  domains: Array<{ name: string }>;
}
interface StateDump {
  partners: Array<{ tenantId: string; customers: StateCustomer[] }>;
  selfServePolicies: Array<{ id: string; permissions: Array<{ resource: string; action: string }> }>;
}

/** What the resources manage, from GET /_emulator/state, in a form two snapshots can be compared in. */
export interface DirectoryView {
  activeUsers: string[]; // customerId/upn/displayName
  deletedUsers: string[]; // customerId/upn
  roleMembers: string[]; // customerId/roleName/userId
  licenses: string[]; // customerId/userId/skuId/excluded,...
  nicknames: string[]; // customerId/subscriptionId/friendlyName
  domains: string[]; // customerId/domain
  policies: string[]; // id/resource:action,...
}

export function directoryView(dump: unknown): DirectoryView {
  const state = dump as StateDump;
  const view: DirectoryView = {
    activeUsers: [],
    deletedUsers: [],
    roleMembers: [],
    licenses: [],
    nicknames: [],
    domains: [],
    policies: [],
  };
  for (const p of state.partners) {
    for (const c of p.customers) {
      for (const u of c.users) {
        if (u.state === "active")
          view.activeUsers.push(`${c.id}/${u.userPrincipalName.toLowerCase()}/${u.displayName}`);
        else view.deletedUsers.push(`${c.id}/${u.userPrincipalName.toLowerCase()}`);
      }
      for (const r of c.roles) for (const m of r.memberIds) view.roleMembers.push(`${c.id}/${r.name}/${m}`);
      for (const l of c.licenses)
        view.licenses.push(`${c.id}/${l.userId}/${l.skuId}/${[...l.excludedPlans].sort().join(",")}`);
      for (const s of c.subscriptions) view.nicknames.push(`${c.id}/${s.id}/${s.friendlyName}`);
      for (const d of c.domains) view.domains.push(`${c.id}/${d.name.toLowerCase()}`);
    }
  }
  for (const sp of state.selfServePolicies)
    view.policies.push(
      `${sp.id}/${sp.permissions
        .map((x) => `${x.resource}:${x.action}`)
        .sort()
        .join(",")}`,
    );
  for (const list of Object.values(view)) list.sort();
  return view;
}
