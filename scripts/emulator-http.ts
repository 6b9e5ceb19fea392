// HTTPS calls to a running emulator, trusting only its own CA: the admin API (docs/contracts.md §1) and
// changes made "behind Pulumi's back" with an App+User token from the seed. Used by the demo and the e2e tests.
// Error messages name the method, path and status only: bodies and tokens never appear in them.
import * as https from "https";
import * as http from "http";
import { z } from "zod";

export interface EmulatorEndpoint {
  url: string; // API base, e.g. https://127.0.0.1:PORT
  authorityHost: string; // token service base
  ca: string; // PEM to trust
}

export async function emulatorCall<T = unknown>(
  emu: EmulatorEndpoint,
  method: string,
  path: string,
  opts: { body?: unknown; form?: Record<string, string>; token?: string } = {},
): Promise<{ status: number; body: T }> {
  const target = new URL(path, path.startsWith("/_emulator") || path.startsWith("/v1") ? emu.url : emu.authorityHost);
  const headers: Record<string, string> = { accept: "application/json" };
  let payload: string | undefined;
  if (opts.form) {
    payload = new URLSearchParams(opts.form).toString();
    headers["content-type"] = "application/x-www-form-urlencoded";
  } else if (opts.body !== undefined) {
    payload = JSON.stringify(opts.body);
    headers["content-type"] = "application/json";
  }
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  const lib = target.protocol === "https:" ? https : http;
  return new Promise((resolve, reject) => {
    const req = lib.request(target, { method, headers, ca: emu.ca }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => {
        const text = Buffer.concat(chunks).toString("utf8");
        let body: unknown = text;
        try {
          body = text ? JSON.parse(text) : undefined;
        } catch {
          /* not JSON */
        }
        resolve({ status: res.statusCode ?? 0, body: body as T });
      });
    });
    req.on("error", (e) => reject(new Error(`${method} ${target.pathname} to the emulator failed: ${e.message}`)));
    if (payload) req.write(payload);
    req.end();
  });
}

/** Like emulatorCall, but a status outside 2xx is an error naming the call (without the body). */
export async function emulatorOk<T = unknown>(
  emu: EmulatorEndpoint,
  method: string,
  path: string,
  opts: { body?: unknown; form?: Record<string, string>; token?: string } = {},
): Promise<T> {
  const res = await emulatorCall<T>(emu, method, path, opts);
  if (res.status < 200 || res.status >= 300) {
    const code = (res.body as { code?: unknown } | undefined)?.code;
    throw new Error(
      `${method} ${path} answered ${res.status}${code !== undefined ? ` (code ${JSON.stringify(code)})` : ""}`,
    );
  }
  return res.body;
}

const SeedPartner = z
  .object({
    tenantId: z.string(),
    user: z.object({ clientId: z.string(), clientSecret: z.string(), refreshToken: z.string() }).loose(),
    app: z.object({ clientId: z.string(), clientSecret: z.string() }).loose(),
  })
  .loose();
const TokenResponse = z.object({ access_token: z.string() }).loose();

/** An App+User access token for a seeded partner (refresh_token grant), for out-of-band changes. */
export async function appUserToken(emu: EmulatorEndpoint, partner: unknown): Promise<string> {
  const p = SeedPartner.parse(partner);
  const body = await emulatorOk(emu, "POST", `/${p.tenantId}/oauth2/v2.0/token`, {
    form: {
      grant_type: "refresh_token",
      client_id: p.user.clientId,
      client_secret: p.user.clientSecret,
      refresh_token: p.user.refreshToken,
      scope: "https://api.partnercenter.microsoft.com/.default",
    },
  });
  return TokenResponse.parse(body).access_token;
}
