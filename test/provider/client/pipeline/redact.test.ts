import assert from "assert";
import { redactHeaders, redactText, redactValue, REDACTED } from "../../../../provider/client/pipeline/redact";

describe("pipeline/redact", () => {
  it("masks authorization and cookie headers but keeps ids and continuation tokens", () => {
    const out = redactHeaders({
      Authorization: "Bearer abc.def.ghi",
      "MS-RequestId": "r1",
      "MS-ContinuationToken": "AQAAAA==",
      Cookie: "x=y",
    });
    assert.deepStrictEqual(out, {
      Authorization: REDACTED,
      "MS-RequestId": "r1",
      "MS-ContinuationToken": "AQAAAA==",
      Cookie: REDACTED,
    });
  });

  it("masks passwords, secrets and tokens at any depth", () => {
    const value = redactValue({
      userPrincipalName: "a@b.com",
      passwordProfile: { password: "P@ssw0rd!", forceChangePassword: true },
      userCredentials: { userName: "admin", password: "gen" },
      client_secret: "s3cr3t",
      refresh_token: "rt",
      accessToken: "at",
      items: [{ password: "x" }],
      code: 60012,
      description: "fine",
    });
    const text = JSON.stringify(value);
    for (const secret of ["P@ssw0rd!", "gen", "s3cr3t", '"rt"', '"at"', '"x"'])
      assert.ok(!text.includes(secret), `${secret} leaked: ${text}`);
    assert.ok(text.includes("a@b.com") && text.includes("60012") && text.includes("fine"));
  });

  it("masks bearer tokens, JWTs and form-encoded secrets inside free text", () => {
    const jwt = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxMjMifQ.c2lnbmF0dXJl";
    const text = redactText(`got Bearer tok123 and ${jwt} from client_secret=abc&refresh_token=def&grant_type=x`);
    for (const secret of ["tok123", jwt, "abc", "def"]) assert.ok(!text.includes(secret), `${secret} leaked: ${text}`);
    assert.ok(text.includes("grant_type=x"));
  });
});
