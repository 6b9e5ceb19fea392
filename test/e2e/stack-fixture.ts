// The setup every engine test file shares: one emulator and one temporary Pulumi backend per describe block
// (mocha hooks registered by the call), stacks of real projects configured for the seed's default partner,
// and temporary folders removed with the rest.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import type { Stack } from "@pulumi/pulumi/automation";
import { startEmulator, type Emulator } from "../../emulator";
import { emulatorOk } from "../../scripts/emulator-http";
import { directoryView, providerConfig, stackFor, tempPulumiEnv, type DirectoryView } from "./harness";

/** An access token or other JWT in text. */
export const JWT_RE = /eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\./;

export type SeedPartner = Emulator["seed"]["partners"][number];
export type SeedCustomer = SeedPartner["customers"][number];

export interface StackFixture {
  readonly emu: Emulator;
  readonly env: Awaited<ReturnType<typeof tempPulumiEnv>>;
  /** The provider's secret config for the default partner (client secret, refresh token). */
  readonly secrets: Record<string, string>;
  /** The seed's default partner. */
  partner: () => SeedPartner;
  /** What the resources manage, from GET /_emulator/state. */
  view: () => Promise<DirectoryView>;
  /** A stack of `projectDir` with the provider config for the default partner plus `config`. */
  openStack(
    projectDir: string,
    stackName: string,
    config?: Record<string, string>,
    program?: () => Promise<Record<string, unknown> | void>,
  ): Promise<Stack>;
  /** A new temporary folder, removed after the describe block. */
  tempDir(prefix: string): string;
}

/**
 * Registers before/after hooks in the current describe block; call it first there. Mocha runs after() hooks in the
 * order they were registered too, so the emulator is already closed when the block's own after() hooks run.
 */
export function useStackFixture(): StackFixture {
  let emu: Emulator | undefined;
  let env: Awaited<ReturnType<typeof tempPulumiEnv>> | undefined;
  const dirs: string[] = [];
  const started = () => {
    if (!emu || !env) throw new Error("the stack fixture is used before its before() hook ran");
    return { emu, env };
  };
  const fixture: StackFixture = {
    get emu() {
      return started().emu;
    },
    get env() {
      return started().env;
    },
    get secrets() {
      return providerConfig(started().emu, fixture.partner()).secrets;
    },
    partner: () => {
      const seed = started().emu.seed;
      return seed.partners.find((p) => p.tenantId === seed.defaultPartnerId)!;
    },
    view: async () => directoryView(await emulatorOk(started().emu, "GET", "/_emulator/state")),
    openStack: (projectDir, stackName, config = {}, program) => {
      const cfg = providerConfig(started().emu, fixture.partner());
      return stackFor(
        started().env,
        projectDir,
        stackName,
        { config: { ...cfg.config, ...config }, secrets: cfg.secrets },
        program,
      );
    },
    tempDir: (prefix) => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
      dirs.push(dir);
      return dir;
    },
  };
  before(async () => {
    emu = await startEmulator({});
    env = await tempPulumiEnv();
  });
  after(async () => {
    for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
    env?.dispose();
    await emu?.close();
  });
  return fixture;
}
