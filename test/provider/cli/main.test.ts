import assert from "node:assert/strict";
import { spawn } from "child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from "fs";
import https from "https";
import { tmpdir } from "os";
import { join, resolve } from "path";
import { COMMANDS } from "../../../provider/cli/commands";
import { main } from "../../../provider/cli/main";
import { captureIo } from "./cli-io";

const ROOT = resolve(__dirname, "../../..");
const version = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")).version;

/** `partner-center emulator <args>` from source in a child process; `ready` once it says how to stop it. */
function spawnEmulatorCli(args: string[]) {
  const child = spawn(
    process.execPath,
    ["-r", "ts-node/register/transpile-only", join(ROOT, "provider/cli/main.ts"), "emulator", ...args],
    {
      cwd: ROOT,
      env: { ...process.env, TS_NODE_TRANSPILE_ONLY: "true" },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let stdout = "";
  child.stdout.on("data", (d) => {
    stdout += d;
  });
  const exited = new Promise<number | null>((res) => child.on("exit", (code) => res(code)));
  const ready = new Promise<void>((res, rej) => {
    child.stdout.on("data", () => {
      if (stdout.includes("Press Ctrl+C")) res();
    });
    child.on("exit", () => rej(new Error("emulator exited early")));
  });
  return { child, exited, ready, output: () => stdout };
}

describe("partner-center CLI", () => {
  it("prints --version from package.json and --help listing the emulator command", async () => {
    const io = captureIo();
    assert.equal(await main(["--version"], io), 0);
    assert.deepEqual(io.lines, [version]);
    const help = captureIo();
    assert.equal(await main(["--help"], help), 0);
    assert.match(help.lines.join("\n"), /emulator\s+run the local Partner Center emulator/);
    assert.match(help.lines.join("\n"), new RegExp(`partner-center ${version.replace(/\./g, "\\.")}`));
  });

  it("`<command> --help` prints that command's usage and runs nothing, for every command", async () => {
    for (const [name, command] of Object.entries(COMMANDS)) {
      const io = captureIo();
      assert.equal(await main([name, "--help"], io), 0, name);
      assert.deepEqual(io.lines, [command.usage], name);
      assert.deepEqual(io.errors, [], name);
    }
  });

  it("rejects unknown commands and flags with a usage error (exit 2)", async () => {
    const io = captureIo();
    assert.equal(await main(["frobnicate"], io), 2);
    assert.match(io.errors[0], /unknown command 'frobnicate'/);
    const flags = captureIo();
    assert.equal(await main(["emulator", "--prot", "1"], flags), 2);
    assert.match(flags.errors[0], /--prot/);
    const port = captureIo();
    assert.equal(await main(["emulator", "--port", "http"], port), 2);
    assert.match(port.errors[0], /--port must be a number/);
  });

  it("every message of the real process ends with exactly one newline: usage, a report on stdout, an error", async () => {
    const dir = mkdtempSync(join(tmpdir(), "pc-cli-lines-"));
    const run = (args: string[], env: NodeJS.ProcessEnv = {}) =>
      new Promise<{ code: number | null; stdout: string; stderr: string }>((res) => {
        const child = spawn(
          process.execPath,
          ["-r", "ts-node/register/transpile-only", join(ROOT, "provider/cli/main.ts"), ...args],
          {
            cwd: ROOT,
            env: { ...process.env, TS_NODE_TRANSPILE_ONLY: "true", ...env },
            stdio: ["ignore", "pipe", "pipe"],
          },
        );
        let stdout = "";
        let stderr = "";
        child.stdout.on("data", (d) => (stdout += d));
        child.stderr.on("data", (d) => (stderr += d));
        child.on("close", (code) => res({ code, stdout, stderr }));
      });
    const fixture = join(__dirname, "fixtures", "preview.json");
    try {
      const runs = await Promise.all([
        run(["preview-report", "--max-chars", "1"]),
        run(["preview-report", "--in", fixture]),
        run(["preview-report", "--in", join(dir, "missing.json")]),
      ]);
      assert.deepEqual(
        runs.map((r) => r.code),
        [2, 0, 1],
      );
      const texts = runs.flatMap((r) => [r.stdout, r.stderr]).filter((t) => t !== "");
      assert.equal(texts.length, 3, "each run wrote one stream");
      for (const text of texts) assert.match(text, /[^\n]\n$/, JSON.stringify(text.slice(-80)));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("runs the emulator in the foreground, writes the CA and credentials files, prints no secret, and stops on SIGTERM", async function () {
    const dir = mkdtempSync(join(tmpdir(), "pc-cli-"));
    const state = join(dir, "emu.json");
    const emulator = spawnEmulatorCli(["--state", state]);
    const { child, exited } = emulator;
    try {
      await emulator.ready;
      const stdout = emulator.output();
      const url = /API base URL:\s+(\S+)/.exec(stdout)![1];
      assert.match(stdout, new RegExp(`CA certificate:\\s+${state.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\.ca\\.pem`));
      const credentials = JSON.parse(readFileSync(`${state}.credentials.json`, "utf8"));
      assert.equal(statSync(`${state}.credentials.json`).mode & 0o777, 0o600);
      for (const p of credentials.partners) {
        for (const secret of [p.app.clientSecret, p.user.clientSecret, p.user.refreshToken])
          assert.ok(!stdout.includes(secret), "stdout shows a secret");
      }
      const ca = readFileSync(`${state}.ca.pem`, "utf8");
      const status = await new Promise<number>((res, rej) =>
        https
          .get(`${url}/_emulator/seed`, { ca }, (r) => {
            r.resume();
            res(r.statusCode ?? 0);
          })
          .on("error", rej),
      );
      assert.equal(status, 200);
      child.kill("SIGTERM");
      assert.equal(await exited, 0);
      assert.ok(existsSync(state));
    } finally {
      if (child.exitCode === null) child.kill("SIGKILL");
    }
  });

  it("prints the default partner's credentials only with --print-credentials", async function () {
    const emulator = spawnEmulatorCli(["--print-credentials"]);
    const { child, exited } = emulator;
    try {
      await emulator.ready;
      const stdout = emulator.output();
      const credentialsPath = /Credentials file:\s+(\S+)/.exec(stdout)![1];
      const seed = JSON.parse(readFileSync(credentialsPath, "utf8"));
      const partner = seed.partners.find((p: { tenantId: string }) => p.tenantId === seed.defaultPartnerId);
      assert.ok(stdout.includes(`PARTNERCENTER_CLIENT_SECRET=${partner.user.clientSecret}`), "secret line missing");
      assert.ok(
        stdout.includes(`PARTNERCENTER_REFRESH_TOKEN=${partner.user.refreshToken}`),
        "refresh token line missing",
      );
      child.kill("SIGINT");
      assert.equal(await exited, 0);
      rmSync(credentialsPath);
      rmSync(credentialsPath.replace(/credentials\.json$/, "ca.pem"));
    } finally {
      if (child.exitCode === null) child.kill("SIGKILL");
    }
  });
});
