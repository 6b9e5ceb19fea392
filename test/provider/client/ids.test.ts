import assert from "assert";
import { domain, guid, guidOrUpn, isDomain, isUpn, policyId, upn, v1 } from "../../../provider/client/ids";
import { PartnerCenterError } from "../../../provider/client/errors";

const rejectsWith = (fn: () => unknown, field: string) =>
  assert.throws(
    fn,
    (e: unknown) =>
      e instanceof PartnerCenterError && e.code === "InvalidInput" && e.status === 0 && e.message.includes(field),
  );

describe("ids", () => {
  it("accepts GUIDs, UPNs, domains and policy ids", () => {
    assert.strictEqual(
      guid("op", "customerId", "0A1B2C3D-0000-4000-8000-00000000000F"),
      "0A1B2C3D-0000-4000-8000-00000000000F",
    );
    assert.ok(isUpn("amy.o'neil@contoso.onmicrosoft.com"));
    assert.ok(isDomain("contoso.co.uk"));
    assert.strictEqual(
      policyId("op", "id", "aaaaaaaa-0000-0000-0000-000000000001_cccccccc-0000-0000-0000-000000000003").length,
      73,
    );
    assert.strictEqual(guidOrUpn("op", "userId", "amy@contoso.com"), "amy@contoso.com");
  });

  it("rejects path tricks before any request", () => {
    for (const bad of ["../x", "..", "a/b", "a%2Fb", "a\\b", "x?y=1", "x#y", "a\u0000b", "%2e%2e"])
      rejectsWith(() => guid("users.get", "userId", bad), "userId");
    rejectsWith(() => upn("users.create", "user.userPrincipalName", "a/../b@contoso.com"), "user.userPrincipalName");
    rejectsWith(() => domain("customers.checkDomainAvailability", "domain", "contoso.com/../x"), "domain");
  });

  it("rejects very long values and wrong shapes, naming the field and the expected form", () => {
    rejectsWith(() => guid("op", "customerId", "a".repeat(5000)), "at most 256");
    rejectsWith(() => guid("op", "customerId", "not-a-guid"), "must be a GUID");
    rejectsWith(() => guid("op", "customerId", undefined), "is required");
    rejectsWith(() => upn("op", "upn", "nobody"), "user principal name");
    rejectsWith(() => domain("op", "domain", "localhost"), "domain name");
    rejectsWith(() => policyId("op", "id", "abc_def"), "<partner tenant GUID>_<customer tenant GUID>");
  });

  it("encodes every interpolated path segment", () => {
    assert.strictEqual(v1`/customers/${"a b"}/users/${"x@y.com"}`, "/v1/customers/a%20b/users/x%40y.com");
  });
});
