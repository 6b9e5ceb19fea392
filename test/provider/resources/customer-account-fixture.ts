// Drives the customer-account resource definitions the way the runtime does (check -> create, read -> diff, ...),
// with a context built exactly like the runtime's: a client from the same stack configuration, one
// MS-CorrelationId per engine call, a shared list snapshot and the warning sink of the fixture.
import { strict as assert } from "assert";
import { randomUUID } from "crypto";
import { clientOptionsOf, configFromRequest } from "../../../provider/config";
import { PartnerCenterClient } from "../../../provider/client";
import { resources } from "../../../provider/resources";
import type { Bag, ResourceContext, ResourceDefinition } from "../../../provider/resources/kit/define-resource";
import { DEFAULT_WAITS } from "../../../provider/resources/kit/propagation";
import { ListSnapshot } from "../../../provider/resources/kit/snapshot";
import { configureRuntime, runtime, stackConfig, type Fixture } from "./fixture";

export interface Driver {
  check(olds: Bag, news: Bag): Promise<{ inputs: Bag; failures: Array<{ property: string; reason: string }> }>;
  diff(
    id: string,
    olds: Bag,
    news: Bag,
  ): Promise<{ changes: boolean; replaces: string[]; deleteBeforeReplace?: boolean }>;
  create(inputs: Bag): Promise<{ id: string; outs: Bag }>;
  read(id: string, props: Bag): Promise<{ id: string; props: Bag }>;
  update(id: string, olds: Bag, news: Bag): Promise<{ outs: Bag }>;
  delete(id: string, props: Bag): Promise<void>;
  /** check then create; fails on check failures. */
  provision(inputs: Bag): Promise<{ id: string; outs: Bag; inputs: Bag }>;
  /** read then diff(olds = read props, news = stored inputs), as refresh does. */
  refresh(
    id: string,
    outs: Bag,
    inputs: Bag,
  ): Promise<{ read: { id: string; props: Bag }; diff?: { changes: boolean; replaces: string[] } }>;
}

/** Through the runtime once the type is registered (as the shim calls it); until then straight to the definition. */
export function driver(f: Fixture, def: ResourceDefinition, extraConfig: Record<string, string> = {}): Driver {
  const viaRuntime = resources[def.type] === def;
  let client: PartnerCenterClient | undefined;
  const snapshot = new ListSnapshot({ ttlMs: 0 });
  const ctx = (): ResourceContext => {
    const values = stackConfig(f.emu, extraConfig);
    client ??= new PartnerCenterClient(
      clientOptionsOf(configFromRequest({ config: { get: (k: string) => values[k] } })),
    );
    return {
      client: client.withCorrelationId(randomUUID()),
      snapshot,
      partnerTenantId: f.partner.tenantId,
      warn: (m) => f.warnings.push(m),
      waits: DEFAULT_WAITS,
    };
  };
  const d: Driver = {
    check: async (olds, news) => (viaRuntime ? runtime.check(def.type, olds, news) : def.check(olds, news)),
    diff: async (id, olds, news) => (viaRuntime ? runtime.diff(def.type, id, olds, news) : def.diff(id, olds, news)),
    create: (inputs) => (viaRuntime ? runtime.create(def.type, inputs) : def.create(ctx(), inputs)),
    read: (id, props) => (viaRuntime ? runtime.read(def.type, id, props) : def.read(ctx(), id, props)),
    update: (id, olds, news) =>
      viaRuntime ? runtime.update(def.type, id, olds, news) : def.update(ctx(), id, olds, news),
    delete: (id, props) => (viaRuntime ? runtime.delete(def.type, id, props) : def.delete(ctx(), id, props)),
    async provision(inputs) {
      const checked = await d.check({}, inputs);
      if (checked.failures.length) throw new Error(`check failed: ${JSON.stringify(checked.failures)}`);
      const { id, outs } = await d.create(checked.inputs);
      return { id, outs, inputs: checked.inputs };
    },
    async refresh(id, outs, inputs) {
      const read = await d.read(id, outs);
      const diff = read.id ? await d.diff(id, read.props, inputs) : undefined;
      return { read, diff };
    },
  };
  return d;
}

/**
 * Runs `body` with the provider configured for `cloud`: the runtime's stack config gets partnercenter:cloud (what
 * a stack sets) and PARTNERCENTER_CLOUD is set for definitions not yet registered; both are restored afterwards.
 */
export async function inCloud<T>(f: Fixture, cloud: string, body: () => Promise<T> | T): Promise<T> {
  const before = process.env.PARTNERCENTER_CLOUD;
  process.env.PARTNERCENTER_CLOUD = cloud;
  await configureRuntime(f.emu, { "partnercenter:cloud": cloud });
  try {
    return await body();
  } finally {
    if (before === undefined) delete process.env.PARTNERCENTER_CLOUD;
    else process.env.PARTNERCENTER_CLOUD = before;
    await configureRuntime(f.emu);
  }
}

export interface FailedReadCase {
  /** the stored resource to read: provisioned fresh for each status */
  provision(): Promise<{ id: string; outs: Bag }>;
  /** the GET the read makes, as a fault-rule path RegExp source */
  path(id: string, outs: Bag): string;
  /** extra checks on the error (e.g. a secret output that must not appear) */
  also?(message: string, outs: Bag): void;
  /** the fault's description (default "injected") */
  description?(outs: Bag): string;
}

/**
 * The standard "a 403 or 500 on read throws, never an empty id" pair: without retries, the error names the
 * resource type, the operation, the HTTP status and the request id. `fixture` is read when the test runs.
 */
export function itThrowsOnFailedRead(fixture: () => Fixture, def: ResourceDefinition, c: FailedReadCase): void {
  for (const status of [403, 500]) {
    it(`a ${status} on read throws (never an empty id) and names resource, operation, status and request id`, async () => {
      const f = fixture();
      const { id, outs } = await c.provision();
      await configureRuntime(f.emu, { "partnercenter:maxRetries": "0" });
      const noRetry = driver(f, def, { "partnercenter:maxRetries": "0" });
      await f.faults({
        method: "GET",
        path: c.path(id, outs),
        status,
        code: status === 403 ? "900308" : "500",
        description: c.description?.(outs) ?? "injected",
      });
      try {
        await assert.rejects(noRetry.read(id, outs), (e: Error) => {
          assert.ok(e.message.includes(def.type) && e.message.includes("read"), e.message);
          assert.match(e.message, new RegExp(`HTTP ${status}`));
          assert.match(e.message, /request id [0-9a-f-]{36}/);
          c.also?.(e.message, outs);
          return true;
        });
      } finally {
        await configureRuntime(f.emu);
      }
    });
  }
}
