// What a CLI test against the emulator sets around each test: PARTNERCENTER_* for the default partner (App+User,
// the CA in a temporary folder, every other setting cleared and all restored after), and standard error made a
// terminal or not, with CI set or not, to see what progress writes.
import { mkdtempSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import type { Emulator } from "../../../emulator";
import { envName } from "../../../provider/config";

const ENV_KEYS = [
  "tenantId",
  "clientId",
  "clientSecret",
  "refreshToken",
  "endpoint",
  "authorityHost",
  "caCertificate",
  "cloud",
  "privateKeyPem",
  "maxRetries",
] as const;

/** mocha hooks: the settings `export` and the lookups read, for `ctx.emu`'s default partner; `dir()` is the temp folder. */
export function useEmulatorSettings(ctx: { emu: Emulator }): { dir(): string } {
  let dir = "";
  let saved: Record<string, string | undefined> = {};
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "pc-cli-"));
    saved = Object.fromEntries(ENV_KEYS.map((k) => [envName(k), process.env[envName(k)]]));
    for (const k of ENV_KEYS) delete process.env[envName(k)];
    const partner = ctx.emu.seed.partners.find((p) => p.tenantId === ctx.emu.seed.defaultPartnerId)!;
    writeFileSync(join(dir, "ca.pem"), ctx.emu.ca);
    Object.assign(process.env, {
      [envName("tenantId")]: partner.tenantId,
      [envName("clientId")]: partner.user.clientId,
      [envName("clientSecret")]: partner.user.clientSecret,
      [envName("refreshToken")]: partner.user.refreshToken,
      [envName("endpoint")]: ctx.emu.url,
      [envName("authorityHost")]: ctx.emu.authorityHost,
      [envName("caCertificate")]: join(dir, "ca.pem"),
    });
  });
  afterEach(() => {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
    rmSync(dir, { recursive: true, force: true });
  });
  return { dir: () => dir };
}

/** Runs `body` with process.stderr a terminal (or not) and CI set (or unset); returns what it wrote to stderr. */
export async function stderrOf(tty: boolean, ci: string | undefined, body: () => Promise<void>): Promise<string> {
  const stderr = process.stderr as NodeJS.WriteStream & { isTTY: boolean };
  const before = { isTTY: stderr.isTTY, write: stderr.write.bind(stderr), ci: process.env.CI };
  const written: string[] = [];
  if (ci === undefined) delete process.env.CI;
  else process.env.CI = ci;
  stderr.isTTY = tty;
  stderr.write = (chunk: string | Uint8Array) => written.push(String(chunk)) > 0;
  try {
    await body();
  } finally {
    stderr.write = before.write;
    stderr.isTTY = before.isTTY;
    if (before.ci === undefined) delete process.env.CI;
    else process.env.CI = before.ci;
  }
  return written.join("");
}
