// What a CLI test against the emulator sets around each test: PARTNERCENTER_* for the default partner (App+User,
// the CA in a temporary folder, every other setting cleared and all restored after), and standard error made a
// terminal or not, with CI set or not, to see what progress writes.
import { mkdtempSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import type { Emulator } from "../../../emulator";
import { envName } from "../../../provider/config";
import type { EmulatorEndpoint } from "../../../scripts/emulator-http";

/** Every setting the CLI reads from the environment. */
const CLI_SETTINGS = [
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

/** What the seed gives a partner that the CLI's App+User credentials need. */
export interface CliPartner {
  tenantId: string;
  user: { clientId: string; clientSecret: string; refreshToken: string };
}

/** The PARTNERCENTER_* variables for `partner` against `emu`, whose CA is in the PEM file `caFile`. */
export function partnerCliEnv(emu: EmulatorEndpoint, partner: CliPartner, caFile: string): Record<string, string> {
  return {
    [envName("tenantId")]: partner.tenantId,
    [envName("clientId")]: partner.user.clientId,
    [envName("clientSecret")]: partner.user.clientSecret,
    [envName("refreshToken")]: partner.user.refreshToken,
    [envName("endpoint")]: emu.url,
    [envName("authorityHost")]: emu.authorityHost,
    [envName("caCertificate")]: caFile,
  };
}

/** Sets `vars` in process.env, every other CLI setting cleared; returns what puts the environment back. */
export function setCliEnv(vars: Record<string, string>): () => void {
  const keys = [...new Set([...CLI_SETTINGS.map((k) => envName(k)), ...Object.keys(vars)])];
  const saved = Object.fromEntries(keys.map((k) => [k, process.env[k]]));
  for (const k of keys) delete process.env[k];
  Object.assign(process.env, vars);
  return () => {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  };
}

/** mocha hooks: the settings `export` and the lookups read, for `ctx.emu`'s default partner; `dir()` is the temp folder. */
export function useEmulatorSettings(ctx: { readonly emu: Emulator }, prefix = "pc-cli-"): { dir(): string } {
  let dir: string | undefined;
  let restore: (() => void) | undefined;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), prefix));
    const caFile = join(dir, "ca.pem");
    writeFileSync(caFile, ctx.emu.ca);
    const seed = ctx.emu.seed;
    restore = setCliEnv(
      partnerCliEnv(
        ctx.emu,
        seed.partners.find((p) => p.tenantId === seed.defaultPartnerId)!,
        caFile,
      ),
    );
  });
  afterEach(() => {
    restore?.();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });
  return {
    dir: () => {
      if (!dir) throw new Error("useEmulatorSettings' dir() is called outside a test");
      return dir;
    },
  };
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
