// `npm run demo` must exit non-zero when a step is not what it should be. The demo's own steps run through the
// real engine in a temporary backend, with a change "behind Pulumi's back" that changes nothing: the drift and
// repair steps must then be reported as FAIL, the others as ok, and the exit code must be 1.
import { strict as assert } from "assert";
import { runDemo } from "../../scripts/demo";
import { tempPulumiEnv } from "../e2e/harness";

describe("scripts/demo", function () {
  this.timeout(300_000);

  it("a step that is wrong (no drift after the out-of-band change) fails the demo: FAIL lines, exit code 1", async () => {
    const env = await tempPulumiEnv();
    const lines: string[] = [];
    let code: number;
    try {
      code = await runDemo({
        env,
        stackName: "demo-test",
        print: (l) => lines.push(l),
        change: async () => "nothing changed (test)",
      });
    } finally {
      env.dispose();
    }
    const summary = lines
      .filter((l) => /^(ok {2}|FAIL) {2}/.test(l))
      .map((l) => `${l.slice(0, 4).trim()} ${l.slice(6, 40).trim()}`);
    assert.deepEqual(
      summary,
      [
        "ok preview",
        "ok up",
        "ok preview again",
        "ok change behind Pulumi's back",
        "FAIL refresh --preview-only",
        "FAIL up --refresh (repair)",
        "ok destroy",
      ],
      lines.join("\n"),
    );
    assert.match(
      lines.find((l) => l.includes("refresh --preview-only"))!,
      /drift: same 6$/,
    );
    assert.match(lines[lines.length - 1], /^\ndemo FAILED in \d+\.\d s$/);
    assert.equal(code, 1);
  });
});
