import assert from "assert";
import { randomUUID } from "crypto";
import { expectError, useEmulator } from "./apiFixture";
import { addActiveUsers } from "./bulkUsers";

const DAY = 24 * 60 * 60 * 1000;

describe("emulator handlers: customer users", () => {
  const api = useEmulator();
  const cid = () => api.customer(0).id;
  const domain = () => api.customer(0).domain;
  const newUser = (alias: string, extra: Record<string, unknown> = {}) => ({
    userPrincipalName: `${alias}@${domain()}`,
    displayName: `User ${alias}`,
    firstName: "Test",
    lastName: alias,
    usageLocation: "US",
    passwordProfile: { password: "Str0ng!Passw0rd", forceChangePassword: true },
    attributes: { objectType: "CustomerUser" },
    ...extra,
  });
  const create = async (alias: string, extra: Record<string, unknown> = {}) => {
    const res = await api.call("POST", `/v1/customers/${cid()}/users`, { body: newUser(alias, extra) });
    assert.strictEqual(res.status, 201, JSON.stringify(res.data));
    return res.data as { id: string; userPrincipalName: string };
  };

  describe("create", () => {
    it("answers 201 with the CustomerUser, echoing passwordProfile only on create", async () => {
      const res = await api.call("POST", `/v1/customers/${cid()}/users`, { body: newUser("alice") });
      assert.strictEqual(res.status, 201);
      assert.match(res.data.id, /^[0-9a-f-]{36}$/);
      assert.strictEqual(res.data.userPrincipalName, `alice@${domain()}`);
      assert.deepStrictEqual(res.data.passwordProfile, { forceChangePassword: true, password: "Str0ng!Passw0rd" });
      assert.strictEqual(res.data.state, "active");
      assert.strictEqual(res.data.softDeletionTime, null);
      assert.deepStrictEqual(res.data.attributes, { objectType: "CustomerUser" });
      assert.strictEqual(res.data.links.self.uri, `/customers/${cid()}/users/${res.data.id}`);
      const got = await api.call("GET", `/v1/customers/${cid()}/users/${res.data.id}`);
      assert.strictEqual(got.status, 200);
      assert.strictEqual(got.data.displayName, "User alice");
      assert.strictEqual(got.data.passwordProfile, undefined);
    });

    it("accepts a PascalCase body", async () => {
      const res = await api.call("POST", `/v1/customers/${cid()}/users`, {
        body: {
          UserPrincipalName: `pascal@${domain()}`,
          DisplayName: "Pascal",
          UsageLocation: "gb",
          PasswordProfile: { Password: "Str0ng!Passw0rd", ForceChangePassword: false },
        },
      });
      assert.strictEqual(res.status, 201, JSON.stringify(res.data));
      assert.strictEqual(res.data.usageLocation, "GB");
      assert.strictEqual(res.data.passwordProfile.forceChangePassword, false);
    });

    it("accepts a UPN in one of the customer's custom domains", async () => {
      const custom = api.customer(0).customDomains[0];
      assert.ok(custom, "seed customer 0 has a custom domain");
      const res = await api.call("POST", `/v1/customers/${cid()}/users`, {
        body: newUser("x", { userPrincipalName: `carol@${custom}` }),
      });
      assert.strictEqual(res.status, 201, JSON.stringify(res.data));
    });

    it("refuses a missing field with 400/2000 naming it", async () => {
      const body = newUser("nodisplay") as Record<string, unknown>;
      delete body.displayName;
      const res = await api.call("POST", `/v1/customers/${cid()}/users`, { body });
      expectError(res, 400, 2000, /'displayName' is required/);
    });

    it("refuses what Entra refuses in a UPN, the names and usageLocation with 400/2000 naming the field", async () => {
      const refused: Array<[Record<string, unknown>, RegExp]> = [
        [{ userPrincipalName: `a/b@${domain()}` }, /'userPrincipalName' has a character Entra does not allow/],
        [{ userPrincipalName: `50%off@${domain()}` }, /'userPrincipalName' has a character/],
        [{ userPrincipalName: `jane..doe@${domain()}` }, /'userPrincipalName' has a character/],
        [{ userPrincipalName: `.jane@${domain()}` }, /'userPrincipalName' has a character/],
        [{ userPrincipalName: `jane doe@${domain()}` }, /'userPrincipalName'/],
        [
          { userPrincipalName: `${"a".repeat(65)}@${domain()}` },
          /'userPrincipalName' must have at most 64 characters before the @/,
        ],
        [{ userPrincipalName: `a@${"b".repeat(110)}.example` }, /'userPrincipalName' must be at most 113 characters/],
        [{ displayName: "d".repeat(257) }, /'displayName' must be at most 256 characters/],
        [{ firstName: "f".repeat(65) }, /'firstName' must be at most 64 characters/],
        [{ lastName: "l".repeat(65) }, /'lastName' must be at most 64 characters/],
        [{ usageLocation: "ZZ" }, /'usageLocation' must be an ISO 3166-1 alpha-2 country code/],
        [{ usageLocation: "UK" }, /'usageLocation' must be an ISO 3166-1/],
      ];
      for (const [extra, message] of refused) {
        const res = await api.call("POST", `/v1/customers/${cid()}/users`, { body: newUser("bad", extra) });
        expectError(res, 400, 2000, message);
      }
      const accepted = await api.call("POST", `/v1/customers/${cid()}/users`, {
        body: newUser("edge", {
          userPrincipalName: `o'brien+${"a".repeat(55)}@${domain()}`,
          displayName: "d".repeat(256),
          firstName: "f".repeat(64),
          usageLocation: "gb",
        }),
      });
      assert.strictEqual(accepted.status, 201, JSON.stringify(accepted.data));
      expectError(
        await api.call("PATCH", `/v1/customers/${cid()}/users/${accepted.data.id}`, {
          body: { userPrincipalName: `x/y@${domain()}` },
        }),
        400,
        2000,
        /'userPrincipalName' has a character/,
      );
      expectError(
        await api.call("PATCH", `/v1/customers/${cid()}/users/${accepted.data.id}`, { body: { usageLocation: "XK" } }),
        400,
        2000,
        /'usageLocation'/,
      );
    });

    it("refuses a UPN domain that is not the customer's with 400/60019", async () => {
      const res = await api.call("POST", `/v1/customers/${cid()}/users`, {
        body: newUser("x", { userPrincipalName: "bob@contoso.example" }),
      });
      expectError(res, 400, 60019, new RegExp(domain().replace(/\./g, "\\.")));
    });

    it("refuses a weak password with 400/60021 without echoing it", async () => {
      const res = await api.call("POST", `/v1/customers/${cid()}/users`, {
        body: newUser("weak", { passwordProfile: { password: "password", forceChangePassword: true } }),
      });
      expectError(res, 400, 60021);
      assert.ok(!JSON.stringify(res.data).includes('password"'), "the password is not in the error");
      assert.ok(!res.data.description.includes(": password"));
    });

    it("refuses a duplicate UPN (also against a soft-deleted user) with 409/60018", async () => {
      const user = await create("dup");
      expectError(await api.call("POST", `/v1/customers/${cid()}/users`, { body: newUser("DUP") }), 409, 60018);
      assert.strictEqual((await api.call("DELETE", `/v1/customers/${cid()}/users/${user.id}`)).status, 204);
      expectError(
        await api.call("POST", `/v1/customers/${cid()}/users`, { body: newUser("dup") }),
        409,
        60018,
        /deleted user/,
      );
    });

    it("is App+User only (403/900329 for App-only)", async () => {
      expectError(
        await api.call("POST", `/v1/customers/${cid()}/users`, { as: "app", body: newUser("app") }),
        403,
        900329,
      );
      expectError(await api.call("GET", `/v1/customers/${cid()}/users`, { as: "app" }), 403, 900329);
    });
  });

  describe("get, update, reset password", () => {
    it("answers 404/60002 for an unknown user", async () => {
      expectError(await api.call("GET", `/v1/customers/${cid()}/users/${randomUUID()}`), 404, 60002);
    });

    it("updates only the fields sent", async () => {
      const user = await create("upd");
      const res = await api.call("PATCH", `/v1/customers/${cid()}/users/${user.id}`, {
        body: { usageLocation: "DE", attributes: { objectType: "CustomerUser" } },
      });
      assert.strictEqual(res.status, 200);
      assert.strictEqual(res.data.usageLocation, "DE");
      assert.strictEqual(res.data.displayName, "User upd");
      assert.strictEqual(res.data.passwordProfile, undefined);
    });

    it("checks a new UPN's domain and uniqueness", async () => {
      const user = await create("ren");
      await create("taken");
      expectError(
        await api.call("PATCH", `/v1/customers/${cid()}/users/${user.id}`, {
          body: { userPrincipalName: "ren@elsewhere.example" },
        }),
        400,
        60019,
      );
      expectError(
        await api.call("PATCH", `/v1/customers/${cid()}/users/${user.id}`, {
          body: { userPrincipalName: `taken@${domain()}` },
        }),
        409,
        60018,
      );
      const ok = await api.call("PATCH", `/v1/customers/${cid()}/users/${user.id}`, {
        body: { userPrincipalName: `renamed@${domain()}` },
      });
      assert.strictEqual(ok.data.userPrincipalName, `renamed@${domain()}`);
    });

    for (const path of ["/resetpassword", ""]) {
      it(`resets the password with PATCH .../users/{id}${path}`, async () => {
        const user = await create("reset");
        const res = await api.call("PATCH", `/v1/customers/${cid()}/users/${user.id}${path}`, {
          body: {
            passwordProfile: { password: "Renew456*Abc", forceChangePassword: true },
            attributes: { objectType: "CustomerUser" },
          },
        });
        assert.strictEqual(res.status, 200, JSON.stringify(res.data));
        assert.deepStrictEqual(res.data.passwordProfile, { forceChangePassword: true, password: "Renew456*Abc" });
        const stored = api.emu.store.data.partners[0].customers[0].users.find((u) => u.id === user.id)!;
        assert.strictEqual(stored.password, "Renew456*Abc");
        expectError(
          await api.call("PATCH", `/v1/customers/${cid()}/users/${user.id}${path}`, {
            body: { passwordProfile: { password: "short" } },
          }),
          400,
          60021,
        );
      });
    }

    it("refuses a reset without passwordProfile", async () => {
      const user = await create("noprofile");
      expectError(
        await api.call("PATCH", `/v1/customers/${cid()}/users/${user.id}/resetpassword`, { body: {} }),
        400,
        2000,
        /passwordProfile/,
      );
    });
  });

  describe("soft delete, restore, purge", () => {
    it("soft-deletes: hidden from get and list, shown by the UserState filter with softDeletionTime", async () => {
      const user = await create("gone");
      assert.strictEqual((await api.call("DELETE", `/v1/customers/${cid()}/users/${user.id}`)).status, 204);
      expectError(await api.call("GET", `/v1/customers/${cid()}/users/${user.id}`), 404, 60002);
      const list = await api.call("GET", `/v1/customers/${cid()}/users`);
      assert.ok(!list.data.items.some((u: { id: string }) => u.id === user.id));
      const filter = encodeURIComponent(JSON.stringify({ Field: "UserState", Value: "Inactive", Operator: "equals" }));
      const deleted = await api.call("GET", `/v1/customers/${cid()}/users?size=500&filter=${filter}`);
      assert.strictEqual(deleted.status, 200);
      assert.deepStrictEqual(
        deleted.data.items.map((u: { id: string }) => u.id),
        [user.id],
      );
      assert.strictEqual(deleted.data.items[0].state, "inactive");
      assert.ok(!Number.isNaN(Date.parse(deleted.data.items[0].softDeletionTime)));
      expectError(await api.call("DELETE", `/v1/customers/${cid()}/users/${user.id}`), 404, 60002);
    });

    it("restores with PATCH {State: active}, keeping role memberships and licenses", async () => {
      const user = await create("back");
      const role = api.customer(0).roles.find((r) => r.name === "Helpdesk Administrator")!;
      const sku = api.customer(0).skus.find((s) => s.skuPartNumber === "O365_BUSINESS_PREMIUM")!;
      assert.strictEqual(
        (
          await api.call("POST", `/v1/customers/${cid()}/directoryroles/${role.id}/usermembers`, {
            body: { id: user.id, displayName: "x", userPrincipalName: user.userPrincipalName },
          })
        ).status,
        201,
      );
      assert.strictEqual(
        (
          await api.call("POST", `/v1/customers/${cid()}/users/${user.id}/licenseupdates`, {
            body: { licensesToAssign: [{ skuId: sku.id }] },
          })
        ).status,
        201,
      );
      await api.call("DELETE", `/v1/customers/${cid()}/users/${user.id}`);
      expectError(
        await api.call("PATCH", `/v1/customers/${cid()}/users/${user.id}`, { body: { displayName: "no" } }),
        404,
        60002,
      );
      const res = await api.call("PATCH", `/v1/customers/${cid()}/users/${user.id}`, {
        body: { State: "active", Attributes: { ObjectType: "CustomerUser" } },
      });
      assert.strictEqual(res.status, 200, JSON.stringify(res.data));
      assert.strictEqual(res.data.state, "active");
      assert.strictEqual(res.data.softDeletionTime, null);
      const roles = await api.call("GET", `/v1/customers/${cid()}/users/${user.id}/directoryroles`);
      assert.deepStrictEqual(
        roles.data.items.map((r: { id: string }) => r.id),
        [role.id],
      );
      const licenses = await api.call("GET", `/v1/customers/${cid()}/users/${user.id}/licenses`);
      assert.deepStrictEqual(
        licenses.data.items.map((l: { productSku: { id: string } }) => l.productSku.id),
        [sku.id],
      );
    });

    it("refuses to deactivate through PATCH", async () => {
      const user = await create("nopatchdelete");
      expectError(
        await api.call("PATCH", `/v1/customers/${cid()}/users/${user.id}`, { body: { state: "inactive" } }),
        400,
        60026,
      );
    });

    it("keeps a deleted user for 30 days of the emulator clock, then purges it", async () => {
      const user = await create("purged");
      await api.call("DELETE", `/v1/customers/${cid()}/users/${user.id}`);
      const filter = encodeURIComponent(JSON.stringify({ Field: "UserState", Value: "Inactive", Operator: "equals" }));
      await api.advanceClock(29 * DAY);
      assert.strictEqual((await api.call("GET", `/v1/customers/${cid()}/users?filter=${filter}`)).data.totalCount, 1);
      await api.advanceClock(DAY);
      assert.strictEqual((await api.call("GET", `/v1/customers/${cid()}/users?filter=${filter}`)).data.totalCount, 0);
      expectError(
        await api.call("PATCH", `/v1/customers/${cid()}/users/${user.id}`, { body: { state: "active" } }),
        404,
        60002,
      );
      assert.strictEqual(
        (await api.call("POST", `/v1/customers/${cid()}/users`, { body: newUser("purged") })).status,
        201,
        "the UPN is free again",
      );
    });
  });

  describe("list", () => {
    it("returns the collection envelope with camelCase users and no passwords", async () => {
      const res = await api.call("GET", `/v1/customers/${cid()}/users`);
      assert.strictEqual(res.status, 200);
      assert.strictEqual(res.data.totalCount, res.data.items.length);
      assert.ok(res.data.items.length >= 1);
      assert.deepStrictEqual(res.data.attributes, { objectType: "Collection" });
      assert.match(res.data.links.self.uri, new RegExp(`^/v1/customers/${cid()}/users\\?size=`));
      assert.strictEqual(res.data.continuationToken, undefined);
      assert.ok(!JSON.stringify(res.data).includes("password"));
    });

    it("refuses other filter fields and operators with 400/2000", async () => {
      const f = (o: object) => encodeURIComponent(JSON.stringify(o));
      expectError(
        await api.call(
          "GET",
          `/v1/customers/${cid()}/users?filter=${f({ Field: "DisplayName", Value: "a", Operator: "equals" })}`,
        ),
        400,
        2000,
        /UserState/,
      );
      expectError(
        await api.call(
          "GET",
          `/v1/customers/${cid()}/users?filter=${f({ Field: "UserState", Value: "Inactive", Operator: "starts_with" })}`,
        ),
        400,
        2000,
      );
      expectError(await api.call("GET", `/v1/customers/${cid()}/users?filter=not-json`), 400, 2000, /JSON/);
    });

    it("sorts by displayName descending", async () => {
      await create("aaa", { displayName: "Aaa" });
      await create("zzz", { displayName: "Zzz" });
      const res = await api.call("GET", `/v1/customers/${cid()}/users?sortField=DisplayName&sortDirection=Descending`);
      const names = res.data.items.map((u: { displayName: string }) => u.displayName);
      assert.strictEqual(names[0], "Zzz");
      assert.deepStrictEqual(
        names,
        [...names].sort((a: string, b: string) => b.localeCompare(a, "en", { sensitivity: "base" })),
      );
      expectError(await api.call("GET", `/v1/customers/${cid()}/users?sortField=Shoe`), 400, 2000);
    });

    it("pages 10,000 users with continuation tokens, each exactly once", async () => {
      const customer = api.emu.store.data.partners[0].customers[0];
      const seeded = customer.users.filter((u) => u.state === "active").length;
      addActiveUsers(customer, 10_000, "bulk", "Bulk");
      const seen = new Set<string>();
      let res = await api.call("GET", `/v1/customers/${cid()}/users?size=500`);
      let pages = 0;
      for (;;) {
        assert.strictEqual(res.status, 200, JSON.stringify(res.data));
        pages++;
        assert.strictEqual(res.data.totalCount, res.data.items.length);
        for (const u of res.data.items) {
          assert.ok(!seen.has(u.id), `user ${u.id} seen twice`);
          seen.add(u.id);
        }
        const next = res.data.links.next;
        if (!next) break;
        assert.strictEqual(next.method, "GET");
        assert.match(next.uri, /^\/v1\/customers\/.+\/users\?size=500&seekOperation=Next$/);
        assert.deepStrictEqual(next.headers, [{ key: "MS-ContinuationToken", value: res.data.continuationToken }]);
        res = await api.call("GET", next.uri, { headers: { "MS-ContinuationToken": next.headers[0].value } });
      }
      assert.strictEqual(seen.size, 10_000 + seeded);
      assert.strictEqual(pages, Math.ceil((10_000 + seeded) / 500));
      assert.strictEqual(res.data.continuationToken, undefined);
    });

    it("refuses a bad or foreign continuation token with 400", async () => {
      const customer = api.emu.store.data.partners[0].customers[0];
      addActiveUsers(customer, 5, "p", "P");
      const first = await api.call("GET", `/v1/customers/${cid()}/users?size=2`);
      const token = first.data.continuationToken as string;
      assert.ok(token);
      expectError(
        await api.call("GET", `/v1/customers/${cid()}/users?size=2&seekOperation=Next`, {
          headers: { "MS-ContinuationToken": "garbage!!" },
        }),
        400,
        2000,
        /continuation token/,
      );
      expectError(
        await api.call("GET", `/v1/customers/${cid()}/users?size=2&seekOperation=Next`),
        400,
        2000,
        /MS-ContinuationToken/,
      );
      expectError(
        await api.call("GET", `/v1/customers/${api.customer(1).id}/users?size=2&seekOperation=Next`, {
          headers: { "MS-ContinuationToken": token },
        }),
        400,
        2000,
        /another list/,
      );
      const filter = encodeURIComponent(JSON.stringify({ Field: "UserState", Value: "Inactive", Operator: "equals" }));
      expectError(
        await api.call("GET", `/v1/customers/${cid()}/users?size=2&seekOperation=Next&filter=${filter}`, {
          headers: { "MS-ContinuationToken": token },
        }),
        400,
        2000,
        /filter/,
      );
    });
  });

  describe("eventual consistency", () => {
    it("hides a new user from the next N get/list reads", async () => {
      await api.config({ eventualConsistencyReads: 2 });
      const user = await create("late");
      expectError(await api.call("GET", `/v1/customers/${cid()}/users/${user.id}`), 404, 60002);
      const list = await api.call("GET", `/v1/customers/${cid()}/users`);
      assert.ok(!list.data.items.some((u: { id: string }) => u.id === user.id));
      assert.strictEqual((await api.call("GET", `/v1/customers/${cid()}/users/${user.id}`)).status, 200);
    });
  });
});
