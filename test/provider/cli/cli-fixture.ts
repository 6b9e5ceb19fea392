// The setup the CLI's in-process tests share: output captured line by line, and the PARTNERCENTER_* variables
// for the seed's default partner against a running emulator (the way `export` and the lookups are configured),
// put back as they were afterwards.
import { mkdtempSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import type { Emulator } from "../../../emulator";
import { main, type Io } from "../../../provider/cli/main";
import { envName } from "../../../provider/config";
import type { EmulatorEndpoint } from "../../../scripts/emulator-http";

export type CapturedIo = Io & { lines: string[]; errors: string[] };

/** An Io that keeps stdout lines in `lines` and stderr lines in `errors`, never waiting for a stop signal. */
export function captureIo(): CapturedIo {
  const lines: string[] = [];
  const errors: string[] = [];
  return { lines, errors, out: (l) => lines.push(l), err: (l) => errors.push(l), waitForStop: () => Promise.resolve() };
}

/** `main(argv)` with captured output. */
export async function runCli(argv: string[]): Promise<{ code: number; io: CapturedIo }> {
  const io = captureIo();
  const code = await main(argv, io);
  return { code, io };
}

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

/**
 * Registers beforeEach/afterEach hooks: per test a new temporary folder (`dir`) holding the emulator's CA, and the
 * CLI configured for the seed's default partner through PARTNERCENTER_* variables.
 */
export function useCliEnv(ctx: { readonly emu: Emulator }, prefix: string): { readonly dir: string } {
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
    get dir() {
      if (!dir) throw new Error("useCliEnv's dir is read outside a test");
      return dir;
    },
  };
}
