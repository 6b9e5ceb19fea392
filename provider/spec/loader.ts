// Reads tenant spec files (one YAML file per customer) and validates them all before anything runs. Every
// problem names the file, the line and column, the path inside the spec and the fix; all problems of all
// files are reported together in one TenantSpecError.
// Choice: a directory is read recursively (*.yaml, *.yml; names starting with "." or "_" are skipped); an
// empty one is an error, because applying "no customers" would delete every managed object.
// Choice: spec files are data, not a way in: a symbolic link (file or folder) is followed only when it resolves
// inside the tenants folder; one that leads outside it, or nowhere, is reported (and never read), and a folder
// reached twice through links is read once.

import { existsSync, readdirSync, readFileSync, realpathSync, statSync } from "fs";
import { isAbsolute, join, relative, resolve } from "path";
import { isMap, isScalar, LineCounter, parseDocument, type Document } from "yaml";
import { issuesToProblems, TenantSpecError, formatPath, type PathSegment, type SpecProblem } from "./problems";
import { TenantSpecSchema, type TenantSpec } from "./schema";

export interface LoadedSpec {
  /** The file as shown in messages (relative to the working directory when inside it). */
  file: string;
  spec: TenantSpec;
}

/** Validates one file's text; returns the spec or the problems (never throws for bad content). */
export function parseTenantSpec(text: string, file: string): { spec?: TenantSpec; problems: SpecProblem[] } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: true, uniqueKeys: true });
  if (doc.errors.length > 0) {
    return {
      problems: doc.errors.map((e) => {
        const pos = e.linePos?.[0];
        const key = (/^("[^"\n]*"|'[^'\n]*'|[^:\n]*)/.exec(text.slice(e.pos[0]))?.[1] ?? "")
          .trim()
          .replace(/^["']|["']$/g, "");
        const message =
          e.code === "DUPLICATE_KEY"
            ? `the key "${key}" appears twice in one mapping. Fix: keep one of them`
            : `${e.message.split("\n")[0].replace(/ at line \d+, column \d+:?$/, "")}. Fix: correct the YAML syntax (indentation with spaces, a space after ":" and "-", quotes around values with ": " or "#")`;
        return { file, line: pos?.line, column: pos?.col, path: "", message };
      }),
    };
  }
  const wholeFile = (message: string) => ({ problems: [{ file, line: 1, column: 1, path: "", message }] });
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 1000 });
  } catch (e) {
    return wholeFile(
      `${(e as Error).message.split("\n")[0]}: YAML anchors and aliases (&name, *name) expand too far. Fix: write the values out instead of repeating aliases`,
    );
  }
  if (data === null || data === undefined) {
    return wholeFile("the file is empty. Fix: start with `customer: <tenant id or domain>`, or delete the file");
  }
  const result = TenantSpecSchema.safeParse(data);
  if (result.success) return { spec: result.data, problems: [] };
  return {
    problems: issuesToProblems(result.error.issues).map((p) => {
      const pos = positionOf(doc, lineCounter, p.path, p.key !== undefined);
      return { file, ...pos, path: formatPath(p.path), message: p.message };
    }),
  };
}

/** Line and column of the deepest node of `path` that exists (of the key itself for an unknown key). */
function positionOf(
  doc: Document,
  lc: LineCounter,
  path: PathSegment[],
  atKey: boolean,
): { line?: number; column?: number } {
  for (let n = path.length; n >= 0; n--) {
    const prefix = path.slice(0, n);
    if (atKey && n === path.length && n > 0) {
      const parent = prefix.length > 1 ? doc.getIn(prefix.slice(0, -1), true) : doc.contents;
      if (isMap(parent)) {
        const pair = parent.items.find((i) => isScalar(i.key) && String(i.key.value) === String(path[path.length - 1]));
        const range = (pair?.key as { range?: [number, number, number] } | undefined)?.range;
        if (range) return at(lc, range[0]);
      }
      continue;
    }
    const node = (n === 0 ? doc.contents : doc.getIn(prefix, true)) as
      { range?: [number, number, number] } | null | undefined;
    if (node?.range) return at(lc, node.range[0]);
  }
  return {};
}

