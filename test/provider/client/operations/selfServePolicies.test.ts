import assert from "assert";
import { isConflict, isNotFound } from "../../../../provider/client";
import { clientFor, useEmulator } from "../emulatorClient";

describe("operations/selfServePolicies against the emulator", () => {
  const ctx = useEmulator();

  it("creates, gets, lists, updates and deletes a policy", async () => {
    const client = clientFor(ctx.emu, "user");
    const partner = ctx.emu.seed.partners[0].tenantId;
    const created = await client.selfServePolicies.create({
      selfServeEntity: { selfServeEntityType: "customer", tenantID: ctx.customer.id },
      grantor: { grantorType: "billToPartner", tenantID: partner },
      permissions: [{ resource: "AzureReservedInstances", action: "Purchase" }],
    });
    assert.strictEqual(created.id, `${partner}_${ctx.customer.id}`);
    assert.ok(created.attributes?.etag);
    await assert.rejects(
      client.selfServePolicies.create({
        selfServeEntity: { tenantID: ctx.customer.id },
        grantor: { tenantID: partner },
        permissions: [{ resource: "AzureSavingsPlan", action: "Purchase" }],
      }),
      isConflict,
    );
    assert.strictEqual((await client.selfServePolicies.get(created.id)).id, created.id);
    assert.deepStrictEqual(
      (await client.selfServePolicies.list(ctx.customer.id)).map((p) => p.id),
      [created.id],
    );
    const updated = await client.selfServePolicies.update({
      ...created,
      permissions: [...created.permissions, { resource: "AzureSavingsPlan", action: "Purchase" }],
    });
    assert.strictEqual(updated.permissions.length, 2);
    assert.notStrictEqual(updated.attributes?.etag, created.attributes?.etag);
    await client.selfServePolicies.delete(created.id);
    await assert.rejects(client.selfServePolicies.get(created.id), isNotFound);
  });
});
