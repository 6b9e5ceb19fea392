// The plain `pulumi` CLI as a subprocess (what a user types), in a project folder, with the offline environment
// of scripts/pulumi-env.ts; memory from /proc while it runs.
// Choice: engine events come from `--json` (newline-delimited engine events on stdout; for preview with
// PULUMI_ENABLE_STREAMING_JSON_PREVIEW=true), read as they arrive: CLI v3.274 has no `--event-log` flag.
import { spawn } from "child_process";
import * as path from "path";
import { performance } from "perf_hooks";
import type { EngineEvent } from "@pulumi/pulumi/automation";
import type { PulumiEnv } from "../../scripts/pulumi-env";
import { DescendantMemory, type ProcessPeak } from "./process-memory";

export interface CliRun {
  ms: number;
  code: number | null;
  /** the last lines of stdout and stderr (never parsed for figures) */
  tail: string;
  /** engine outcomes of the package's resources, by op (create, same, update, refresh, ...) */
  ops: Record<string, number>;
  /** the same for the preview phase (`planning` events: all of a preview's, the first half of an up's) */
  plannedOps: Record<string, number>;
  /** resources the engine reported an error diagnostic for */
  failedResources: number;
  errors: string[];
  peaks: ProcessPeak[];
}

/** Runs `pulumi <args>`; `stdin` is written to its standard input (a secret config value); with `events`, the
 *  command gets `--json` and its engine events are counted. */
export function pulumiCli(
  env: PulumiEnv,
  cwd: string,
  args: string[],
  opts: { stdin?: string; events?: boolean; sampleMemory?: boolean } = {},
): Promise<CliRun> {
  const fullArgs = opts.events ? [...args, "--json"] : args;
  const memory = opts.sampleMemory ? new DescendantMemory().start() : undefined;
  const started = performance.now();
  const ops: Record<string, number> = {};
  const plannedOps: Record<string, number> = {};
  const errors: string[] = [];
  const failed = new Set<string>();
  const onEvent = (e: EngineEvent) => {
    const m = e.resOutputsEvent?.metadata;
    const into = e.resOutputsEvent?.planning ? plannedOps : ops;
    if (m && m.type.startsWith("pulumi-nodejs:dynamic/")) into[m.op] = (into[m.op] ?? 0) + 1;
    const d = e.diagnosticEvent;
    if (d?.severity === "error") {
      errors.push(d.message.trim());
      if (d.urn?.includes("pulumi-nodejs:dynamic/")) failed.add(d.urn);
    }
  };
  return new Promise((resolve, reject) => {
    const child = spawn(path.join(env.binDir, "pulumi"), fullArgs, {
      cwd,
      env: { ...process.env, ...env.envVars, ...(opts.events ? { PULUMI_ENABLE_STREAMING_JSON_PREVIEW: "true" } : {}) },
      stdio: ["pipe", "pipe", "pipe"],
    });
    let tail = "";
    let partial = "";
    const keep = (text: string) => {
      tail = (tail + text).slice(-20_000);
    };
    child.stdout.on("data", (b: Buffer) => {
      const text = b.toString("utf8");
      if (!opts.events) return keep(text);
      const lines = (partial + text).split("\n");
      partial = lines.pop() ?? "";
      for (const line of lines) {
        if (!line.startsWith("{")) {
          keep(`${line}\n`);
          continue;
        }
        try {
          onEvent(JSON.parse(line) as EngineEvent);
        } catch {
          keep(`${line.slice(0, 500)}\n`);
        }
      }
    });
    child.stderr.on("data", (b: Buffer) => keep(b.toString("utf8")));
    child.stdin.end(opts.stdin ?? "");
    child.on("error", reject);
    child.on("close", (code) => {
      resolve({
        ms: performance.now() - started,
        code,
        tail: tail.split("\n").slice(-30).join("\n"),
        ops,
        plannedOps,
        failedResources: failed.size,
        errors,
        peaks: memory?.stop() ?? [],
      });
    });
  });
}

/** `pulumi stack init` and the provider settings: plain values as arguments, secrets through standard input. */
export async function initStack(
  env: PulumiEnv,
  cwd: string,
  stack: string,
  config: Record<string, string>,
  secrets: Record<string, string>,
): Promise<void> {
  const must = async (args: string[], stdin?: string) => {
    const r = await pulumiCli(env, cwd, ["--non-interactive", ...args], { stdin });
    if (r.code !== 0) throw new Error(`pulumi ${args.slice(0, 3).join(" ")} failed (exit ${r.code})`);
  };
  await must(["stack", "init", stack]);
  for (const [k, v] of Object.entries(config)) await must(["config", "set", k, "--", v]);
  for (const [k, v] of Object.entries(secrets)) await must(["config", "set", "--secret", k], v);
}
