// Bytes of state per resource, from the checkpoint file the file backend wrote (the bytes it rewrites after every
// step): the whole file, and per resource of this package the inputs, the outputs and the serialized provider
// (`__provider`, held in both), as compact JSON.
import * as fs from "fs";
import * as path from "path";

export interface StateSize {
  fileBytes: number;
  resources: number;
  /** per resource of this package, mean compact-JSON bytes */
  perResource: { total: number; inputs: number; outputs: number; provider: number; nulls: number };
  /** mean bytes per resource of each key other than __provider (inputs and outputs together), largest first */
  keys: Array<[string, number]>;
}

interface CheckpointResource {
  type: string;
  inputs?: Record<string, unknown>;
  outputs?: Record<string, unknown>;
}

/** The newest checkpoint file of `stack` under a file backend's folder. */
export function checkpointFile(backendDir: string, stack: string): string {
  const found: string[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, e.name);
      if (e.isDirectory() && e.name !== "history" && e.name !== "backups") walk(full);
      else if (e.isFile() && e.name === `${stack}.json`) found.push(full);
    }
  };
  walk(path.join(backendDir, ".pulumi", "stacks"));
  if (found.length !== 1)
    throw new Error(`expected one checkpoint of ${stack} under ${backendDir}, found ${found.length}`);
  return found[0];
}

export function stateSize(file: string): StateSize {
  const text = fs.readFileSync(file, "utf8");
  const checkpoint = JSON.parse(text) as { checkpoint?: { latest?: { resources?: CheckpointResource[] } } };
  const ours = (checkpoint.checkpoint?.latest?.resources ?? []).filter((r) =>
    r.type.startsWith("pulumi-nodejs:dynamic/"),
  );
  const size = (v: unknown) => (v === undefined ? 0 : JSON.stringify(v).length);
  const sum = { total: 0, inputs: 0, outputs: 0, provider: 0, nulls: 0 };
  const keys = new Map<string, number>();
  for (const r of ours) {
    for (const [where, bag] of [
      ["in", r.inputs ?? {}],
      ["out", r.outputs ?? {}],
    ] as const)
      for (const [k, v] of Object.entries(bag))
        if (k !== "__provider") keys.set(`${where}.${k}`, (keys.get(`${where}.${k}`) ?? 0) + k.length + 3 + size(v));
    sum.total += size(r);
    sum.inputs += size(r.inputs);
    sum.outputs += size(r.outputs);
    sum.provider += size(r.inputs?.__provider) + size(r.outputs?.__provider);
    for (const bag of [r.inputs ?? {}, r.outputs ?? {}])
      for (const [k, v] of Object.entries(bag)) if (v === null) sum.nulls += k.length + 7;
  }
  const n = Math.max(ours.length, 1);
  return {
    fileBytes: Buffer.byteLength(text),
    resources: ours.length,
    perResource: {
      total: sum.total / n,
      inputs: sum.inputs / n,
      outputs: sum.outputs / n,
      provider: sum.provider / n,
      nulls: sum.nulls / n,
    },
    keys: [...keys.entries()].map(([k, v]): [string, number] => [k, v / n]).sort((a, b) => b[1] - a[1]),
  };
}

export function printStateSize(size: StateSize): void {
  const p = size.perResource;
  console.log(
    `state: checkpoint file ${(size.fileBytes / 1024).toFixed(0)} KiB for ${size.resources} resources = ` +
      `${(size.fileBytes / Math.max(size.resources, 1)).toFixed(0)} bytes per resource on disk; compact JSON per resource ` +
      `${p.total.toFixed(0)} bytes: inputs ${p.inputs.toFixed(0)}, outputs ${p.outputs.toFixed(0)}, ` +
      `__provider (inputs + outputs) ${p.provider.toFixed(0)}, null-valued keys ${p.nulls.toFixed(0)}; largest keys: ` +
      size.keys
        .slice(0, 8)
        .map(([k, v]) => `${k} ${v.toFixed(0)}`)
        .join(", "),
  );
}
