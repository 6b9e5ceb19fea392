// Emulator throughput: requests a second and latency (p50/p95) of the emulator over HTTPS keep-alive for a read,
// a paged list, a write (create + delete a user) and the token endpoint, at 1 and 16 concurrent clients, side by
// side in one run.
// Run: node dist/bench/emulator-throughput.js [secondsPerCase=3]
// Choice: the load generator runs in the emulator's own process (one Node event loop for both), so the figures
// are a floor for what a separate client would see; rate limiting is off.
import * as https from "https";
import { performance } from "perf_hooks";
import { startEmulator, type Emulator } from "../emulator";
import { appUserToken } from "../scripts/emulator-http";
import { addBenchCustomers } from "./lib/bench-customers";
import { machine, ratio, runBench, table } from "./lib/report";

interface Case {
  name: string;
  send(agent: https.Agent, i: number): Promise<number>;
}

function request(
  emu: Emulator,
  agent: https.Agent,
  method: string,
  path: string,
  headers: Record<string, string>,
  body?: string,
): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = https.request(new URL(path, emu.url), { method, headers, agent, ca: emu.ca }, (res) => {
      res.resume();
      res.on("end", () => resolve(res.statusCode ?? 0));
    });
    req.on("error", reject);
    req.end(body);
  });
}

async function measure(
  c: Case,
  concurrency: number,
  ms: number,
): Promise<{ rps: number; p50: number; p95: number; errors: number }> {
  const agent = new https.Agent({ keepAlive: true, maxSockets: concurrency });
  const latencies: number[] = [];
  let errors = 0;
  let n = 0;
  const until = performance.now() + ms;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < until) {
        const t = performance.now();
        const status = await c.send(agent, n++);
        latencies.push(performance.now() - t);
        if (status >= 400) errors++;
      }
    }),
  );
  const elapsed = performance.now() - started;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const q = (x: number) => latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * x))];
  return { rps: latencies.length / (elapsed / 1000), p50: q(0.5), p95: q(0.95), errors };
}

async function main(): Promise<void> {
  const secondsEach = Number(process.argv[2] ?? 3);
  const emu = await startEmulator({ rateLimitPerMinute: 1_000_000_000, diagnostic: () => {} });
  try {
    const partner = emu.seed.partners.find((p) => p.tenantId === emu.seed.defaultPartnerId)!;
    const [customer] = addBenchCustomers(emu, 1, { usersEach: 100 });
    const token = await appUserToken(emu, partner);
    const auth = { authorization: `Bearer ${token}`, accept: "application/json" };
    const json = { ...auth, "content-type": "application/json" };
    const form = {
      grant_type: "refresh_token",
      client_id: partner.user.clientId,
      client_secret: partner.user.clientSecret,
      refresh_token: partner.user.refreshToken,
      scope: "https://api.partnercenter.microsoft.com/.default",
    };
    const cases: Case[] = [
      { name: "GET customer", send: (a) => request(emu, a, "GET", `/v1/customers/${customer.id}`, auth) },
      {
        name: "GET users (page of 100)",
        send: (a) => request(emu, a, "GET", `/v1/customers/${customer.id}/users?size=100`, auth),
      },
      {
        name: "POST user + DELETE it",
        send: async (a, i) => {
          const upn = `t${i}x${Math.random().toString(36).slice(2, 8)}@${customer.domain}`;
          const body = JSON.stringify({
            userPrincipalName: upn,
            displayName: "T",
            usageLocation: "US",
            passwordProfile: { password: "Bench!Passw0rd", forceChangePassword: true },
          });
          const created = await new Promise<{ status: number; id?: string }>((resolve, reject) => {
            const req = https.request(
              new URL(`/v1/customers/${customer.id}/users`, emu.url),
              { method: "POST", headers: json, agent: a, ca: emu.ca },
              (res) => {
                const chunks: Buffer[] = [];
                res.on("data", (c: Buffer) => chunks.push(c));
                res.on("end", () => {
                  try {
                    resolve({
                      status: res.statusCode ?? 0,
                      id: (JSON.parse(Buffer.concat(chunks).toString()) as { id: string }).id,
                    });
                  } catch (e) {
                    reject(e instanceof Error ? e : new Error(String(e)));
                  }
                });
              },
            );
            req.on("error", reject);
            req.end(body);
          });
          if (created.status >= 400 || !created.id) return created.status;
          return request(emu, a, "DELETE", `/v1/customers/${customer.id}/users/${created.id}`, auth);
        },
      },
      {
        name: "POST token (refresh_token)",
        send: (a) =>
          request(
            emu,
            a,
            "POST",
            `/${partner.tenantId}/oauth2/v2.0/token`,
            { "content-type": "application/x-www-form-urlencoded" },
            new URLSearchParams(form).toString(),
          ),
      },
    ];
    console.log(
      `emulator throughput: ${secondsEach}s per case and concurrency, HTTPS keep-alive, load generator in the same process`,
    );
    console.log(`machine: ${machine()}`);
    const rows: Array<Array<string | number>> = [];
    for (const c of cases) {
      const one = await measure(c, 1, secondsEach * 1000);
      const many = await measure(c, 16, secondsEach * 1000);
      rows.push([
        c.name,
        Math.round(one.rps),
        one.p50.toFixed(1),
        one.p95.toFixed(1),
        Math.round(many.rps),
        many.p50.toFixed(1),
        many.p95.toFixed(1),
        ratio(many.rps, one.rps),
        one.errors + many.errors,
      ]);
    }
    console.log(
      table(["case", "req/s c=1", "p50 ms", "p95 ms", "req/s c=16", "p50 ms", "p95 ms", "c16/c1", "errors"], rows),
    );
    if (rows.some((r) => Number(r[8]) > 0)) process.exitCode = 1;
  } finally {
    await emu.close();
  }
}

runBench(main);
