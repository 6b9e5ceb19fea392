// `npm run demo`: the quickstart example against the embedded emulator, driven by the real Pulumi engine
// through the Automation API — preview, up, a quiet preview, a change made behind Pulumi's back, the drift
// seen by `refresh --preview-only`, repaired by `up --refresh`, then destroy. Prints one line per step and
// exits non-zero when any step is not what it should be.
// Choice: the stack `demo` lives in the repo's ignored backend (.cache/pulumi-backend); a leftover from an
// interrupted run points at an emulator that is gone, so it is removed (state only) before the run.
// Choice: `runDemo` takes the environment, the output and the out-of-band change as options, so a test can run
// the same steps in a temporary backend and check that a wrong step fails the demo.
import * as path from "path";
import type { EngineEvent, Stack } from "@pulumi/pulumi/automation";
import { startEmulator, type Emulator } from "../emulator";
import { appUserToken, emulatorOk } from "./emulator-http";
import { engineErrorSummary, openProjectStack, pulumiEnv, repoRoot, type PulumiEnv } from "./pulumi-env";

const exampleDir = path.join(repoRoot, "examples", "quickstart");
const STEP_COUNT = 7;

type Customer = Emulator["seed"]["partners"][number]["customers"][number];

/** What the demo changes behind Pulumi's back; returns a one-line description. */
export type OutOfBandChange = (ctx: {
  emu: Emulator;
  token: string;
  customer: Customer;
  alias: string;
  userId: string;
}) => Promise<string>;

export interface DemoOptions {
  /** Pulumi environment (default: the repo's ignored backend, .cache/pulumi-backend). */
  env?: PulumiEnv;
  stackName?: string;
  /** Where the summary goes (default: stdout). */
  print?: (line: string) => void;
  change?: OutOfBandChange;
}

export const RENAMED = "Renamed in the portal";

const renameUser: OutOfBandChange = async ({ emu, token, customer, alias, userId }) => {
  await emulatorOk(emu, "PATCH", `/v1/customers/${customer.id}/users/${userId}`, {
    token,
    body: { displayName: RENAMED },
  });
  return `displayName of ${alias} set to "${RENAMED}"`;
};

/** op -> count over the managed resources' outcome events (the stack resource and providers excluded). */
function opsOf(events: EngineEvent[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const e of events) {
    const m = e.resOutputsEvent?.metadata;
    if (!m || m.urn.includes("::pulumi:pulumi:Stack::") || m.urn.includes("::pulumi:providers:")) continue;
    counts[m.op] = (counts[m.op] ?? 0) + 1;
  }
  return counts;
}

/** Runs one engine operation and counts its outcomes per op. */
async function counted<T>(
  run: (onEvent: (e: EngineEvent) => void) => Promise<T>,
): Promise<{ ops: Record<string, number>; result: T }> {
  const events: EngineEvent[] = [];
  const result = await run((e) => events.push(e));
  return { ops: opsOf(events), result };
}

const show = (counts: Record<string, number | undefined> | undefined): string =>
  Object.entries(counts ?? {})
    .filter(([, n]) => n)
    .map(([op, n]) => `${op} ${n}`)
    .join(", ") || "nothing";

