import assert from "assert";
import { collect, isNotFound } from "../../../../provider/client";
import { clientFor, useEmulator } from "../emulatorClient";

describe("operations/roles and licenses against the emulator", () => {
  const ctx = useEmulator();
  const makeUser = (alias: string) =>
    clientFor(ctx.emu, "user").users.create(ctx.customer.id, {
      userPrincipalName: `${alias}@${ctx.customer.domain}`,
      displayName: alias,
      usageLocation: "US",
      passwordProfile: { password: "Str0ng!Passw0rd#1", forceChangePassword: true },
    });

  it("lists roles, adds a member, lists members and the user's roles, removes the member", async () => {
    const client = clientFor(ctx.emu, "user");
    const roles = await collect(client.roles.list(ctx.customer.id));
    const helpdesk = roles.find((r) => r.name === "Helpdesk Administrator");
    assert.ok(helpdesk, "standard roles are listed");
    const user = await makeUser("rolly");
    const member = await client.roles.addMember(ctx.customer.id, helpdesk.id, {
      id: user.id,
      displayName: user.displayName!,
      userPrincipalName: user.userPrincipalName,
    });
    assert.strictEqual(member.id, user.id);
    assert.ok((await client.roles.listMembers(ctx.customer.id, helpdesk.id)).some((m) => m.id === user.id));
    assert.deepStrictEqual(
      (await client.roles.listForUser(ctx.customer.id, user.id)).map((r) => r.id),
      [helpdesk.id],
    );
    await client.roles.removeMember(ctx.customer.id, helpdesk.id, user.id);
    assert.ok(!(await client.roles.listMembers(ctx.customer.id, helpdesk.id)).some((m) => m.id === user.id));
  });

  it("assigns and removes a license; subscribed SKU counts follow", async () => {
    const client = clientFor(ctx.emu, "user");
    const skus = await client.licenses.listSubscribedSkus(ctx.customer.id);
    const premium = skus.find((s) => s.productSku.skuPartNumber === "O365_BUSINESS_PREMIUM");
    assert.ok(premium);
    const user = await makeUser("lici");
    const excluded = premium.servicePlans![0].id;
    const update = await client.licenses.update(ctx.customer.id, user.id, {
      licensesToAssign: [{ skuId: premium.productSku.id, excludedPlans: [excluded] }],
    });
    assert.deepStrictEqual(
      update.licensesToAssign?.map((l) => l.skuId),
      [premium.productSku.id],
    );
    const licenses = await client.licenses.listForUser(ctx.customer.id, user.id);
    assert.deepStrictEqual(
      licenses.map((l) => l.productSku.id),
      [premium.productSku.id],
    );
    const after = (await client.licenses.listSubscribedSkus(ctx.customer.id, ["Group1"])).find(
      (s) => s.productSku.id === premium.productSku.id,
    )!;
    assert.strictEqual(after.consumedUnits, (premium.consumedUnits ?? 0) + 1);
    await client.licenses.update(ctx.customer.id, user.userPrincipalName, {
      licensesToRemove: [premium.productSku.id],
    });
    assert.deepStrictEqual(await client.licenses.listForUser(ctx.customer.id, user.id), []);
  });

  it("reports a missing role as not found", async () => {
    const client = clientFor(ctx.emu, "user");
    await assert.rejects(
      collect(client.roles.listMembers(ctx.customer.id, "00000000-0000-0000-0000-0000000000ff")),
      isNotFound,
    );
  });
});
