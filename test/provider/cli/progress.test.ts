// The progress writer of long commands: on a (fake) terminal it rewrites one line and ends it when done; with CI set
// or without a TTY it writes nothing. `export` uses it for the objects read from the customer.
import { strict as assert } from "assert";
import { mkdtempSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { main, type Io } from "../../../provider/cli/main";
import { progressWriter, type ProgressStream } from "../../../provider/cli/progress";
import { envName } from "../../../provider/config";
import { useEmulator } from "../client/emulatorClient";

function fakeStream(isTTY: boolean): ProgressStream & { text: () => string } {
  const chunks: string[] = [];
  return { isTTY, write: (t: string) => chunks.push(t), text: () => chunks.join("") };
}

describe("cli/progress", () => {
  it("on a terminal: one line rewritten in place, padded over a longer one, ended by a newline when done", () => {
    const tty = fakeStream(true);
    const show = progressWriter(tty, {});
    show("users", 100);
    show("users", 200);
    show("done", 3, true);
    assert.equal(tty.text(), "\rusers: 100\rusers: 200\rdone: 3   \n");
    show("next", 1);
    assert.equal(tty.text().slice(-8), "\rnext: 1", "a new line after done is not padded");
  });

  it("with CI set, or when the stream is not a terminal, writes nothing", () => {
    const cases: Array<[ReturnType<typeof fakeStream>, NodeJS.ProcessEnv]> = [
      [fakeStream(true), { CI: "true" }],
      [fakeStream(true), { CI: "1" }],
      [fakeStream(false), {}],
      [Object.assign(fakeStream(false), { isTTY: undefined }), {}],
    ];
    for (const [stream, env] of cases) {
      const show = progressWriter(stream, env);
      show("users", 100);
      show("users", 120, true);
      assert.equal(stream.text(), "");
    }
  });

  describe("partner-center export (against the emulator)", () => {
    const ctx = useEmulator();
    const partner = () => ctx.emu.seed.partners.find((p) => p.tenantId === ctx.emu.seed.defaultPartnerId)!;
    const KEYS = [
      "tenantId",
      "clientId",
      "clientSecret",
      "refreshToken",
      "endpoint",
      "authorityHost",
      "caCertificate",
    ] as const;
    let dir: string;
    let saved: Record<string, string | undefined>;
    beforeEach(() => {
      dir = mkdtempSync(join(tmpdir(), "pc-progress-"));
      saved = Object.fromEntries([...KEYS.map(envName), "CI"].map((k) => [k, process.env[k]]));
      writeFileSync(join(dir, "ca.pem"), ctx.emu.ca);
      Object.assign(process.env, {
        [envName("tenantId")]: partner().tenantId,
        [envName("clientId")]: partner().user.clientId,
        [envName("clientSecret")]: partner().user.clientSecret,
        [envName("refreshToken")]: partner().user.refreshToken,
        [envName("endpoint")]: ctx.emu.url,
        [envName("authorityHost")]: ctx.emu.authorityHost,
        [envName("caCertificate")]: join(dir, "ca.pem"),
      });
    });
    afterEach(() => {
      for (const [k, v] of Object.entries(saved)) {
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
      }
      rmSync(dir, { recursive: true, force: true });
    });

    /** Runs export with standard error as a terminal (or not) and CI set (or not); returns what reached stderr. */
    async function exportWith(tty: boolean, ci: string | undefined): Promise<string> {
      const stderr = process.stderr as NodeJS.WriteStream & { isTTY: boolean };
      const before = { isTTY: stderr.isTTY, write: stderr.write.bind(stderr) };
      const written: string[] = [];
      if (ci === undefined) delete process.env.CI;
      else process.env.CI = ci;
      stderr.isTTY = tty;
      stderr.write = (chunk: string | Uint8Array) => written.push(String(chunk)) > 0;
      const lines: string[] = [];
      const io: Io = { out: (l) => lines.push(l), err: (l) => lines.push(l), waitForStop: () => Promise.resolve() };
      try {
        const customer = partner().customers[0].domain;
        assert.equal(await main(["export", "--customer", customer, "--out", dir, "--force"], io), 0, lines.join("\n"));
      } finally {
        stderr.write = before.write;
        stderr.isTTY = before.isTTY;
      }
      return written.join("");
    }

    it("counts the customer's objects per section on a terminal, quiet in CI or without a TTY", async () => {
      const domain = partner().customers[0].domain.replace(/\./g, "\\.");
      const terminal = await exportWith(true, undefined);
      assert.match(terminal, new RegExp(`^\\rexport ${domain}: objects read \\(1/\\d+ sections\\): [1-9]\\d*`));
      const last = new RegExp(`\\rexport ${domain}: objects read \\((\\d+)/\\1 sections\\): ([1-9]\\d*) *\\n$`);
      assert.match(terminal, last);
      assert.equal(await exportWith(true, "true"), "");
      assert.equal(await exportWith(false, undefined), "");
    });
  });
});
