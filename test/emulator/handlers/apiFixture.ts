// One seeded emulator per handler test file, reset before each test; calls go over real HTTPS with msal-issued tokens.
import type { AxiosResponse } from "axios";
import type { Emulator } from "../../../emulator";
import { apiClient, appToken, bearer, startTestEmulator, userToken } from "../helpers";

export interface CallOptions {
  as?: "user" | "app";
  body?: unknown;
  headers?: Record<string, string>;
}

export interface ApiFixture {
  emu: Emulator;
  call(method: string, path: string, options?: CallOptions): Promise<AxiosResponse>;
  /** the default partner's i-th seeded customer */
  customer(i?: number): Emulator["seed"]["partners"][number]["customers"][number];
  advanceClock(ms: number): Promise<void>;
  config(settings: Record<string, unknown>): Promise<void>;
}

/** Registers before/after/beforeEach hooks in the current describe block and returns the fixture. */
export function useEmulator(): ApiFixture {
  let emu: Emulator;
  let tokens: { user: string; app: string };
  let api: ReturnType<typeof apiClient>;
  const fixture: ApiFixture = {
    get emu() {
      return emu;
    },
    async call(method, path, options = {}) {
      const token = options.as === "app" ? tokens.app : tokens.user;
      return api.request({ method, url: path, data: options.body, headers: bearer(token, options.headers ?? {}) });
    },
    customer: (i = 0) => emu.seed.partners[0].customers[i],
    async advanceClock(ms) {
      const res = await api.post("/_emulator/clock", { advanceMs: ms });
      if (res.status >= 300) throw new Error(`clock: ${res.status} ${JSON.stringify(res.data)}`);
    },
    async config(settings) {
      const res = await api.post("/_emulator/config", settings);
      if (res.status >= 300) throw new Error(`config: ${res.status} ${JSON.stringify(res.data)}`);
    },
  };
  before(async () => {
    emu = await startTestEmulator({ rateLimitPerMinute: 1_000_000 });
    api = apiClient(emu);
    tokens = { user: await userToken(emu), app: await appToken(emu) };
  });
  beforeEach(async () => {
    const res = await api.post("/_emulator/reset", {});
    if (res.status >= 300) throw new Error(`reset: ${res.status}`);
  });
  after(async () => {
    await emu?.close();
  });
  return fixture;
}

/** Asserts the documented error body: status, code and a description (optionally matching `pattern`). */
export function expectError(res: AxiosResponse, status: number, code: number | string, pattern?: RegExp): void {
  const body = res.data as { code?: unknown; description?: unknown };
  if (
    res.status !== status ||
    String(body?.code) !== String(code) ||
    typeof body?.description !== "string" ||
    (pattern && !pattern.test(body.description))
  ) {
    throw new Error(
      `expected ${status}/${code}${pattern ? ` ${pattern}` : ""}, got ${res.status} ${JSON.stringify(res.data)}`,
    );
  }
}
