// One chaos schedule, run and judged: the 100-resource fleet (fleet.ts) applied by the real Pulumi engine while
// the emulator runs the schedule's faults; if the first `up` fails, the faults are removed, replication is let
// finish and `up` runs once more. Returns what the chaos test asserts and the chaos benchmark tabulates: outcomes
// of both runs, what is untracked or duplicated after the first and after the last run, how the emulator differs
// from the declaration, and which secrets (configured credentials, generated passwords) or access tokens appear
// in the engine output (which carries the provider process's log), the emulator's request log or the stored state.
// Choice: the re-run happens after the fault schedule is removed (the incident is over) and replication has
// caught up (the emulator counts eventual consistency in reads, so the hidden reads are used up first); the
// first run must already leave nothing untracked or duplicated, whether it succeeded or not.
// Choice: the client's default of 3 retries (the harness's e2e config uses 2) and a high emulator rate limit,
// so that only the schedule's own 429s throttle.
import * as path from "path";
import type { startEmulator } from "../../emulator";
import { appUserToken, emulatorOk, type EmulatorEndpoint } from "../../scripts/emulator-http";
import type { PulumiEnv } from "../../scripts/pulumi-env";
import {
  engineErrorSummary,
  EventLog,
  leakedSecrets,
  plaintextOf,
  providerConfig,
  readCheckpoint,
  repoRoot,
  stackFor,
} from "../e2e/harness";
import {
  declareFleet,
  differences,
  fleetObjects,
  fleetProgram,
  resourceCount,
  untrackedOrDuplicated,
  type EmulatorState,
} from "./fleet";
import { describeSchedule, type Schedule } from "./schedules";

export type EmulatorWithSeed = EmulatorEndpoint & { seed: Awaited<ReturnType<typeof startEmulator>>["seed"] };

export const CHAOS_PROJECT = "pc-chaos";
export const CHAOS_PROJECT_DIR = path.join(repoRoot, "test", "chaos", "project");
const JWT_RE = /eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\./;

export interface ScheduleOutcome {
  schedule: string;
  declared: number;
  /** users in the fleet (each gets a generated password) */
  users: number;
  first: string;
  firstSucceeded: boolean;
  rerun: string;
  rerunSucceeded?: boolean;
  /** untracked objects and duplicates after the first up, and after the last */
  afterFirst: string[];
  afterLast: string[];
  /** how the emulator differs from the declared fleet after the last up */
  differences: string[];
  /** resources of this package in state after the last up */
  tracked: number;
  /** generated passwords found (one per user, besides the two configured credentials) */
  secretsChecked: number;
  /** "<where>: <secret name>" for every secret or access token found */
  leaks: string[];
  /** generated passwords in @pulumi/pulumi's own debug diagnostics (shown only with --debug) */
  sdkDebugLeaks: number;
  seconds: number;
  faultsFired: number;
  requests: number;
}

/** The emulator hides a new user for N reads (not for a time): N list reads per customer end the window. */
async function letReplicationFinish(emu: EmulatorWithSeed, reads: number): Promise<void> {
  if (!reads) return;
  const token = await appUserToken(
    emu,
    emu.seed.partners.find((p) => p.tenantId === emu.seed.defaultPartnerId),
  );
  for (const c of emu.seed.partners.find((p) => p.tenantId === emu.seed.defaultPartnerId)!.customers) {
    for (let i = 0; i < reads; i++) await emulatorOk(emu, "GET", `/v1/customers/${c.id}/users?size=500`, { token });
  }
}

