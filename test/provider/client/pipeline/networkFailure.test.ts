import assert from "assert";
import { describeNetworkFailure, networkErrorCode } from "../../../../provider/client/pipeline/networkFailure";

const failure = (code: string | undefined, message: string) => Object.assign(new Error(message), { code });

describe("pipeline/networkFailure", () => {
  const api = { urlSetting: "endpoint", caConfigured: false } as const;

  it("names the socket cause and the URL setting to check for a refused connection", () => {
    const text = describeNetworkFailure(
      failure("ECONNREFUSED", "connect ECONNREFUSED 127.0.0.1:1"),
      "https://127.0.0.1:1/v1/customers",
      api,
    );
    assert.strictEqual(
      text,
      "connect ECONNREFUSED 127.0.0.1:1 (ECONNREFUSED). Fix: nothing accepts connections at https://127.0.0.1:1; " +
        "check endpoint (partnercenter:endpoint / PARTNERCENTER_ENDPOINT) and that the service (or the emulator) is running",
    );
  });

  it("an untrusted certificate points at caCertificate, saying whether the configured one is the wrong CA", () => {
    const error = failure("SELF_SIGNED_CERT_IN_CHAIN", "self-signed certificate in certificate chain");
    const missing = describeNetworkFailure(error, "https://login.test/t/oauth2/v2.0/token", {
      urlSetting: "authorityHost",
      caConfigured: false,
    });
    const wrong = describeNetworkFailure(error, "https://login.test/t/oauth2/v2.0/token", {
      urlSetting: "authorityHost",
      caConfigured: true,
    });
    assert.match(missing, /^self-signed certificate in certificate chain \(SELF_SIGNED_CERT_IN_CHAIN\)\. Fix: /);
    assert.match(
      missing,
      /not trusted by this machine; set caCertificate \(partnercenter:caCertificate \/ PARTNERCENTER_CA_CERTIFICATE\)/,
    );
    assert.match(wrong, /not signed by the configured CA certificate; set caCertificate/);
  });

  it("a host-name mismatch, a non-TLS server, DNS and timeouts each get their own fix", () => {
    const cases: Array<[string, RegExp]> = [
      ["ERR_TLS_CERT_ALTNAME_INVALID", /certificate is for another host name; check endpoint/],
      ["EPROTO", /does not answer HTTPS/],
      ["ENOTFOUND", /host name does not resolve/],
      ["ECONNABORTED", /no answer in time/],
      ["ECONNRESET", /retry if the connection was cut/],
    ];
    for (const [code, fix] of cases)
      assert.match(describeNetworkFailure(failure(code, "x"), "https://pc.test/v1", api), fix, code);
  });

  it("uses the cause of an error without a message (dual-stack connect) and never repeats a bare code", () => {
    const aggregate = Object.assign(new AggregateError([new Error("connect ECONNREFUSED ::1:1")], ""), {
      code: "ECONNREFUSED",
    });
    assert.match(
      describeNetworkFailure(aggregate, "https://localhost:1", api),
      /^connect ECONNREFUSED ::1:1 \(ECONNREFUSED\)/,
    );
    assert.match(
      describeNetworkFailure(failure("ETIMEDOUT", "ETIMEDOUT"), "https://pc.test", api),
      /^\(ETIMEDOUT\)\. Fix:/,
    );
  });

  it("keeps secrets and odd codes out: redacts token-shaped text, one line, ENETWORK without a code", () => {
    const text = describeNetworkFailure(
      failure("EBADTHING", "socket hang up client_secret=abc123 Bearer eyJabc.def\nsecond line"),
      "https://pc.test",
      api,
    );
    assert.ok(!text.includes("abc123") && !text.includes("eyJabc") && !text.includes("second line"), text);
    assert.strictEqual(networkErrorCode(new Error("x")), "ENETWORK");
    assert.strictEqual(networkErrorCode(failure("not a code; rm -rf", "x")), "ENETWORK");
    assert.strictEqual(networkErrorCode({ cause: { code: "ECONNRESET" } }), "ECONNRESET");
  });
});
