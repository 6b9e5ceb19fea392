// Resource tests: provider methods driven through the runtime (exactly as the serialized shim calls them),
// configured like a stack would be (configure() with partnercenter:* keys) against a seeded emulator over
// HTTPS with its CA trusted explicitly. Raw HTTP helpers change things "behind Pulumi's back".

import type { AxiosInstance } from "axios";
import type { Emulator } from "../../../emulator";
import * as runtime from "../../../provider/runtime";
import { apiClient, bearer, startTestEmulator, userToken } from "../../emulator/helpers";
import { useShortWaits, type ShortWaits } from "./kit/short-waits";

export type Bag = Record<string, unknown>;

export interface Fixture {
  emu: Emulator;
  api: AxiosInstance;
  partner: Emulator["seed"]["partners"][number];
  customer: Emulator["seed"]["partners"][number]["customers"][number];
  warnings: string[];
  /** Raw authenticated request (App+User) to the emulator. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- raw answers are JSON of many shapes
  raw(method: string, path: string, data?: unknown): Promise<{ status: number; data: any }>;
  faults(rules: unknown): Promise<void>;
  clearFaults(): Promise<void>;
  /** Request log entries after `since` (seq). */
  requests(
    since?: number,
  ): Promise<Array<{ seq: number; method: string; path: string; status: number; correlationId?: string }>>;
  lastSeq(): Promise<number>;
  close(): Promise<void>;
}

export function stackConfig(emu: Emulator, extra: Record<string, string> = {}): Record<string, string> {
  const p = emu.seed.partners[0];
  return {
    "partnercenter:tenantId": p.tenantId,
    "partnercenter:clientId": p.user.clientId,
    "partnercenter:clientSecret": p.user.clientSecret,
    "partnercenter:refreshToken": p.user.refreshToken,
    "partnercenter:endpoint": emu.url,
    "partnercenter:authorityHost": emu.authorityHost,
    "partnercenter:caCertificate": emu.ca,
    ...extra,
  };
}

/** A new runtime session (no cached client, empty list snapshot), configured for the emulator. */
export async function configureRuntime(emu: Emulator, extra: Record<string, string> = {}): Promise<void> {
  runtime.resetRuntime();
  const values = stackConfig(emu, extra);
  await runtime.configure({ config: { get: (k: string) => values[k], require: (k: string) => values[k] } } as never);
}

export async function startFixture(extraConfig: Record<string, string> = {}): Promise<Fixture> {
  const emu = await startTestEmulator();
  await configureRuntime(emu, extraConfig);
  const api = apiClient(emu);
  const warnings: string[] = [];
  runtime.setWarningSink((m) => warnings.push(m));
  const partner = emu.seed.partners[0];
  const customer = partner.customers.find((c) => c.customDomains.length > 0) ?? partner.customers[0];
  let token: string | undefined;
  const raw = async (method: string, path: string, data?: unknown) => {
    token ??= await userToken(emu);
    const res = await api.request({
      method,
      url: path,
      data,
      headers: bearer(token, { "Content-Type": "application/json" }),
    });
    return { status: res.status, data: res.data };
  };
  const requests = async (since = 0) => {
    const body = (await api.get(`/_emulator/requests?since=${since}`)).data;
    return Array.isArray(body) ? body : body.items;
  };
  return {
    emu,
    api,
    partner,
    customer,
    warnings,
    raw,
    requests,
    faults: async (rules) => void (await api.post("/_emulator/faults", rules)),
    clearFaults: async () => void (await api.delete("/_emulator/faults")),
    lastSeq: async () => {
      const log = await requests(0);
      return log.length ? log[log.length - 1].seq : 0;
    },
    close: async () => {
      runtime.setWarningSink(undefined);
      runtime.resetRuntime();
      await emu.close();
    },
  };
}

/** check -> create, as the engine does for a new resource; fails the test on check failures. */
export async function provision(type: string, inputs: Bag): Promise<{ id: string; outs: Bag; inputs: Bag }> {
  const checked = await runtime.check(type, {}, inputs);
  if (checked.failures.length) throw new Error(`check failed: ${JSON.stringify(checked.failures)}`);
  const { id, outs } = await runtime.create(type, checked.inputs);
  return { id, outs, inputs: checked.inputs };
}

/** refresh as the engine does it: read, then diff(olds = refreshed outputs, news = stored inputs). */
export async function refresh(type: string, id: string, outs: Bag, inputs: Bag) {
  const read = await runtime.read(type, id, outs);
  const diff = read.id ? await runtime.diff(type, id, read.props, inputs) : undefined;
  return { read, diff };
}

export { runtime };

/** Creates a user with raw HTTP (not through the provider); returns its id and UPN. */
export async function rawUser(f: Fixture, alias: string, customer = f.customer): Promise<{ id: string; upn: string }> {
  const upn = `${alias}-${Math.random().toString(36).slice(2, 8)}@${customer.domain}`;
  const res = await f.raw("POST", `/v1/customers/${customer.id}/users`, {
    userPrincipalName: upn,
    displayName: alias,
    usageLocation: "US",
    passwordProfile: { password: "Raw!Passw0rd1", forceChangePassword: true },
  });
  if (res.status !== 200 && res.status !== 201)
    throw new Error(`raw user create failed: ${res.status} ${JSON.stringify(res.data)}`);
  return { id: res.data.id, upn };
}

/** The Partner Center /v1 requests logged after `seq`. */
export async function apiCallsSince(f: Fixture, seq: number) {
  return (await f.requests(seq)).filter((r) => r.path.startsWith("/v1/"));
}

/** The Partner Center calls after `seq` counted by route, ids as {id}, e.g. "GET /v1/customers/{id}/users x2", sorted. */
export async function callsByRoute(f: Fixture, seq: number): Promise<string[]> {
  const routes = (await apiCallsSince(f, seq)).map((c) => `${c.method} ${c.path.replace(/[0-9a-f-]{36}/g, "{id}")}`);
  return [...new Set(routes)].map((r) => `${r} x${routes.filter((x) => x === r).length}`).sort();
}

/**
 * The mocha hooks of a resource test file that waits on replication: short recorded waits and one emulator
 * fixture for the file; after each test, faults cleared and replication lag switched off. `onStart` gets both.
 */
export function useFixtureWithShortWaits(onStart: (f: Fixture, waits: ShortWaits) => void): void {
  let f: Fixture | undefined;
  let waits: ShortWaits | undefined;
  before(async () => {
    waits = useShortWaits();
    f = await startFixture();
    onStart(f, waits);
  });
  after(async () => {
    waits?.restore();
    if (f) await f.close();
  });
  beforeEach(() => waits?.clear());
  afterEach(async () => {
    await f!.clearFaults();
    await f!.api.post("/_emulator/config", { eventualConsistencyReads: 0 });
  });
}
