// Secrets (client secret, refresh token, access tokens, user passwords) never appear in the client's debug log,
// in errors leaving the provider, in the emulator's request log and state dump, or in the pull-request report
// built from a preview — even one run with --show-secrets. (State and the engine's output are checked by the
// chaos suite and the e2e tests.)
import assert from "assert";
import { readFileSync } from "fs";
import { join } from "path";
import { buildPreviewReport, parsePreviewJson } from "../../provider/cli/report/preview-digest";
import { renderPreviewMarkdown } from "../../provider/cli/report/preview-markdown";
import { clientFor } from "../provider/client/emulatorClient";
import { configureRuntime, provision, runtime, startFixture, type Fixture } from "../provider/resources/fixture";

const JWT = /eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\./;
const leaks = (text: string, secrets: Record<string, string>) =>
  Object.entries(secrets)
    .filter(([, v]) => text.includes(v))
    .map(([k]) => k);

describe("security: secrets stay out of logs, errors, the emulator's logs and reports", () => {
  let f: Fixture;
  let secrets: Record<string, string>;
  const logLines: string[] = [];
  const PASSWORD = "Log-Secret-7Qx!pass";
  const NEW_PASSWORD = "Reset-Secret-3Kd!pass";

  before(async () => {
    f = await startFixture();
    secrets = {
      clientSecret: f.partner.user.clientSecret,
      refreshToken: f.partner.user.refreshToken,
      password: PASSWORD,
      newPassword: NEW_PASSWORD,
    };
  });
  after(async () => f && (await f.close()));

  it("the client's debug log of a user's whole life (token, create, reset, delete) holds no secret and no token", async () => {
    const client = clientFor(f.emu, "user", { sleep: undefined, logger: (line) => logLines.push(line) }); // real waits
    const user = await client.users.create(f.customer.id, {
      userPrincipalName: `logged@${f.customer.domain}`,
      displayName: "Logged",
      usageLocation: "US",
      passwordProfile: { password: PASSWORD, forceChangePassword: true },
    });
    await client.users.resetPassword(f.customer.id, user.id, { password: NEW_PASSWORD, forceChangePassword: false });
    await client.users.delete(f.customer.id, user.id);
    assert.ok(logLines.length >= 6, `the logger was called (${logLines.length} lines)`);
    assert.ok(
      logLines.some((l) => l.includes("users.create")),
      "the log names the operations",
    );
    const text = logLines.join("\n");
    assert.deepStrictEqual(leaks(text, secrets), []);
    assert.doesNotMatch(text, JWT);
  });

  it("errors leaving the provider carry no secret: a refused password, and a wrong client secret", async () => {
    const weak = "weakpasswordonly"; // one character class: the emulator refuses it (400/60021)
    const refused = await provision("CustomerUser", {
      customerId: f.customer.id,
      userPrincipalName: `weak@${f.customer.domain}`,
      displayName: "Weak",
      password: weak,
    }).then(
      () => undefined,
      (e: unknown) => e as Error,
    );
    assert.ok(refused instanceof Error, "the weak password was refused");
    assert.ok(
      !`${refused.message}\n${refused.stack}`.includes(weak),
      `the refused password is not in the error: ${refused.message}`,
    );

    const wrongSecret = "Wrong-Client-Secret-5tY8";
    await configureRuntime(f.emu, { "partnercenter:clientSecret": wrongSecret });
    try {
      const error = await provision("CustomerUser", {
        customerId: f.customer.id,
        userPrincipalName: `nobody@${f.customer.domain}`,
        displayName: "Nobody",
      }).then(
        () => undefined,
        (e: unknown) => e as Error,
      );
      assert.ok(error instanceof Error, "a wrong client secret fails");
      const text = `${error.message}\n${error.stack}`;
      assert.deepStrictEqual(leaks(text, { ...secrets, wrongSecret }), []);
      assert.doesNotMatch(text, JWT);
    } finally {
      await configureRuntime(f.emu);
    }
  });

  it("a generated password reaches only the secret output, never an error of a later step", async () => {
    const { outs, id } = await provision("CustomerUser", {
      customerId: f.customer.id,
      userPrincipalName: `gen@${f.customer.domain}`,
      displayName: "Gen",
    });
    const generated = String(outs.initialPassword);
    assert.ok(generated.length >= 12);
    await f.faults({ method: "PATCH", status: 500, times: 10 });
    const error = await runtime.update("CustomerUser", id, outs, { ...outs, displayName: "Gen 2" }).then(
      () => undefined,
      (e: unknown) => e as Error,
    );
    await f.clearFaults();
    assert.ok(error instanceof Error);
    assert.ok(!`${error.message}\n${error.stack}`.includes(generated));
  });

  it("the emulator's request log and state dump hold none of the secrets or passwords used above", async () => {
    const requests = JSON.stringify(await f.requests(0));
    const state = JSON.stringify((await f.api.get("/_emulator/state")).data);
    assert.ok(requests.includes("/users"), "the log covers the user calls");
    for (const [where, text] of [
      ["request log", requests],
      ["state dump", state],
    ] as const) {
      assert.deepStrictEqual(leaks(text, secrets), [], `no secret in the ${where}`);
      assert.doesNotMatch(text, JWT, `no token in the ${where}`);
    }
  });

  it("the preview report masks secrets even when the preview was made with --show-secrets", () => {
    const fixture = readFileSync(join(__dirname, "..", "provider", "cli", "fixtures", "preview.json"), "utf8");
    const plain = {
      password: "Shown-Secret-1aB!",
      clientSecret: "Shown-Client-Secret-2cD",
      refreshToken: "Shown-Refresh-Token-3eF",
      initialPassword: "Shown-Initial-4gH!",
    };
    let n = 0;
    const shown = fixture
      .replace(/"password": "\[secret\]"/g, () => `"password": "${plain.password}${n++}"`)
      .replace(/"partnercenter:clientSecret": "\[secret\]"/g, `"partnercenter:clientSecret": "${plain.clientSecret}"`)
      .replace(/"partnercenter:refreshToken": "\[secret\]"/g, `"partnercenter:refreshToken": "${plain.refreshToken}"`)
      .replace(/"userId": "/g, `"initialPassword": "${plain.initialPassword}", "userId": "`);
    assert.ok(
      shown.includes(plain.password) && shown.includes(plain.initialPassword),
      "the input really carries plaintext secrets",
    );
    const report = buildPreviewReport(parsePreviewJson(shown, "preview.json"));
    const markdown = renderPreviewMarkdown(report).text;
    const json = JSON.stringify(report);
    assert.ok(markdown.length > 100, "a report was written");
    for (const [where, text] of [
      ["Markdown", markdown],
      ["JSON", json],
    ] as const) {
      assert.deepStrictEqual(
        Object.entries(plain)
          .filter(([, v]) => text.includes(v))
          .map(([k]) => k),
        [],
        `no plaintext secret in the ${where} report`,
      );
    }
  });
});
