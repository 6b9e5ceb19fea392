// The progress writer of long commands: on a (fake) terminal it rewrites one line and ends it when done; with CI set
// or without a TTY it writes nothing. `export` uses it for the objects read from the customer.
import { strict as assert } from "assert";
import { main, type Io } from "../../../provider/cli/main";
import { progressWriter, type ProgressStream } from "../../../provider/cli/progress";
import { useEmulator } from "../client/emulatorClient";
import { stderrOf, useEmulatorSettings } from "./cli-env";

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
    const settings = useEmulatorSettings(ctx);
    const domain = () =>
      ctx.emu.seed.partners.find((p) => p.tenantId === ctx.emu.seed.defaultPartnerId)!.customers[0].domain;
    const exportWith = (tty: boolean, ci: string | undefined) =>
      stderrOf(tty, ci, async () => {
        const lines: string[] = [];
        const io: Io = { out: (l) => lines.push(l), err: (l) => lines.push(l), waitForStop: () => Promise.resolve() };
        const argv = ["export", "--customer", domain(), "--out", settings.dir(), "--force"];
        assert.equal(await main(argv, io), 0, lines.join("\n"));
      });

    it("counts the customer's objects per section on a terminal, quiet in CI or without a TTY", async () => {
      const name = domain().replace(/\./g, "\\.");
      const terminal = await exportWith(true, undefined);
      assert.match(terminal, new RegExp(`^\\rexport ${name}: objects read \\(1/\\d+ sections\\): [1-9]\\d*`));
      const last = new RegExp(`\\rexport ${name}: objects read \\((\\d+)/\\1 sections\\): ([1-9]\\d*) *\\n$`);
      assert.match(terminal, last);
      assert.equal(await exportWith(true, "true"), "");
      assert.equal(await exportWith(false, undefined), "");
    });
  });
});
