// A fleet of customers, one stack each (docs/fleet.md): a tenants repository as the doc lays it out (the packed
// package installed under the system temp dir, the doc's Pulumi.yaml whose main is the package's tenant-spec
// program, tenants/<name>.yaml), and three stacks of it, each with `tenantsPath` set to its own customer's spec
// file, run at once against one emulator and one file backend. Each stack changes only its own customer, all finish, and the emulator's request log shows the
// per-customer limits respected: at most maxConcurrencyPerCustomer requests of one customer in flight at any
// moment, and each customer's injected 429 retried with the same MS-RequestId no sooner than its Retry-After,
// while the other customers' stacks kept going.
// Differences from the doc: tenantsPath is absolute (the program runs in this process, whose cwd is not the
// repository), and the Automation API stands in for `pulumi up` (no Node language host here).
// Choice: every customer-scoped request gets 150 ms of injected latency, so that a request is certainly in flight
// during the 150 ms before the log's completion time; overlaps counted on those windows are real overlaps.
import { strict as assert } from "assert";
import * as fs from "fs";
import * as path from "path";
import type { Stack } from "@pulumi/pulumi/automation";
import { startEmulator } from "../../emulator";
import { emulatorOk } from "../../scripts/emulator-http";
import { ClientOptionsSchema } from "../../provider/client/options";
import { createUserProject, docFiles, installPackage, openUserStack, packCheckout } from "../package/user-project";
import {
  directoryView,
  EventLog,
  leakedSecrets,
  providerConfig,
  readCheckpoint,
  repoRoot,
  tempPulumiEnv,
  type DirectoryView,
} from "./harness";

const PROJECT = "partner-center-tenants";
const LATENCY_MS = 150;
const RETRY_AFTER_S = 1;
const USERS_PER_CUSTOMER = 4;
const ROLES = ["User Administrator", "Helpdesk Administrator", "License Administrator", "Directory Readers"];

interface LogEntry {
  seq: number;
  time: string;
  method: string;
  path: string;
  status: number;
  requestId: string;
  customerId: string | null;
  faultId?: string;
  latencyMs?: number;
}

const perCustomerLimit = ClientOptionsSchema.parse({
  tenantId: "00000000-0000-0000-0000-000000000001",
  clientId: "00000000-0000-0000-0000-000000000002",
  clientSecret: "x",
}).maxConcurrencyPerCustomer;

/** The most windows [end - latency, end) open at one moment (touching windows do not overlap). */
function maxOverlap(entries: LogEntry[]): number {
  const edges = entries
    .flatMap((e) => {
      const end = Date.parse(e.time);
      return [
        { at: end - (e.latencyMs ?? 0), d: 1 },
        { at: end, d: -1 },
      ];
    })
    .sort((a, b) => a.at - b.at || a.d - b.d);
  let open = 0;
  let max = 0;
  for (const e of edges) max = Math.max(max, (open += e.d));
  return max;
}

/** The view limited to one customer's objects (or to everything not of these customers). */
function only(view: DirectoryView, keep: (customerId: string) => boolean): DirectoryView {
  const out = {} as DirectoryView;
  for (const [k, list] of Object.entries(view) as Array<[keyof DirectoryView, string[]]>)
    out[k] = k === "policies" ? list : list.filter((x) => keep(x.split("/")[0]));
  return out;
}

