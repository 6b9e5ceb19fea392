// Chaos suite: the 100-resource fleet (test/chaos/fleet.ts) applied by the real Pulumi engine while the emulator
// runs a seeded fault schedule (429 bursts, 5xx, connection resets, latency, apply-then-fail, eventual
// consistency). After `up` — and at most one re-run — the emulator holds exactly the declared objects, nothing
// is duplicated, nothing exists that state does not know, and no secret appears in the engine output (which
// carries the provider process's log), the emulator's request log or the stored state.
// Small form (2 schedules covering all six fault kinds) in the normal test pass; CHAOS=full runs
// CHAOS_SCHEDULES (default 12) drawn schedules. A summary of schedules and outcomes is printed at the end.
// Choice: the re-run happens after the fault schedule is removed (the incident is over) and replication has
// caught up (the emulator counts eventual consistency in reads, so the hidden reads are used up first); the
// first run must already leave nothing untracked or duplicated, whether it succeeded or not.
// Choice: the client's default of 3 retries (the harness's e2e config uses 2) and a high emulator rate limit,
// so that only the schedule's own 429s throttle.
import { strict as assert } from "assert";
import * as path from "path";
import { startEmulator } from "../../emulator";
import { appUserToken, emulatorOk, type EmulatorEndpoint } from "../../scripts/emulator-http";
import {
  engineErrorSummary,
  EventLog,
  leakedSecrets,
  plaintextOf,
  providerConfig,
  readCheckpoint,
  repoRoot,
  stackFor,
  tempPulumiEnv,
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
import { describeSchedule, INGREDIENTS, scheduleFor, type Ingredient, type Schedule } from "./schedules";

type EmulatorEndpointWithSeed = EmulatorEndpoint & { seed: Awaited<ReturnType<typeof startEmulator>>["seed"] };

const FULL = process.env.CHAOS === "full";
const PROJECT = "pc-chaos";
const projectDir = path.join(repoRoot, "test", "chaos", "project");
const JWT_RE = /eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\./;

const SMALL: Array<{ seed: number; force: Ingredient[] }> = [
  { seed: 101, force: ["burst429", "serverErrors", "resets"] },
  { seed: 202, force: ["latency", "applyThenFail", "eventualConsistency"] },
];
const schedules: Schedule[] = FULL
  ? Array.from({ length: Number(process.env.CHAOS_SCHEDULES ?? 12) }, (_, i) => scheduleFor(1000 + i))
  : SMALL.map((s) => scheduleFor(s.seed, s.force));

/** The emulator hides a new user for N reads (not for a time): N list reads per customer end the window. */
async function letReplicationFinish(emu: EmulatorEndpointWithSeed, reads: number): Promise<void> {
  if (!reads) return;
  const token = await appUserToken(
    emu,
    emu.seed.partners.find((p) => p.tenantId === emu.seed.defaultPartnerId),
  );
  for (const c of emu.seed.partners.find((p) => p.tenantId === emu.seed.defaultPartnerId)!.customers) {
    for (let i = 0; i < reads; i++) await emulatorOk(emu, "GET", `/v1/customers/${c.id}/users?size=500`, { token });
  }
}

interface Outcome {
  schedule: string;
  first: string;
  rerun: string;
  seconds: number;
  faultsFired: number;
  requests: number;
  sdkDebugLeaks?: number;
}

describe(`chaos: 100-resource fleet under fault schedules (${FULL ? "full" : "small"} form, ${schedules.length} schedules)`, function () {
  this.timeout(FULL ? 900_000 : 240_000);
  let emu: Awaited<ReturnType<typeof startEmulator>>;
  let env: Awaited<ReturnType<typeof tempPulumiEnv>>;
  const outcomes: Outcome[] = [];
  const partner = () => emu.seed.partners.find((p) => p.tenantId === emu.seed.defaultPartnerId)!;

  before(async () => {
    emu = await startEmulator({ rateLimitPerMinute: 1_000_000, diagnostic: () => {} });
    env = await tempPulumiEnv();
  });
  after(async () => {
    if (outcomes.length) {
      console.log(`\n    chaos summary: ${outcomes.length} schedules`);
      for (const o of outcomes)
        console.log(
          `      ${o.schedule}\n        first up: ${o.first}; re-run: ${o.rerun}; ${o.seconds}s, ${o.faultsFired} faults fired, ${o.requests} requests` +
            (o.sdkDebugLeaks
              ? `; ${o.sdkDebugLeaks} generated passwords appear in @pulumi/pulumi debug diagnostics`
              : ""),
        );
    }
    env?.dispose();
    await emu?.close();
  });

  it("every fault kind is covered by the schedules", () => {
    const covered = new Set(schedules.flatMap((s) => s.ingredients));
    assert.deepEqual(
      INGREDIENTS.filter((i) => !covered.has(i)),
      [],
    );
  });

  for (const schedule of schedules) {
    it(describeSchedule(schedule), async () => {
      const started = Date.now();
      await emulatorOk(emu, "POST", "/_emulator/reset", { body: {} });
      const fleet = declareFleet(partner().customers.map((c) => ({ id: c.id, domain: c.domain })));
      const customerIds = partner().customers.map((c) => c.id);
      assert.equal(resourceCount(fleet), 99, "the stack declares 99 resources (100 with the stack itself)");
      const cfg = providerConfig(emu, partner());
      delete cfg.config["partnercenter:maxRetries"];
      const stackName = `s${schedule.seed}`;
      const stack = await stackFor(env, projectDir, stackName, cfg, fleetProgram(fleet));

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

      let first = await stack.up(watch).then(
        () => "succeeded",
        (e: unknown) => {
          output.push(e instanceof Error ? e.message : String(e));
          return `failed (${engineErrorSummary(e).split("\n")[0].slice(0, 160)})`;
        },
      );
      const remaining = await emulatorOk<Array<{ id: string; fired: number }>>(emu, "GET", "/_emulator/faults");
      // A rule that used up its `times` is dropped from the list: it fired exactly `times` times.
      const faultsFired = ruleIds.reduce(
        (n, id, i) => n + (remaining.find((r) => r.id === id)?.fired ?? schedule.rules[i].times ?? 0),
        0,
      );
      const state = () => emulatorOk<EmulatorState>(emu, "GET", "/_emulator/state");
      const afterFirst = untrackedOrDuplicated(
        fleetObjects(await state(), customerIds),
        readCheckpoint(env, PROJECT, stackName),
      );
      assert.deepEqual(afterFirst, [], `after the first up (${first}): nothing untracked or duplicated`);

      let rerun = "not needed";
      let firstErrors: string[] = [];
      let rerunLog: EventLog | undefined;
      if (first !== "succeeded") {
        await emulatorOk(emu, "DELETE", "/_emulator/faults");
        await emulatorOk(emu, "POST", "/_emulator/config", { body: { eventualConsistencyReads: 0 } });
        await letReplicationFinish(emu, schedule.eventualConsistencyReads);
        firstErrors = [...new Set(log.errors())].filter((m) => m.trim() !== "update failed");
        rerunLog = new EventLog();
        rerun = await stack.up({ ...watch, onEvent: rerunLog.onEvent }).then(
          () => "succeeded",
          (e: unknown) => {
            output.push(e instanceof Error ? e.message : String(e));
            return `failed (${engineErrorSummary(e).split("\n")[0].slice(0, 160)})`;
          },
        );
      }
      const requests = await emulatorOk<unknown[]>(emu, "GET", "/_emulator/requests");
      if (firstErrors.length)
        first += ` — ${firstErrors.length} resource errors, e.g. ${firstErrors[0].trim().slice(0, 300)}`;
      outcomes.push({
        schedule: describeSchedule(schedule),
        first,
        rerun,
        seconds: Math.round((Date.now() - started) / 1000),
        faultsFired,
        requests: requests.length,
      });

      const objects = fleetObjects(await state(), customerIds);
      const checkpoint = readCheckpoint(env, PROJECT, stackName);
      assert.deepEqual(
        differences(fleet, objects),
        [],
        `the emulator holds exactly the declared fleet (first up ${first}, re-run ${rerun})`,
      );
      assert.deepEqual(untrackedOrDuplicated(objects, checkpoint), []);
      assert.equal(
        checkpoint.resources.filter((r) => r.type.startsWith("pulumi-nodejs:dynamic/")).length,
        resourceCount(fleet),
      );

      // Secrets: the configured credentials and every generated password, in engine output, request log and state.
      const exported = await stack.exportStack();
      const secrets: Record<string, string> = { ...cfg.secrets };
      for (const r of exported.deployment.resources ?? []) {
        const pw = plaintextOf(r.outputs?.initialPassword);
        if (typeof pw === "string") secrets[`initialPassword of ${r.urn}`] = pw;
      }
      assert.equal(Object.keys(secrets).length, 2 + fleet.length, "every user got a generated password");
      // Debug-severity diagnostics are left out: @pulumi/pulumi's own "RegisterResource RPC finished" debug line
      // prints resolved outputs, secret ones in plaintext (shown only with --debug; counted in the summary).
      const events = [...log.events, ...(rerunLog?.events ?? [])];
      const isDebug = (e: (typeof events)[number]) => (e.diagnosticEvent?.severity as string | undefined) === "debug";
      const engineText = [...output, ...events.filter((e) => !isDebug(e)).map((e) => JSON.stringify(e))].join("\n");
      const debugText = events
        .filter(isDebug)
        .map((e) => JSON.stringify(e))
        .join("\n");
      outcomes[outcomes.length - 1].sdkDebugLeaks = leakedSecrets(debugText, secrets).length;
      const requestLog = JSON.stringify(requests);
      for (const [where, text] of [
        ["engine output and provider log", engineText],
        ["emulator request log", requestLog],
        ["stored state", checkpoint.text],
      ] as const) {
        assert.deepEqual(leakedSecrets(text, secrets), [], `no secret in the ${where}`);
        assert.doesNotMatch(text, JWT_RE, `no access token in the ${where}`);
      }
    });
  }
});
