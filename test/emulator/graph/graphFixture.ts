// One seeded emulator per Graph handler test file, reset before each test; calls go over real HTTPS with msal-issued
// Microsoft Graph tokens (App+User by default).
import assert from "assert";
import type { AxiosResponse } from "axios";
import type { Emulator } from "../../../emulator";
import { apiClient, appToken, bearer, startTestEmulator, userToken } from "../helpers";

export const MS_GRAPH_SCOPE = "https://graph.microsoft.com/.default";
export const RELATIONSHIPS = "/v1.0/tenantRelationships/delegatedAdminRelationships";
export const ROLE = {
  globalAdmin: "62e90394-69f5-4237-9190-012177145e10",
  helpdesk: "729827e3-9c14-49f7-bb1b-9608f156bbb8",
  user: "fe930be7-5e62-47db-91af-98c3a49a38b1",
  license: "4d6ac14f-3453-41d0-bef9-a3e0c569773a",
};

export interface GraphFixture {
  emu: Emulator;
  call(
    method: string,
    path: string,
    options?: { as?: "user" | "app"; body?: unknown; headers?: Record<string, string> },
  ): Promise<AxiosResponse>;
  admin(path: string, body?: unknown): Promise<AxiosResponse>;
  advanceDays(days: number): Promise<void>;
  /** creates a relationship for the default partner's i-th customer and returns its body */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- Graph answers are JSON of many shapes
  create(body?: Record<string, unknown>): Promise<Record<string, any>>;
  /** create + lockForApproval + customer approval: an active relationship */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- Graph answers are JSON of many shapes
  active(body?: Record<string, unknown>): Promise<Record<string, any>>;
  groupId(name: string): Promise<string>;
}

let counter = 0;

export function useGraph(): GraphFixture {
  let emu: Emulator;
  let tokens: { user: string; app: string };
  let api: ReturnType<typeof apiClient>;
  const f: GraphFixture = {
    get emu() {
      return emu;
    },
    call: (method, path, options = {}) =>
      api.request({
        method,
        url: path,
        data: options.body,
        headers: bearer(options.as === "app" ? tokens.app : tokens.user, options.headers ?? {}),
      }),
    admin: (path, body = {}) => api.post(`/_emulator${path}`, body),
    async advanceDays(days) {
      const res = await api.post("/_emulator/clock", { advanceMs: days * 86_400_000 });
      assert.strictEqual(res.status, 200);
    },
    async create(body = {}) {
      const res = await f.call("POST", RELATIONSHIPS, {
        body: {
          displayName: `test-${++counter}`,
          duration: "P730D",
          customer: { tenantId: emu.seed.partners[0].customers[0].id },
          accessDetails: { unifiedRoles: [{ roleDefinitionId: ROLE.helpdesk }, { roleDefinitionId: ROLE.user }] },
          ...body,
        },
      });
      assert.strictEqual(res.status, 201, JSON.stringify(res.data));
      return res.data;
    },
    async active(body = {}) {
      const rel = await f.create(body);
      const lock = await f.call("POST", `${RELATIONSHIPS}/${rel.id}/requests`, { body: { action: "lockForApproval" } });
      assert.strictEqual(lock.status, 201, JSON.stringify(lock.data));
      const ok = await f.admin(`/gdap/relationships/${rel.id}/approve`);
      assert.strictEqual(ok.status, 200, JSON.stringify(ok.data));
      return (await f.call("GET", `${RELATIONSHIPS}/${rel.id}`)).data;
    },
    async groupId(name) {
      const res = await f.call("GET", `/v1.0/groups?$filter=displayName eq '${name}'`);
      assert.strictEqual(res.data.value.length, 1, JSON.stringify(res.data));
      return res.data.value[0].id;
    },
  };
  before(async () => {
    emu = await startTestEmulator({ rateLimitPerMinute: 1_000_000 });
    api = apiClient(emu);
    tokens = {
      user: await userToken(emu, { scope: MS_GRAPH_SCOPE }),
      app: await appToken(emu, { scope: MS_GRAPH_SCOPE }),
    };
  });
  beforeEach(async () => {
    const res = await api.post("/_emulator/reset", {});
    assert.strictEqual(res.status, 200);
  });
  after(async () => {
    await emu?.close();
  });
  return f;
}

/** Asserts Graph's error shape {error:{code,message,innerError:{request-id}}} with a status, code and message pattern. */
export function expectGraphError(res: AxiosResponse, status: number, code: string, pattern?: RegExp): void {
  const error = (res.data as { error?: { code?: unknown; message?: unknown; innerError?: Record<string, unknown> } })
    ?.error;
  if (
    res.status !== status ||
    error?.code !== code ||
    typeof error.message !== "string" ||
    typeof error.innerError?.["request-id"] !== "string" ||
    (pattern && !pattern.test(error.message))
  )
    throw new Error(
      `expected ${status}/${code}${pattern ? ` ${pattern}` : ""}, got ${res.status} ${JSON.stringify(res.data)}`,
    );
}
