import assert from "assert";
import { z } from "zod";
import { checkInputs, exactlyOneOf, formatPath } from "../../../../provider/resources/kit/check";
import { guid, oneOf, userPrincipalName, usageLocation } from "../../../../provider/resources/kit/fields";
import { UNKNOWN } from "../../../../provider/resources/kit/unknown";

const schema = z.strictObject({
  customerId: guid("customer tenant id"),
  userPrincipalName: userPrincipalName(),
  usageLocation: usageLocation().optional(),
  permissions: z.array(z.strictObject({ resource: oneOf(["A", "B"] as const) })).optional(),
  flag: z.boolean().default(true),
});
const good = { customerId: "11111111-2222-3333-4444-555555555555", userPrincipalName: "jane@contoso.com" };

describe("kit/check", () => {
  it("formats property paths with dots and indexes", () => {
    assert.strictEqual(formatPath(["permissions", 1, "action"]), "permissions[1].action");
  });

  it("passes valid inputs and returns them with defaults applied", () => {
    const r = checkInputs(schema, { ...good, __provider: "shim" });
    assert.deepStrictEqual(r.failures, []);
    assert.strictEqual(r.inputs.flag, true);
    assert.strictEqual(r.inputs.__provider, "shim");
  });

  it("reports every problem with its path, the problem and the fix", () => {
    const r = checkInputs(schema, {
      customerId: "nope",
      userPrincipalName: "jane",
      usageLocation: "USA",
      permissions: [{ resource: "C" }],
      typo: 1,
    });
    const byProp = Object.fromEntries(r.failures.map((f) => [f.property, f.reason]));
    assert.deepStrictEqual(Object.keys(byProp).sort(), [
      "customerId",
      "permissions[0].resource",
      "typo",
      "usageLocation",
      "userPrincipalName",
    ]);
    for (const [prop, reason] of Object.entries(byProp)) {
      assert.ok(reason.startsWith(prop), `reason names the field: ${reason}`);
      assert.match(reason, /Fix: /);
    }
    assert.match(byProp.customerId, /GUID/);
    assert.match(byProp.usageLocation, /two-letter/);
    assert.match(byProp.typo, /not a property/);
  });

  it("names a missing required field", () => {
    const r = checkInputs(schema, { customerId: good.customerId });
    assert.strictEqual(r.failures.length, 1);
    assert.strictEqual(r.failures[0].property, "userPrincipalName");
    assert.match(r.failures[0].reason, /is required/);
  });

  it("lets preview unknowns through, at any depth, and returns the raw inputs", () => {
    const news = {
      customerId: UNKNOWN,
      userPrincipalName: UNKNOWN,
      usageLocation: UNKNOWN,
      permissions: [{ resource: UNKNOWN }],
    };
    const r = checkInputs(schema, news);
    assert.deepStrictEqual(r.failures, []);
    assert.strictEqual(r.inputs, news);
    const whole = checkInputs(schema, { ...good, permissions: UNKNOWN });
    assert.deepStrictEqual(whole.failures, []);
  });

  it("still reports known problems next to unknowns", () => {
    const r = checkInputs(schema, { customerId: UNKNOWN, userPrincipalName: "bad" });
    assert.deepStrictEqual(
      r.failures.map((f) => f.property),
      ["userPrincipalName"],
    );
  });

  it("exactlyOneOf fails for none and for both, naming both fields", () => {
    const rule = exactlyOneOf("roleId", "roleName", "give one");
    assert.deepStrictEqual(rule({ roleId: "x" }), []);
    assert.deepStrictEqual(rule({ roleName: UNKNOWN }), []);
    const none = rule({});
    assert.deepStrictEqual(
      none.map((f) => f.property),
      ["roleId", "roleName"],
    );
    assert.match(none[0].reason, /required/);
    const both = rule({ roleId: "x", roleName: "y" });
    assert.match(both[0].reason, /both set/);
  });
});
