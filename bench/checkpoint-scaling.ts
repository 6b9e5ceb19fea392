// How the default per-step checkpoints of the file backend scale: plain `pulumi up` of tenant specs with N users
// (role + license each, 3N resources) at several sizes, unthrottled, checkpoints on; the largest size once more
// with PULUMI_SKIP_CHECKPOINTS=true side by side, so the checkpoints' own cost shows as a ratio. The backend
// rewrites the whole checkpoint after every step, so its cost per resource grows with the stack (quadratic in
// total) and with the state bytes per resource, which are printed for each size.
// With a git revision as second argument, that revision's package runs beside the checkout's at every size
// (interleaved, so both see the same machine load): the before/after of the state size.
// Run: node dist/bench/checkpoint-scaling.js [users per size, default 50,100,200] [baseline revision]
import { startEmulator } from "../emulator";
import { emulatorOk } from "../scripts/emulator-http";
import { loadAverage, machine, ratio, runBench, seconds, table } from "./lib/report";
import { measure, specStack, stateOf } from "./lib/spec-stack";
import { printStateSize } from "./lib/state-size";
import { tenantSpecProject, type UserProject } from "./lib/user-project";

async function main(): Promise<void> {
  const sizes = (process.argv[2] ?? "50,100,200").split(",").map(Number);
  const baseline = process.argv[3];
  const emu = await startEmulator({ rateLimitPerMinute: 10_000_000, diagnostic: () => {} });
  const projects: Array<{ label: string; project: UserProject }> = [];
  try {
    if (baseline) projects.push({ label: baseline, project: tenantSpecProject("pc-bench-ckpt-base-", baseline) });
    projects.push({ label: "checkout", project: tenantSpecProject("pc-bench-ckpt-") });
    console.log(
      `checkpoint scaling: plain pulumi up of tenant specs with ${sizes.join(", ")} users, unthrottled; ` +
        `package: ${projects.map((p) => p.label).join(" and ")}`,
    );
    console.log(`machine: ${machine()}; load average at start ${loadAverage()}`);
    const last = sizes[sizes.length - 1];
    const runs = [
      ...sizes.flatMap((n) => projects.map((p) => ({ users: n, skip: false, ...p }))),
      { users: last, skip: true, ...projects[projects.length - 1] },
    ];
    const rows: Array<Array<string | number>> = [];
    let failed = false;
    const onWall = new Map<string, number>();
    for (const [i, r] of runs.entries()) {
      await emulatorOk(emu, "POST", "/_emulator/reset", { body: {} });
      const s = await specStack(emu, r.project, `c${i}`, r.users);
      if (r.skip) s.env.envVars.PULUMI_SKIP_CHECKPOINTS = "true";
      const up = await measure(s, ["up", "--yes", "--skip-preview"]);
      const size = stateOf(s);
      if (!r.skip) {
        console.log(`${r.label}, ${r.users * 3} resources:`);
        printStateSize(size);
        onWall.set(`${r.label}/${r.users}`, up.run.ms);
      }
      failed ||= up.run.code !== 0 || up.run.failedResources > 0 || size.resources !== r.users * 3;
      const on = onWall.get(`${r.label}/${r.users}`) ?? 0;
      rows.push([
        r.label,
        r.users * 3,
        r.skip ? "skipped" : "on",
        seconds(up.run.ms),
        (up.run.ms / (r.users * 3)).toFixed(1),
        (size.fileBytes / Math.max(size.resources, 1)).toFixed(0),
        size.perResource.provider.toFixed(0),
        up.run.ops.create ?? 0,
        up.run.failedResources,
        r.skip ? `on / skipped = ${ratio(on, up.run.ms)}` : "",
      ]);
    }
    console.log(
      table(
        [
          "package",
          "resources",
          "checkpoints",
          "wall s",
          "ms / resource",
          "checkpoint bytes / resource",
          "__provider bytes / resource",
          "created",
          "failed",
          "",
        ],
        rows,
      ),
    );
    console.log(`load average at end ${loadAverage()}`);
    if (failed) process.exitCode = 1;
  } finally {
    for (const p of projects) p.project.dispose();
    await emu.close();
  }
}

runBench(main);
