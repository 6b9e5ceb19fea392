import assert from "assert";
import { z } from "zod";
import { looseEnum, parseBody, snakeCase } from "../../../../emulator/handlers/shared/body";
import { ApiError } from "../../../../emulator/http/types";

describe("emulator/handlers/shared/body", () => {
  const schema = z.object({ name: z.string(), kind: looseEnum(["DnsRecord", "Email"] as const) });

  it("returns the parsed body with canonical enum values", () => {
    assert.deepStrictEqual(parseBody(schema, { name: "n", kind: "dns_record" }, "thing", "fix"), {
      name: "n",
      kind: "DnsRecord",
    });
  });

  it("throws 400/2000 naming each bad field and the fix", () => {
    assert.throws(
      () => parseBody(schema, { kind: "fax" }, "thing", "Send {name, kind}."),
      (e: unknown) =>
        e instanceof ApiError &&
        e.status === 400 &&
        e.code === 2000 &&
        /^Invalid thing: /.test(e.description) &&
        /'name' is required/.test(e.description) &&
        /'kind' must be one of DnsRecord, Email/.test(e.description) &&
        e.description.endsWith("Send {name, kind}."),
    );
  });

  it("snake-cases .NET enum names", () => {
    assert.strictEqual(snakeCase("PendingDeletion"), "pending_deletion");
    assert.strictEqual(snakeCase("managed"), "managed");
  });
});