/** Runs every step; resolves to the process exit code (0 only when all steps are what they should be). */
export async function runDemo(options: DemoOptions = {}): Promise<number> {
  const print = options.print ?? ((line: string) => console.log(line));
  const stackName = options.stackName ?? "demo";
  const steps: Array<{ name: string; ok: boolean }> = [];
  const record = (name: string, ok: boolean, detail: string): void => {
    steps.push({ name, ok });
    print(`${ok ? "ok  " : "FAIL"}  ${name.padEnd(34)} ${detail}`);
  };
  const started = Date.now();
  let emu: Emulator | undefined;
  try {
    emu = await startEmulator({});
    print(`emulator  ${emu.url} (token endpoint ${emu.authorityHost})`);
    const env = options.env ?? (await pulumiEnv());
    const partner = emu.seed.partners.find((p) => p.tenantId === emu!.seed.defaultPartnerId) ?? emu.seed.partners[0];
    const customer = partner.customers[0];
    print(`pulumi    ${env.binDir}/pulumi, backend ${env.backendDir}`);
    print(`customer  ${customer.companyName} (${customer.id}, ${customer.domain})\n`);

    const cfg = {
      env,
      projectDir: exampleDir,
      stackName,
      config: {
        customerId: customer.id,
        domain: customer.domain,
        "partnercenter:tenantId": partner.tenantId,
        "partnercenter:clientId": partner.user.clientId,
        "partnercenter:endpoint": emu.url,
        "partnercenter:authorityHost": emu.authorityHost,
        "partnercenter:caCertificate": emu.ca,
      },
      secrets: {
        "partnercenter:clientSecret": partner.user.clientSecret,
        "partnercenter:refreshToken": partner.user.refreshToken,
      },
    };
    let stack: Stack = await openProjectStack(cfg);
    if (((await stack.exportStack()).deployment as { resources?: unknown[] } | undefined)?.resources?.length) {
      // leftover of an interrupted run
      await stack.workspace.removeStack(stackName, { force: true });
      stack = await openProjectStack(cfg);
    }

    const { ops: planned } = await counted((onEvent) => stack.preview({ onEvent }));
    const expected = planned.create ?? 0;
    record("preview", expected > 0 && Object.keys(planned).length === 1, `would ${show(planned)}`);

    const { ops: created, result: up } = await counted((onEvent) => stack.up({ onEvent }));
    record("up", up.summary.result === "succeeded" && created.create === expected, show(created));
    const outputs = Object.fromEntries(Object.entries(up.outputs).map(([k, v]) => [k, v.value]));

    const { ops: quiet } = await counted((onEvent) => stack.preview({ onEvent }));
    record("preview again", Object.keys(quiet).length === 1 && quiet.same === expected, `${show(quiet)} (no changes)`);

    const userIds = (outputs.userIds ?? {}) as Record<string, string>;
    const [alias, userId] = Object.entries(userIds)[0] ?? [];
    if (!userId) throw new Error("the quickstart example exports no userIds");
    const token = await appUserToken(emu, partner);
    const readUser = () =>
      emulatorOk<{ displayName?: string }>(emu!, "GET", `/v1/customers/${customer.id}/users/${userId}`, { token });
    const before = await readUser();
    record(
      "change behind Pulumi's back",
      true,
      await (options.change ?? renameUser)({ emu, token, customer, alias, userId }),
    );

    const { ops: drift } = await counted((onEvent) => stack.refresh({ previewOnly: true, onEvent }));
    record("refresh --preview-only", drift.update === 1 && (drift.same ?? 0) === expected - 1, `drift: ${show(drift)}`);

    const { ops: repaired } = await counted((onEvent) => stack.up({ refresh: true, onEvent }));
    const user = await readUser();
    record(
      "up --refresh (repair)",
      (repaired.update ?? 0) >= 1 && user.displayName === before.displayName,
      `${show(repaired)}; displayName "${user.displayName}"`,
    );

    const { ops: destroyed } = await counted((onEvent) => stack.destroy({ onEvent }));
    record("destroy", destroyed.delete === expected, show(destroyed));
    await stack.workspace.removeStack(stackName);
  } catch (e) {
    record("demo", false, engineErrorSummary(e));
  } finally {
    await emu?.close();
  }
  const passed = steps.length === STEP_COUNT && steps.every((s) => s.ok);
  print(`\n${passed ? "demo passed" : "demo FAILED"} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return passed ? 0 : 1;
}

if (require.main === module) {
  runDemo().then(
    (code) => process.exit(code),
    () => process.exit(1),
  );
}