function at(lc: LineCounter, offset: number): { line: number; column: number } {
  const { line, col } = lc.linePos(offset);
  return { line, column: col };
}

function displayName(path: string, cwd: string): string {
  const rel = relative(cwd, path);
  return rel && !rel.startsWith("..") ? rel : path;
}

/** A problem with a file or folder as a whole (no path inside a spec). */
function fileProblem(path: string, cwd: string, message: string): SpecProblem {
  return { file: displayName(path, cwd), path: "", message };
}

const isInside = (root: string, path: string) => {
  const rel = relative(root, path);
  return rel === "" || (!rel.startsWith("..") && !isAbsolute(rel));
};

/** The spec files under `top`; links that lead outside it or nowhere become problems. */
function specFilesIn(top: string, cwd: string, problems: SpecProblem[]): string[] {
  const root = realpathSync(top);
  const out: string[] = [];
  const seen = new Set<string>();
  const walk = (dir: string) => {
    const real = realpathSync(dir);
    if (seen.has(real)) return;
    seen.add(real);
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (entry.name.startsWith(".") || entry.name.startsWith("_")) continue;
      const full = join(dir, entry.name);
      let isDir = entry.isDirectory();
      if (entry.isSymbolicLink()) {
        let target: string;
        try {
          target = realpathSync(full);
        } catch {
          problems.push(
            fileProblem(
              full,
              cwd,
              "is a symbolic link to nothing. Fix: remove the link, or point it at a spec inside the tenants folder",
            ),
          );
          continue;
        }
        if (!isInside(root, target)) {
          problems.push(
            fileProblem(
              full,
              cwd,
              "is a symbolic link that leads outside the tenants folder, so it is not read. Fix: move or copy the spec into the tenants folder, or point tenantsPath at the folder that holds it",
            ),
          );
          continue;
        }
        isDir = statSync(target).isDirectory();
      }
      if (isDir) walk(full);
      else if (/\.ya?ml$/i.test(entry.name)) out.push(full);
    }
  };
  walk(top);
  return out;
}

/** Loads every spec under `path` (a directory or one file); throws TenantSpecError listing every problem. */
export function loadTenantSpecs(path: string, opts: { cwd?: string } = {}): LoadedSpec[] {
  const cwd = opts.cwd ?? process.cwd();
  const target = resolve(cwd, path);
  if (!existsSync(target)) {
    throw new TenantSpecError([
      fileProblem(
        target,
        cwd,
        "does not exist. Fix: create it (partner-center export --customer <id|domain> --out <dir> writes one file per customer), or point the tenantsPath config at your tenants directory",
      ),
    ]);
  }
  const problems: SpecProblem[] = [];
  const files = statSync(target).isDirectory() ? specFilesIn(target, cwd, problems) : [target];
  if (files.length === 0 && problems.length > 0) throw new TenantSpecError(problems);
  if (files.length === 0) {
    throw new TenantSpecError([
      fileProblem(
        target,
        cwd,
        "holds no *.yaml tenant spec, and applying no customers would delete every managed object. Fix: add a spec (partner-center export --customer <id|domain> --out <dir>), or use `pulumi destroy` to remove everything on purpose",
      ),
    ]);
  }
  const loaded: LoadedSpec[] = [];
  const byCustomer = new Map<string, string>();
  for (const full of files) {
    const file = displayName(full, cwd);
    const { spec, problems: found } = parseTenantSpec(readFileSync(full, "utf8"), file);
    problems.push(...found);
    if (!spec) continue;
    const key = spec.customer.toLowerCase();
    const other = byCustomer.get(key);
    if (other)
      problems.push({
        file,
        path: "customer",
        message: `${spec.customer} is already described by ${other}. Fix: describe each customer in one file`,
      });
    else byCustomer.set(key, file);
    loaded.push({ file, spec });
  }
  if (problems.length > 0) throw new TenantSpecError(problems);
  return loaded;
}
