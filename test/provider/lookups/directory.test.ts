import assert from "assert";
import type { Emulator } from "../../../emulator";
import {
  listAvailableLicenses,
  listDeletedUsers,
  listDirectoryRoles,
  listSelfServePolicies,
  listUserLicenses,
  listUserRoles,
  listUsers,
} from "../../../provider/lookups";
import { apiClient, bearer, startTestEmulator, userToken } from "../../emulator/helpers";
import { lookupConfig } from "./fixture";

describe("lookups/directory (against the emulator)", () => {
  let emu: Emulator;
  let userId: string;
  const customer = () => emu.seed.partners[0].customers[0];

  before(async () => {
    emu = await startTestEmulator();
    const api = apiClient(emu);
    const headers = bearer(await userToken(emu));
    const c = customer();
    const made = await api.post(
      `/v1/customers/${c.id}/users`,
      {
        userPrincipalName: `lookup@${c.domain}`,
        displayName: "Lookup",
        usageLocation: "US",
        passwordProfile: { password: "L00kup!Pass", forceChangePassword: true },
      },
      { headers },
    );
    userId = made.data.id;
    const role = c.roles.find((r) => r.name === "Directory Readers")!;
    await api.post(
      `/v1/customers/${c.id}/directoryroles/${role.id}/usermembers`,
      { id: userId, displayName: "Lookup", userPrincipalName: `lookup@${c.domain}` },
      { headers },
    );
    await api.post(
      `/v1/customers/${c.id}/users/${userId}/licenseupdates`,
      { licensesToAssign: [{ skuId: c.skus[0].id }] },
      { headers },
    );
    const gone = await api.post(
      `/v1/customers/${c.id}/users`,
      {
        userPrincipalName: `deleted@${c.domain}`,
        displayName: "Deleted",
        passwordProfile: { password: "D3leted!Pass", forceChangePassword: true },
      },
      { headers },
    );
    await api.delete(`/v1/customers/${c.id}/users/${gone.data.id}`, { headers });
    await api.post(
      "/v1/SelfServePolicy",
      {
        selfServeEntity: { selfServeEntityType: "customer", tenantID: c.id },
        grantor: { grantorType: "billToPartner", tenantID: emu.seed.partners[0].tenantId },
        permissions: [{ resource: "AzureReservedInstances", action: "Purchase" }],
      },
      { headers },
    );
  });
  after(async () => emu && (await emu.close()));

  it("listUsers and listDeletedUsers split active and soft-deleted users", async () => {
    const active = await listUsers(customer().id, { config: lookupConfig(emu) });
    const deleted = await listDeletedUsers(customer().id, { config: lookupConfig(emu) });
    assert.ok(active.some((u) => u.id === userId));
    assert.ok(!active.some((u) => u.userPrincipalName.startsWith("deleted@")));
    assert.ok(deleted.some((u) => u.userPrincipalName.startsWith("deleted@")));
  });

  it("listDirectoryRoles and listUserRoles", async () => {
    const roles = await listDirectoryRoles(customer().id, { config: lookupConfig(emu) });
    assert.deepStrictEqual(
      roles.map((r) => r.name).sort(),
      customer()
        .roles.map((r) => r.name)
        .sort(),
    );
    const mine = await listUserRoles(customer().id, userId, { config: lookupConfig(emu) });
    assert.deepStrictEqual(
      mine.map((r) => r.name),
      ["Directory Readers"],
    );
  });

  it("listAvailableLicenses shows seat counts; listUserLicenses the user's SKUs", async () => {
    const skus = await listAvailableLicenses(customer().id, { config: lookupConfig(emu) });
    const first = skus.find((s) => s.productSku.id === customer().skus[0].id)!;
    assert.ok((first.consumedUnits ?? 0) >= 1);
    const mine = await listUserLicenses(customer().id, userId, { config: lookupConfig(emu) });
    assert.deepStrictEqual(
      mine.map((l) => l.productSku.id),
      [customer().skus[0].id],
    );
  });

  it("listSelfServePolicies", async () => {
    const policies = await listSelfServePolicies(customer().id, { config: lookupConfig(emu) });
    assert.deepStrictEqual(
      policies.map((p) => p.id),
      [`${emu.seed.partners[0].tenantId}_${customer().id}`],
    );
  });

  it("App+User-only lookups fail clearly with App-only credentials", async () => {
    await assert.rejects(
      listUsers(customer().id, { config: lookupConfig(emu, false) }),
      (e: Error & { code?: string }) => e.code === "AppUserRequired",
    );
  });
});
