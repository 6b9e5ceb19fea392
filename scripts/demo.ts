// `npm run demo`: the quickstart example against the embedded emulator, driven by the real Pulumi engine
// through the Automation API — preview, up, a quiet preview, a change made behind Pulumi's back, the drift
// seen by `refresh --preview-only`, repaired by `up --refresh`, then destroy. Prints one line per step and
// exits non-zero when any step is not what it should be.
// Choice: the stack `demo` lives in the repo's ignored backend (.cache/pulumi-backend); a leftover from an
// interrupted run points at an emulator that is gone, so it is removed (state only) before the run.
import * as path from "path";
import type { EngineEvent, Stack } from "@pulumi/pulumi/automation";
import { startEmulator } from "../emulator";
import { appUserToken, emulatorOk } from "./emulator-http";
import { engineErrorSummary, openProjectStack, pulumiEnv, repoRoot } from "./pulumi-env";

const STACK = "demo";
const exampleDir = path.join(repoRoot, "examples", "quickstart");

interface Step { name: string; ok: boolean; detail: string }
const steps: Step[] = [];

function record(name: string, ok: boolean, detail: string): void {
  steps.push({ name, ok, detail });
  console.log(`${ok ? "ok  " : "FAIL"}  ${name.padEnd(34)} ${detail}`);
}

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

const show = (counts: Record<string, number | undefined> | undefined): string =>
  Object.entries(counts ?? {}).filter(([, n]) => n).map(([op, n]) => `${op} ${n}`).join(", ") || "nothing";

async function main(): Promise<number> {
  const started = Date.now();
  const emu = await startEmulator({});
  console.log(`emulator  ${emu.url} (token endpoint ${emu.authorityHost})`);
  try {
    const env = await pulumiEnv();
    const partner = emu.seed.partners.find((p) => p.tenantId === emu.seed.defaultPartnerId) ?? emu.seed.partners[0];
    const customer = partner.customers[0];
    console.log(`pulumi    ${env.binDir}/pulumi, backend ${env.backendDir}`);
    console.log(`customer  ${customer.companyName} (${customer.id}, ${customer.domain})\n`);

    const cfg = {
      env, projectDir: exampleDir, stackName: STACK,
      config: {
        customerId: customer.id, domain: customer.domain,
        "partnercenter:tenantId": partner.tenantId, "partnercenter:clientId": partner.user.clientId,
        "partnercenter:endpoint": emu.url, "partnercenter:authorityHost": emu.authorityHost, "partnercenter:caCertificate": emu.ca,
      },
      secrets: { "partnercenter:clientSecret": partner.user.clientSecret, "partnercenter:refreshToken": partner.user.refreshToken },
    };
    let stack: Stack = await openProjectStack(cfg);
    if ((await stack.exportStack()).deployment?.resources?.length) {   // leftover of an interrupted run
      await stack.workspace.removeStack(STACK, { force: true });
      stack = await openProjectStack(cfg);
    }

    const previewEvents: EngineEvent[] = [];
    await stack.preview({ onEvent: (e) => previewEvents.push(e) });
    const planned = opsOf(previewEvents);
    const expected = planned.create ?? 0;
    record("preview", expected > 0 && Object.keys(planned).length === 1, `would ${show(planned)}`);

    const upEvents: EngineEvent[] = [];
    const up = await stack.up({ onEvent: (e) => upEvents.push(e) });
    const created = opsOf(upEvents);
    record("up", up.summary.result === "succeeded" && created.create === expected, show(created));
    const outputs = Object.fromEntries(Object.entries(up.outputs).map(([k, v]) => [k, v.value]));

    const quietEvents: EngineEvent[] = [];
    await stack.preview({ onEvent: (e) => quietEvents.push(e) });
    const quiet = opsOf(quietEvents);
    record("preview again", Object.keys(quiet).length === 1 && quiet.same === expected, `${show(quiet)} (no changes)`);

    const userIds = (outputs.userIds ?? {}) as Record<string, string>;
    const [alias, userId] = Object.entries(userIds)[0] ?? [];
    if (!userId) throw new Error("the quickstart example exports no userIds");
    const token = await appUserToken(emu, partner);
    await emulatorOk(emu, "PATCH", `/v1/customers/${customer.id}/users/${userId}`, { token, body: { displayName: "Renamed in the portal" } });
    record("change behind Pulumi's back", true, `displayName of ${alias} set to "Renamed in the portal"`);

    const driftEvents: EngineEvent[] = [];
    await stack.refresh({ previewOnly: true, onEvent: (e) => driftEvents.push(e) });
    const drift = opsOf(driftEvents);
    record("refresh --preview-only", drift.update === 1 && (drift.same ?? 0) === expected - 1, `drift: ${show(drift)}`);

    const repairEvents: EngineEvent[] = [];
    await stack.up({ refresh: true, onEvent: (e) => repairEvents.push(e) });
    const repaired = opsOf(repairEvents);
    const user = await emulatorOk<{ displayName?: string }>(emu, "GET", `/v1/customers/${customer.id}/users/${userId}`, { token });
    record("up --refresh (repair)", (repaired.update ?? 0) >= 1 && user.displayName !== "Renamed in the portal",
      `${show(repaired)}; displayName back to "${user.displayName}"`);

    const destroyEvents: EngineEvent[] = [];
    await stack.destroy({ onEvent: (e) => destroyEvents.push(e) });
    const destroyed = opsOf(destroyEvents);
    record("destroy", destroyed.delete === expected, show(destroyed));
    await stack.workspace.removeStack(STACK);
    console.log(`\n${steps.every((s) => s.ok) ? "demo passed" : "demo FAILED"} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } finally {
    await emu.close();
  }
  return steps.length === 7 && steps.every((s) => s.ok) ? 0 : 1;
}

main().then((code) => process.exit(code), (e: unknown) => {
  record("demo", false, engineErrorSummary(e));
  process.exit(1);
});