export async function runSchedule(emu: EmulatorWithSeed, env: PulumiEnv, schedule: Schedule): Promise<ScheduleOutcome> {
  const started = Date.now();
  const partner = emu.seed.partners.find((p) => p.tenantId === emu.seed.defaultPartnerId)!;
  await emulatorOk(emu, "POST", "/_emulator/reset", { body: {} });
  const fleet = declareFleet(partner.customers.map((c) => ({ id: c.id, domain: c.domain })));
  const customerIds = partner.customers.map((c) => c.id);
  const cfg = providerConfig(emu, partner);
  delete cfg.config["partnercenter:maxRetries"];
  const stackName = `s${schedule.seed}`;
  const stack = await stackFor(env, CHAOS_PROJECT_DIR, stackName, cfg, fleetProgram(fleet));

  const output: string[] = [];
  const log = new EventLog();
  const watch = {
    onOutput: (s: string) => output.push(s),
    onError: (s: string) => output.push(s),
    onEvent: log.onEvent,
  };
  if (schedule.eventualConsistencyReads)
    await emulatorOk(emu, "POST", "/_emulator/config", {
      body: { eventualConsistencyReads: schedule.eventualConsistencyReads },
    });
  const ruleIds = schedule.rules.length
    ? (await emulatorOk<{ ids: string[] }>(emu, "POST", "/_emulator/faults", { body: schedule.rules })).ids
    : [];
  const failed = (e: unknown) => {
    output.push(e instanceof Error ? e.message : String(e));
    return `failed (${engineErrorSummary(e).split("\n")[0].slice(0, 160)})`;
  };

  let first = await stack.up(watch).then(() => "succeeded", failed);
  const firstSucceeded = first === "succeeded";
  const remaining = await emulatorOk<Array<{ id: string; fired: number }>>(emu, "GET", "/_emulator/faults");
  // A rule that used up its `times` is dropped from the list: it fired exactly `times` times.
  const faultsFired = ruleIds.reduce(
    (n, id, i) => n + (remaining.find((r) => r.id === id)?.fired ?? schedule.rules[i].times ?? 0),
    0,
  );
  const state = () => emulatorOk<EmulatorState>(emu, "GET", "/_emulator/state");
  const afterFirst = untrackedOrDuplicated(
    fleetObjects(await state(), customerIds),
    readCheckpoint(env, CHAOS_PROJECT, stackName),
  );

  let rerun = "not needed";
  let rerunSucceeded: boolean | undefined;
  let rerunLog: EventLog | undefined;
  if (!firstSucceeded) {
    await emulatorOk(emu, "DELETE", "/_emulator/faults");
    await emulatorOk(emu, "POST", "/_emulator/config", { body: { eventualConsistencyReads: 0 } });
    await letReplicationFinish(emu, schedule.eventualConsistencyReads);
    const firstErrors = [...new Set(log.errors())].filter((m) => m.trim() !== "update failed");
    if (firstErrors.length)
      first += ` — ${firstErrors.length} resource errors, e.g. ${firstErrors[0].trim().slice(0, 300)}`;
    rerunLog = new EventLog();
    rerun = await stack.up({ ...watch, onEvent: rerunLog.onEvent }).then(() => "succeeded", failed);
    rerunSucceeded = rerun === "succeeded";
  }
  const requests = await emulatorOk<unknown[]>(emu, "GET", "/_emulator/requests");
  const objects = fleetObjects(await state(), customerIds);
  const checkpoint = readCheckpoint(env, CHAOS_PROJECT, stackName);

  // Secrets: the configured credentials and every generated password, in engine output, request log and state.
  const exported = await stack.exportStack();
  const secrets: Record<string, string> = { ...cfg.secrets };
  for (const r of exported.deployment.resources ?? []) {
    const pw = plaintextOf(r.outputs?.initialPassword);
    if (typeof pw === "string") secrets[`initialPassword of ${r.urn}`] = pw;
  }
  // Debug-severity diagnostics are left out: @pulumi/pulumi's own "RegisterResource RPC finished" debug line
  // prints resolved outputs, secret ones in plaintext (shown only with --debug; counted apart).
  const events = [...log.events, ...(rerunLog?.events ?? [])];
  const isDebug = (e: (typeof events)[number]) => (e.diagnosticEvent?.severity as string | undefined) === "debug";
  const engineText = [...output, ...events.filter((e) => !isDebug(e)).map((e) => JSON.stringify(e))].join("\n");
  const debugText = events
    .filter(isDebug)
    .map((e) => JSON.stringify(e))
    .join("\n");
  const leaks: string[] = [];
  for (const [where, text] of [
    ["engine output and provider log", engineText],
    ["emulator request log", JSON.stringify(requests)],
    ["stored state", checkpoint.text],
  ] as const) {
    for (const name of leakedSecrets(text, secrets)) leaks.push(`${where}: ${name}`);
    if (JWT_RE.test(text)) leaks.push(`${where}: an access token`);
  }
  return {
    schedule: describeSchedule(schedule),
    declared: resourceCount(fleet),
    users: fleet.length,
    first,
    firstSucceeded,
    rerun,
    rerunSucceeded,
    afterFirst,
    afterLast: untrackedOrDuplicated(objects, checkpoint),
    differences: differences(fleet, objects),
    tracked: checkpoint.resources.filter((r) => r.type.startsWith("pulumi-nodejs:dynamic/")).length,
    secretsChecked: Object.keys(secrets).length - Object.keys(cfg.secrets).length,
    leaks,
    sdkDebugLeaks: leakedSecrets(debugText, secrets).length,
    seconds: Math.round((Date.now() - started) / 1000),
    faultsFired,
    requests: requests.length,
  };
}
