import assert from "assert";
import { logPolicy } from "../../../../provider/client/pipeline/logPolicy";
import { baseRequest, scripted } from "../scriptedTransport";

describe("pipeline/logPolicy", () => {
  it("logs each attempt without authorization, passwords, secrets or tokens", async () => {
    const lines: string[] = [];
    const s = scripted({
      status: 201,
      headers: { "ms-requestid": "r" },
      body: { id: "u1", passwordProfile: { password: "Echoed#1", forceChangePassword: false }, refreshToken: "RT-123" },
    });
    await logPolicy((line) => lines.push(line))(
      baseRequest({
        method: "POST",
        operation: "users.create",
        headers: { Authorization: "Bearer eyJhbGciOi.eyJzdWIi.sig", "MS-RequestId": "req-1" },
        body: {
          userPrincipalName: "amy@contoso.com",
          passwordProfile: { password: "Sent#Pass1", forceChangePassword: true },
          clientSecret: "cs-1",
        },
      }),
      s.transport,
    );
    const log = lines.join("\n");
    assert.strictEqual(lines.length, 2);
    assert.match(lines[0], /users\.create POST/);
    assert.match(lines[1], /users\.create 201/);
    assert.ok(log.includes("amy@contoso.com") && log.includes("req-1"));
    for (const secret of ["eyJhbGciOi", "Sent#Pass1", "Echoed#1", "RT-123", "cs-1"])
      assert.ok(!log.includes(secret), `${secret} leaked:\n${log}`);
  });

  it("logs a transport failure by its code and rethrows", async () => {
    const lines: string[] = [];
    const s = scripted({ networkError: "ECONNRESET" });
    await assert.rejects(logPolicy((line) => lines.push(line))(baseRequest(), s.transport));
    assert.match(lines[1], /failed \(ECONNRESET\)/);
  });

  it("passes through untouched without a logger", async () => {
    const s = scripted({ status: 204 });
    assert.strictEqual((await logPolicy(undefined)(baseRequest(), s.transport)).status, 204);
  });
});
