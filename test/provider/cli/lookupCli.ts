// The lookup commands run in-process against the emulator, configured as a user of `export` is (cli-env.ts: the
// PARTNERCENTER_* variables of the default partner's App+User credentials; flags win), with their output captured.
import { strict as assert } from "assert";
import { useEmulator } from "../client/emulatorClient";
import { useEmulatorSettings } from "./cli-env";
import { runCli } from "./cli-io";

/** For a describe block: the emulator, the PARTNERCENTER_* variables around each test, and run/json/table. */
export function useLookupCli() {
  const ctx = useEmulator();
  useEmulatorSettings(ctx);
  const partner = () => ctx.emu.seed.partners.find((p) => p.tenantId === ctx.emu.seed.defaultPartnerId)!;

  const run = (...argv: string[]) => runCli(argv);
  async function json(...argv: string[]): Promise<Array<Record<string, unknown>>> {
    const { code, io } = await run(...argv, "--output", "json");
    assert.equal(code, 0, io.errors.join("\n"));
    assert.deepEqual(io.errors, [], "nothing on stderr when it is not a terminal");
    return JSON.parse(io.lines.join("\n")) as Array<Record<string, unknown>>;
  }
  /** The table's header and rows, cells split on two or more spaces (the lines after a blank line are left out). */
  async function table(...argv: string[]): Promise<string[][]> {
    const { code, io } = await run(...argv);
    assert.equal(code, 0, io.errors.join("\n"));
    assert.deepEqual(io.errors, []);
    assert.match(io.lines[1], /^-+( +-+)*$/, "a rule under the header");
    const end = io.lines.indexOf("");
    const lines = end < 0 ? io.lines : io.lines.slice(0, end);
    return [lines[0].split(/ {2,}/), ...lines.slice(2).map((l) => l.split(/ {2,}/))];
  }
  return { ctx, partner, run, json, table };
}
