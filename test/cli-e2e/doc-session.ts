// The setup the doc-driven cli-e2e tests share: a CliEnv per describe block, the shell and the sandbox emulator a
// test starts (stopped after the block whatever happened), and the sandbox's credentials file as a user reads it.
import * as fs from "fs";
import * as path from "path";
import { cliEnv, type CliEnv, type SandboxEmulator, type ShellSession } from "./harness";

export interface DocSession {
  readonly env: CliEnv;
  /** The sandbox a test started; stopped after the describe block. */
  sandbox?: SandboxEmulator;
  /** The shell a test typed into; closed after the describe block. */
  shell?: ShellSession;
}

/** Registers before/after hooks in the current describe block and returns the session. */
export function useDocSession(): DocSession {
  let env: CliEnv | undefined;
  const session: DocSession = {
    get env() {
      if (!env) throw new Error("the doc session is used before its before() hook ran");
      return env;
    },
  };
  before(async () => {
    env = await cliEnv();
  });
  after(async () => {
    session.shell?.close();
    await session.sandbox?.stop();
    env?.dispose();
  });
  return session;
}

/** What the sandbox's credentials file holds that the docs' placeholders need. */
export interface SandboxSeed {
  defaultPartnerId: string;
  partners: Array<{
    tenantId: string;
    user: { clientId: string; clientSecret: string; refreshToken: string };
    customers: Array<{ id: string; domain: string }>;
  }>;
}

/** The credentials file `sandbox` printed ("Credentials file: <path>", relative to `cwd`), parsed. */
export function sandboxSeed(sandbox: SandboxEmulator, cwd: string): SandboxSeed {
  const credentials = /Credentials file:\s+(\S+)/.exec(sandbox.lines.join("\n"))![1];
  return JSON.parse(fs.readFileSync(path.resolve(cwd, credentials), "utf8")) as SandboxSeed;
}
