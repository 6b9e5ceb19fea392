import assert from "assert";
import { randomUUID } from "crypto";
import { collect, isNotFound, PartnerCenterError } from "../../../../provider/client";
import { MsalTokenSource } from "../../../../provider/client/auth/msalTokenSource";
import { DEFAULT_SCOPE } from "../../../../provider/client/clouds";
import { clientFor, useEmulator } from "../emulatorClient";

describe("operations/users against the emulator", () => {
  const ctx = useEmulator();
  const newUser = (alias = `u${randomUUID().slice(0, 8)}`) => ({
    userPrincipalName: `${alias}@${ctx.customer.domain}`,
    displayName: `User ${alias}`,
    firstName: "Test",
    lastName: alias,
    usageLocation: "US",
    passwordProfile: { password: "Str0ng!Passw0rd#1", forceChangePassword: true },
  });

  it("creates, reads, lists, updates, resets the password of, deletes and restores a user (App+User)", async () => {
    const client = clientFor(ctx.emu, "user");
    const created = await client.users.create(ctx.customer.id, newUser("amy"));
    assert.match(created.id, /^[0-9a-f-]{36}$/i);
    assert.strictEqual(created.userPrincipalName.toLowerCase(), `amy@${ctx.customer.domain}`.toLowerCase());

    const read = await client.users.get(ctx.customer.id, created.id);
    assert.strictEqual(read.displayName, "User amy");
    assert.strictEqual(read.state, "active");
    assert.ok((await collect(client.users.list(ctx.customer.id))).some((u) => u.id === created.id));

    const updated = await client.users.update(ctx.customer.id, created.id, {
      usageLocation: "GB",
      displayName: "Amy B",
    });
    assert.strictEqual(updated.usageLocation, "GB");
    assert.strictEqual(updated.displayName, "Amy B");

    const reset = await client.users.resetPassword(ctx.customer.id, created.id, {
      password: "An0ther!Strong#2",
      forceChangePassword: true,
    });
    assert.strictEqual(reset.id, created.id);

    await client.users.delete(ctx.customer.id, created.id);
    assert.ok(
      !(await client.users.list(ctx.customer.id)).some((u) => u.id === created.id),
      "deleted users leave the default list",
    );
    const deleted = await client.users.listDeleted(ctx.customer.id);
    const gone = deleted.find((u) => u.id === created.id);
    assert.strictEqual(gone?.state, "inactive");
    assert.ok(gone?.softDeletionTime);

    const restored = await client.users.restore(ctx.customer.id, created.id);
    assert.strictEqual(restored.state, "active");
    assert.strictEqual((await client.users.get(ctx.customer.id, created.id)).displayName, "Amy B");
  });

  it("pages the user list with continuation tokens", async () => {
    const client = clientFor(ctx.emu, "user");
    for (let i = 0; i < 5; i++) await client.users.create(ctx.customer.id, newUser(`page${i}`));
    const all = await client.users.list(ctx.customer.id);
    const log0 = (await ctx.admin("GET", "/requests")) as unknown[];
    const paged = await client.users.list(ctx.customer.id, { pageSize: 2 });
    const log = ((await ctx.admin("GET", "/requests")) as Array<{ path: string; method: string }>)
      .slice(log0.length)
      .filter((r) => r.method === "GET" && r.path.endsWith("/users"));
    assert.deepStrictEqual(paged.map((u) => u.id).sort(), all.map((u) => u.id).sort());
    assert.ok(all.length >= 5);
    assert.strictEqual(log.length, Math.ceil(all.length / 2), "one request per page of 2");
  });

  it("answers 404 as a not-found PartnerCenterError with the ids", async () => {
    const client = clientFor(ctx.emu, "user");
    const missing = randomUUID();
    await assert.rejects(
      client.users.get(ctx.customer.id, missing),
      (e: unknown) =>
        isNotFound(e) &&
        e instanceof PartnerCenterError &&
        e.operation === "users.get" &&
        Boolean(e.requestId) &&
        Boolean(e.correlationId) &&
        !e.retryable,
    );
  });

  it("refuses user operations with App-only credentials before any request", async () => {
    const client = clientFor(ctx.emu, "secret");
    const before = ((await ctx.admin("GET", "/requests")) as unknown[]).length;
    await assert.rejects(
      client.users.create(ctx.customer.id, newUser()),
      (e: unknown) => e instanceof PartnerCenterError && e.code === "AppUserRequired",
    );
    await assert.rejects(
      collect(client.users.list(ctx.customer.id)),
      (e: unknown) => e instanceof PartnerCenterError && e.code === "AppUserRequired",
    );
    assert.strictEqual(((await ctx.admin("GET", "/requests")) as unknown[]).length, before);
  });

  it("gets 403/900329 from the service if an App-only token reaches a user route", async () => {
    const partner = ctx.emu.seed.partners[0];
    const appTokens = new MsalTokenSource({
      tenantId: partner.tenantId,
      clientId: partner.app.clientId,
      clientSecret: partner.app.clientSecret,
      authorityHost: ctx.emu.authorityHost,
      caCertificate: ctx.emu.ca,
      appOnlyScope: DEFAULT_SCOPE,
      userScope: DEFAULT_SCOPE,
    });
    const client = clientFor(ctx.emu, "user", { tokenSource: { getToken: () => appTokens.getToken("app") } });
    await assert.rejects(
      client.users.get(ctx.customer.id, randomUUID()),
      (e: unknown) => e instanceof PartnerCenterError && e.status === 403 && e.code === "900329",
    );
  });
});
