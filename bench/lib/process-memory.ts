// Peak memory of this process's descendants while something runs: every 250 ms, /proc/<pid>/status VmHWM (the
// kernel's own high-water mark of resident memory) of each descendant, kept per pid until it exits, and
// classified by command line as the Pulumi engine (the `pulumi` CLI), the dynamic provider (node running
// @pulumi/pulumi's dynamic-provider) or other.
import { readdirSync, readFileSync } from "fs";

export type ProcessKind = "engine" | "provider" | "other";
export interface ProcessPeak {
  pid: number;
  kind: ProcessKind;
  command: string;
  peakKiB: number;
}

function read(path: string): string | undefined {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return undefined;
  }
}

function parentOf(pid: number): number | undefined {
  const stat = read(`/proc/${pid}/stat`);
  if (!stat) return undefined;
  return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
}

export function kindOf(command: string): ProcessKind {
  // (the plugin's shell wrapper first runs `node -e "...require.resolve('.../dynamic-provider')"`: not the provider)
  if (/dynamic-provider/.test(command) && !/require\.resolve/.test(command)) return "provider";
  if (/(^|\/)pulumi(\s|$)/.test(command)) return "engine";
  return "other";
}

/** VmHWM of `pid` in KiB (peak resident set since it started). */
export function peakKiB(pid: number): number | undefined {
  const m = /VmHWM:\s+(\d+) kB/.exec(read(`/proc/${pid}/status`) ?? "");
  return m ? Number(m[1]) : undefined;
}

export class DescendantMemory {
  private readonly peaks = new Map<number, ProcessPeak>();
  private timer?: NodeJS.Timeout;

  start(root = process.pid): this {
    const sample = () => {
      const parents = new Map<number, number>();
      for (const name of readdirSync("/proc")) {
        if (!/^\d+$/.test(name)) continue;
        const ppid = parentOf(Number(name));
        if (ppid !== undefined) parents.set(Number(name), ppid);
      }
      const isDescendant = (pid: number): boolean => {
        for (let p = parents.get(pid), hops = 0; p !== undefined && hops < 32; p = parents.get(p), hops++)
          if (p === root) return true;
        return false;
      };
      for (const pid of parents.keys()) {
        if (!isDescendant(pid)) continue;
        const peak = peakKiB(pid);
        if (peak === undefined) continue;
        const command = (read(`/proc/${pid}/cmdline`) ?? "").split("\0").join(" ").trim();
        const known = this.peaks.get(pid);
        if (known) known.peakKiB = Math.max(known.peakKiB, peak);
        else this.peaks.set(pid, { pid, kind: kindOf(command), command: command.slice(0, 120), peakKiB: peak });
      }
    };
    sample();
    this.timer = setInterval(sample, 250);
    return this;
  }

  stop(): ProcessPeak[] {
    if (this.timer) clearInterval(this.timer);
    return [...this.peaks.values()];
  }
}

/** The largest peak of each kind, in MiB. */
export function peaksByKind(peaks: ProcessPeak[]): Record<ProcessKind, number> {
  const out: Record<ProcessKind, number> = { engine: 0, provider: 0, other: 0 };
  for (const p of peaks) out[p.kind] = Math.max(out[p.kind], p.peakKiB / 1024);
  return out;
}
