// Builds the npm tarball of pulumi-partner-center from a clean compile, never from the working dist/ (which can
// hold files of deleted sources): provider/ and emulator/ are compiled into a staging folder beside package.json,
// README, LICENSE and the folders package.json "files" names, then `npm pack` applies "files" there.
// Used by the release steps (README, Development: Releasing) and by the package and end-to-end tests, which also pack an
// older commit (sourceDir = a `git archive` of it) with a stamped version to test upgrades.
// Choice: no source maps in the tarball (their sources are not shipped); the packed package.json has no "scripts"
// (npm 11 lists `prepare` as an install script of a tarball dependency, and it would rebuild without sources);
// the checkout's TypeScript compiles any source tree, with the checkout's node_modules for types.
//
//   node dist/scripts/pack.js [--out DIR] [--version X.Y.Z]     prints the tarball path, its size and file count
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { parseArgs } from "util";
import { repoRoot } from "./pulumi-env";

export interface PackOptions {
  /** Folder to write the tarball into (created). */
  outDir: string;
  /** Source tree to pack (default: this checkout); it needs package.json, tsconfig.json, provider/, emulator/. */
  sourceDir?: string;
  /** Version written into the packed package.json (default: the source's own). */
  version?: string;
}

export interface PackResult {
  tarball: string;
  name: string;
  version: string;
  /** Compressed size in bytes. */
  size: number;
  unpackedSize: number;
  /** Paths inside the package, e.g. `dist/provider/index.js`. */
  files: string[];
}

interface NpmPackEntry {
  filename: string;
  name: string;
  version: string;
  size: number;
  unpackedSize: number;
  files: Array<{ path: string }>;
}

/** Compiles, stages and packs; the staging folder is removed afterwards. */
export function packPackage(opts: PackOptions): PackResult {
  const sourceDir = path.resolve(opts.sourceDir ?? repoRoot);
  const outDir = path.resolve(opts.outDir);
  fs.mkdirSync(outDir, { recursive: true });
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "pc-pack-"));
  try {
    const stage = path.join(work, "package");
    fs.mkdirSync(stage);
    compile(sourceDir, work, path.join(stage, "dist"));
    const pkg = JSON.parse(fs.readFileSync(path.join(sourceDir, "package.json"), "utf8")) as Record<string, unknown> & {
      files?: string[];
    };
    if (opts.version) pkg.version = opts.version;
    delete pkg.scripts; // they build and test a checkout; an installed tarball is built, and `prepare` would try to rebuild it
    fs.writeFileSync(path.join(stage, "package.json"), `${JSON.stringify(pkg, null, 2)}\n`);
    for (const entry of fs.readdirSync(sourceDir)) {
      if (/^(README|LICENSE|NOTICE)(\..*)?$/i.test(entry))
        fs.copyFileSync(path.join(sourceDir, entry), path.join(stage, entry));
    }
    for (const dir of stagedFolders(pkg.files)) {
      const from = path.join(sourceDir, dir);
      if (fs.existsSync(from)) fs.cpSync(from, path.join(stage, dir), { recursive: true });
    }
    const json = execFileSync("npm", ["pack", "--json", "--ignore-scripts", "--pack-destination", outDir], {
      cwd: stage,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
    });
    const [entry] = JSON.parse(json) as NpmPackEntry[];
    return {
      tarball: path.join(outDir, entry.filename),
      name: entry.name,
      version: entry.version,
      size: entry.size,
      unpackedSize: entry.unpackedSize,
      files: entry.files.map((f) => f.path).sort(),
    };
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

/** Top-level folders (other than dist) that "files" draws from; without "files", the tenant-spec schema. */
function stagedFolders(files: string[] | undefined): string[] {
  if (!files) return ["schema"];
  const tops = files.filter((f) => !f.startsWith("!")).map((f) => f.replace(/^\.\//, "").split("/")[0]);
  return [...new Set(tops)].filter((t) => t !== "dist" && t !== "" && !t.includes("*"));
}

function compile(sourceDir: string, work: string, outDir: string): void {
  const nodeModules = path.join(sourceDir, "node_modules");
  if (!fs.existsSync(nodeModules)) fs.symlinkSync(path.join(repoRoot, "node_modules"), nodeModules, "dir");
  const config = path.join(work, "tsconfig.pack.json");
  fs.writeFileSync(
    config,
    JSON.stringify({
      extends: path.join(sourceDir, "tsconfig.json"),
      compilerOptions: {
        outDir,
        rootDir: sourceDir,
        sourceMap: false,
        declarationMap: false,
        incremental: false,
        noEmitOnError: true,
        typeRoots: [path.join(nodeModules, "@types")],
      },
      include: [path.join(sourceDir, "provider", "**", "*.ts"), path.join(sourceDir, "emulator", "**", "*.ts")],
    }),
  );
  const tsc = path.join(repoRoot, "node_modules", "typescript", "bin", "tsc");
  try {
    execFileSync(process.execPath, [tsc, "-p", config], {
      cwd: sourceDir,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
    });
  } catch (e) {
    const out = (e as { stdout?: string }).stdout ?? "";
    throw new Error(`pack: TypeScript failed to compile ${sourceDir}:\n${out.split("\n").slice(0, 20).join("\n")}`, {
      cause: e,
    });
  }
}

if (require.main === module) {
  const { values } = parseArgs({ options: { out: { type: "string" }, version: { type: "string" } }, strict: true });
  const result = packPackage({ outDir: values.out ?? process.cwd(), version: values.version });
  console.log(result.tarball);
  console.log(
    `${result.name}@${result.version}: ${result.files.length} files, ${(result.size / 1024).toFixed(1)} kB packed, ` +
      `${(result.unpackedSize / 1024).toFixed(1)} kB unpacked`,
  );
}