describe("e2e: a fleet of three customer stacks at once (one emulator, one file backend)", function () {
  this.timeout(600_000);
  let emu: Awaited<ReturnType<typeof startEmulator>>;
  let env: Awaited<ReturnType<typeof tempPulumiEnv>>;
  let repo: string;
  let stacks: Array<{ name: string; customer: { id: string; domain: string }; stack: Stack }>;
  let baseline: DirectoryView;
  let secrets: Record<string, string>;
  let logStart = 0;
  const partner = () => emu.seed.partners.find((p) => p.tenantId === emu.seed.defaultPartnerId)!;
  const view = async () => directoryView(await emulatorOk(emu, "GET", "/_emulator/state"));
  const logEntries = () => emulatorOk<LogEntry[]>(emu, "GET", `/_emulator/requests?since=${logStart}`);

  const spec = (c: { id: string; domain: string; subscriptions: Array<{ id: string }> }, name: string) =>
    [
      `customer: ${c.domain}`,
      "users:",
      ...Array.from({ length: USERS_PER_CUSTOMER }, (_, i) =>
        [
          `  - userPrincipalName: fleet${i}@${c.domain}`,
          `    displayName: Fleet ${name} ${i}`,
          "    usageLocation: US",
          `    roles: [${ROLES[i % ROLES.length]}]`,
          "    licenses: [{ sku: O365_BUSINESS_PREMIUM }]",
        ].join("\n"),
      ),
      "subscriptions:",
      `  - { id: ${c.subscriptions[0].id}, nickname: ${name} - fleet }`,
      "",
    ].join("\n");

  before(async () => {
    emu = await startEmulator({});
    env = await tempPulumiEnv();
    repo = createUserProject("pc-fleet-repo-");
    installPackage(repo, packCheckout().tarball);
    const files = docFiles(fs.readFileSync(path.join(repoRoot, "docs", "fleet.md"), "utf8"));
    assert.match(
      files["Pulumi.yaml"] ?? "",
      /^main: node_modules\/pulumi-partner-center\//m,
      "docs/fleet.md gives the tenants repository's Pulumi.yaml",
    );
    fs.writeFileSync(path.join(repo, "Pulumi.yaml"), files["Pulumi.yaml"]);
    const tenants = path.join(repo, "tenants");
    fs.mkdirSync(tenants);
    const cfg = providerConfig(emu, partner());
    secrets = cfg.secrets;
    const customers = partner().customers.slice(0, 3);
    assert.equal(customers.length, 3, "the seed's default partner has three customers");
    stacks = [];
    for (const [i, c] of customers.entries()) {
      const name = `customer${i}`;
      const file = path.join(tenants, `${name}.yaml`);
      fs.writeFileSync(file, spec(c, name));
      const stack = await openUserStack(env, repo, `tenant-${name}`, { ...cfg.config, tenantsPath: file }, cfg.secrets);
      stacks.push({ name, customer: c, stack });
    }
    baseline = await view();
  });
  after(async () => {
    if (repo) fs.rmSync(repo, { recursive: true, force: true });
    env?.dispose();
    await emu?.close();
  });

  it("three stacks run up at once; all finish, each creating its own customer's resources", async () => {
    const rules = [
      ...stacks.map((s) => ({
        method: "GET",
        path: "^/v1/customers/[^/]+/",
        customerId: s.customer.id,
        status: 429,
        retryAfter: RETRY_AFTER_S,
        times: 1,
      })),
      { path: "^/v1/customers/[^/]+/", latencyMs: LATENCY_MS },
    ];
    await emulatorOk(emu, "POST", "/_emulator/faults", { body: rules });
    const last = await logEntries();
    logStart = last.length ? last[last.length - 1].seq : 0;

    const logs = stacks.map(() => new EventLog());
    const results = await Promise.allSettled(stacks.map((s, i) => s.stack.up({ onEvent: logs[i].onEvent })));
    await emulatorOk(emu, "DELETE", "/_emulator/faults");
    const failed = results.flatMap((r, i) =>
      r.status === "rejected"
        ? [`${stacks[i].name}: ${logs[i].errors().join(" | ") || String(r.reason).slice(0, 300)}`]
        : [],
    );
    assert.deepEqual(failed, [], "every stack finishes");
    const perStack = USERS_PER_CUSTOMER * 3 + 1;
    logs.forEach((log, i) =>
      assert.deepEqual(log.ops(), { create: perStack }, `${stacks[i].name}: ${log.errors().join("\n")}`),
    );
  });

  it("each stack changed only its own customer, and customers outside the fleet are untouched", async () => {
    const now = await view();
    const fleet = new Set(stacks.map((s) => s.customer.id));
    assert.deepEqual(
      only(now, (c) => !fleet.has(c)),
      only(baseline, (c) => !fleet.has(c)),
    );
    for (const s of stacks) {
      const cid = s.customer.id;
      const mine = only(now, (c) => c === cid);
      const created = mine.activeUsers.filter((u) => u.includes("/fleet"));
      assert.deepEqual(
        created,
        Array.from(
          { length: USERS_PER_CUSTOMER },
          (_, i) => `${cid}/fleet${i}@${s.customer.domain.toLowerCase()}/Fleet ${s.name} ${i}`,
        ).sort(),
      );
      const cp = readCheckpoint(env, PROJECT, `tenant-${s.name}`);
      const dynamic = cp.resources.filter((r) => r.type.startsWith("pulumi-nodejs:dynamic/"));
      assert.equal(dynamic.length, USERS_PER_CUSTOMER * 3 + 1);
      for (const r of dynamic)
        assert.equal(r.outputs?.customerId, cid, `${r.urn} of stack ${s.name} belongs to its customer`);
      assert.deepEqual(leakedSecrets(cp.text, secrets), [], `stack ${s.name} holds no credential in plaintext`);
    }
  });

  it("the request log: the stacks overlapped, and no customer had more than the per-customer limit in flight", async () => {
    const entries = (await logEntries()).filter(
      (e) => e.customerId && stacks.some((s) => s.customer.id === e.customerId),
    );
    const delayed = entries.filter((e) => e.latencyMs === LATENCY_MS);
    const perCustomer = stacks.map((s) => ({
      name: s.name,
      max: maxOverlap(delayed.filter((e) => e.customerId === s.customer.id)),
      count: delayed.filter((e) => e.customerId === s.customer.id).length,
    }));
    console.log(
      `      requests in flight per customer (max): ${perCustomer.map((p) => `${p.name} ${p.max} of ${p.count}`).join(", ")}; all customers together: ${maxOverlap(delayed)}`,
    );
    for (const p of perCustomer) {
      assert.ok(p.count >= USERS_PER_CUSTOMER * 3, `${p.name} made its requests (${p.count})`);
      assert.ok(
        p.max <= perCustomerLimit,
        `${p.name}: ${p.max} requests in flight at once, the limit is ${perCustomerLimit}`,
      );
    }
    assert.ok(
      maxOverlap(delayed) > Math.max(...perCustomer.map((p) => p.max)),
      "requests of different customers were in flight at the same time",
    );
    const unexpected429 = entries.filter((e) => e.status === 429 && !e.faultId);
    assert.deepEqual(unexpected429, [], "no request was refused by the emulator's own rate limit");
  });

  it("the request log: each customer's 429 was retried with the same request id after Retry-After, while the others kept going", async () => {
    const entries = await logEntries();
    for (const s of stacks) {
      const throttled = entries.filter((e) => e.customerId === s.customer.id && e.status === 429);
      assert.equal(throttled.length, 1, `${s.name} got its one injected 429`);
      const t429 = Date.parse(throttled[0].time);
      const retry = entries.find((e) => e.seq > throttled[0].seq && e.requestId === throttled[0].requestId);
      assert.ok(retry, `${s.name}: the throttled request was retried with the same MS-RequestId`);
      assert.ok(retry.status >= 200 && retry.status < 300, `${s.name}: the retry succeeded (${retry.status})`);
      assert.ok(
        Date.parse(retry.time) - (retry.latencyMs ?? 0) - t429 >= RETRY_AFTER_S * 1000 - 5,
        `${s.name}: the retry started ${Date.parse(retry.time) - (retry.latencyMs ?? 0) - t429} ms after the 429 (Retry-After ${RETRY_AFTER_S} s)`,
      );
      const others = entries.filter(
        (e) => e.seq > throttled[0].seq && e.seq < retry.seq && e.customerId && e.customerId !== s.customer.id,
      );
      assert.ok(others.length > 0, `${s.name}: other customers' requests went on while it waited`);
    }
  });

  it("a preview of each stack proposes no changes, and destroy of all three at once removes what they created", async () => {
    for (const s of stacks) {
      const pv = await s.stack.preview({ expectNoChanges: true });
      assert.deepEqual(pv.changeSummary, { same: USERS_PER_CUSTOMER * 3 + 2 }, s.name);
    }
    const logs = stacks.map(() => new EventLog());
    const results = await Promise.allSettled(stacks.map((s, i) => s.stack.destroy({ onEvent: logs[i].onEvent })));
    assert.deepEqual(
      results.flatMap((r, i) =>
        r.status === "rejected" ? [`${stacks[i].name}: ${logs[i].errors().join(" | ")}`] : [],
      ),
      [],
    );
    const now = await view();
    assert.deepEqual(
      { ...now, deletedUsers: [] },
      { ...baseline, deletedUsers: [] },
      "all as before but the soft-deleted users; nicknames restored",
    );
  });
});
