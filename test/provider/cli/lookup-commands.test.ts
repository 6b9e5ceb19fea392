// The lookup commands (`customers`, `users`, `licenses`, `subscriptions`, `orders`, `roles`, `policies`) against the
// emulator over HTTPS, configured as `export` is (PARTNERCENTER_* env, flags win): each prints a table and
// `--output json` with what the emulator holds, pages through everything, is quiet on stderr when not a TTY,
// never prints a password, and answers bad usage with exit 2 and the fix.
import { strict as assert } from "assert";
import { randomUUID } from "crypto";
import { readFileSync } from "fs";
import { join } from "path";
import { envName } from "../../../provider/config";
import type { CustomerRecord, UserRecord } from "../../../emulator/store/types";
import { clientFor } from "../client/emulatorClient";
import { useLookupCli } from "./lookupCli";

describe("partner-center lookup commands (against the emulator)", () => {
  const { ctx, partner, run, json, table } = useLookupCli();
  const fabrikam = () => partner().customers.find((c) => c.customDomains.length > 0)!;
  const record = (id: string): CustomerRecord => ctx.emu.store.findCustomer(id)!.customer;

  it("customers list: every customer of the partner, as a table and as JSON", async () => {
    const expected = partner()
      .customers.map((c) => c.id)
      .sort();
    assert.ok(expected.length >= 3);
    const rows = await json("customers", "list");
    assert.deepEqual(rows.map((r) => r.id).sort(), expected);
    const [header, ...lines] = await table("customers", "list");
    assert.deepEqual(header, ["ID", "DOMAIN", "COMPANY", "RELATIONSHIP"]);
    assert.deepEqual(lines.map((l) => l[0]).sort(), expected);
    const fab = lines.find((l) => l[0] === fabrikam().id)!;
    assert.deepEqual(fab.slice(1, 3), [fabrikam().domain, "Fabrikam, Inc."]);
  });

  it("customers get by the initial domain and customers search by a company-name prefix", async () => {
    const [got] = await json("customers", "get", fabrikam().domain);
    assert.equal(got.id, fabrikam().id);
    const [, row] = await table("customers", "get", fabrikam().id);
    assert.equal(row[0], fabrikam().id);
    const found = await json("customers", "search", "wingtip");
    assert.deepEqual(
      found.map((c) => (c.companyProfile as { companyName: string }).companyName),
      ["Wingtip Toys"],
    );
    const none = await run("customers", "search", "zzz-no-such");
    assert.deepEqual(none.io.lines, ["(no customer matches)"]);
  });

  it("users list pages through every user (two emulator pages), prints no password, and stays quiet off a TTY", async () => {
    const customer = record(fabrikam().id);
    const template = customer.users[0];
    for (let i = 0; i < 620; i++) {
      const user: UserRecord = {
        ...template,
        id: randomUUID(),
        userPrincipalName: `bulk${i}@${customer.companyProfile.domain}`,
        displayName: `Bulk ${i}`,
        password: "Bulk-Secret-Password-1!",
        state: "active",
        softDeletionTime: null,
      };
      customer.users.push(user);
    }
    const active = customer.users.filter((u) => u.state === "active");
    assert.ok(active.length > 600, "more users than one emulator page (500)");
    const rows = await json("users", "list", "--customer", fabrikam().domain);
    assert.equal(rows.length, active.length);
    assert.deepEqual(new Set(rows.map((r) => r.id)), new Set(active.map((u) => u.id)));
    const { io } = await run("users", "list", "--customer", fabrikam().id);
    assert.equal(io.lines.length, active.length + 2);
    assert.match(io.lines[0], /^ID +USER PRINCIPAL NAME +DISPLAY NAME +LOCATION +STATE$/);
    assert.ok(io.lines.some((l) => l.includes(`bulk619@${customer.companyProfile.domain}`)));
    const all = JSON.stringify(rows) + io.lines.join("\n");
    assert.ok(!all.includes("Bulk-Secret-Password-1!"));
    assert.ok(!all.includes("passwordProfile"));
  });

  it("licenses list: the customer's SKUs with free seats, and one user's licenses by user principal name", async () => {
    const customer = record(fabrikam().id);
    assert.ok(customer.skus.length > 0);
    const skus = await json("licenses", "list", "--customer", fabrikam().id);
    assert.deepEqual(
      skus.map((s) => (s.productSku as { id: string }).id).sort(),
      customer.skus.map((s) => s.id).sort(),
    );
    const [header, ...lines] = await table("licenses", "list", "--customer", fabrikam().id);
    assert.deepEqual(header, ["SKU ID", "PART NUMBER", "NAME", "TOTAL", "CONSUMED", "AVAILABLE"]);
    assert.equal(lines.length, customer.skus.length);
    for (const s of skus) {
      const line = lines.find((l) => l[0] === (s.productSku as { id: string }).id)!;
      assert.equal(line[5], String(s.availableUnits));
    }

    const client = clientFor(ctx.emu, "user");
    const user = customer.users.find((u) => u.state === "active")!;
    const sku = customer.skus.find((s) => s.targetType === "User")!;
    await client.licenses.update(fabrikam().id, user.id, { licensesToAssign: [{ skuId: sku.id, excludedPlans: [] }] });
    const mine = await json(
      "licenses",
      "list",
      "--customer",
      fabrikam().id,
      "--user",
      user.userPrincipalName.toUpperCase(),
    );
    assert.deepEqual(
      mine.map((l) => (l.productSku as { id: string }).id),
      customer.licenses.filter((l) => l.userId === user.id).map((l) => l.skuId),
    );
    assert.ok(mine.length > 0);
    const missing = await run("licenses", "list", "--customer", fabrikam().id, "--user", "nobody@nowhere.example");
    assert.equal(missing.code, 1);
    assert.match(missing.io.errors.join("\n"), /has no user nobody@nowhere.example\. Fix: .*users list --customer/);
  });

  it("subscriptions, orders (with --billing-cycle) and roles list what the emulator holds", async () => {
    const customer = record(fabrikam().id);
    assert.ok(customer.subscriptions.length > 0 && customer.orders.length > 0 && customer.roles.length > 0);
    const subs = await json("subscriptions", "list", "--customer", fabrikam().domain);
    assert.deepEqual(subs.map((s) => s.id).sort(), customer.subscriptions.map((s) => s.id).sort());
    const [subHeader, ...subLines] = await table("subscriptions", "list", "--customer", fabrikam().domain);
    assert.deepEqual(subHeader, ["ID", "OFFER", "NICKNAME", "QUANTITY", "STATUS", "BILLING"]);
    assert.equal(subLines.length, customer.subscriptions.length);

    const orders = await json("orders", "list", "--customer", fabrikam().id);
    assert.deepEqual(orders.map((o) => o.id).sort(), customer.orders.map((o) => o.id).sort());
    const cycle = customer.orders[0].billingCycle;
    const some = await json("orders", "list", "--customer", fabrikam().id, "--billing-cycle", cycle.toLowerCase());
    assert.deepEqual(
      some.map((o) => o.id).sort(),
      customer.orders
        .filter((o) => o.billingCycle.toLowerCase() === cycle.toLowerCase())
        .map((o) => o.id)
        .sort(),
    );
    assert.ok(some.length > 0);
    const [orderHeader] = await table("orders", "list", "--customer", fabrikam().id);
    assert.deepEqual(orderHeader, ["ID", "BILLING CYCLE", "STATUS", "CREATED", "OFFERS"]);

    const roles = await json("roles", "list", "--customer", fabrikam().id);
    assert.deepEqual(roles.map((r) => r.name).sort(), customer.roles.map((r) => r.name).sort());
    const [, ...roleLines] = await table("roles", "list", "--customer", fabrikam().id);
    assert.equal(roleLines.length, customer.roles.length);
  });

  it("policies get <id> reads one self-serve policy (the lookup getSelfServePolicy); list shows the customer's", async () => {
    const client = clientFor(ctx.emu, "user");
    const created = await client.selfServePolicies.create({
      selfServeEntity: { selfServeEntityType: "customer", tenantID: fabrikam().id },
      grantor: { grantorType: "billToPartner", tenantID: partner().tenantId },
      permissions: [{ resource: "AzureReservedInstances", action: "Purchase" }],
    });
    const [got] = await json("policies", "get", created.id);
    assert.equal(got.id, created.id);
    assert.deepEqual(got.permissions, [{ resource: "AzureReservedInstances", action: "Purchase" }]);
    const [header, ...lines] = await table("policies", "list", "--customer", fabrikam().id);
    assert.deepEqual(header, ["ID", "ENTITY", "GRANTOR", "PERMISSIONS"]);
    assert.deepEqual(
      lines.map((l) => l[0]),
      [created.id],
    );
    assert.equal(lines[0][3], "Purchase AzureReservedInstances");
  });

  it("settings given as flags win over PARTNERCENTER_* (as for export)", async () => {
    process.env[envName("endpoint")] = "https://127.0.0.1:9";
    const viaEnv = await run("roles", "list", "--customer", fabrikam().id);
    assert.equal(viaEnv.code, 1);
    const rows = await json("roles", "list", "--customer", fabrikam().id, "--endpoint", ctx.emu.url);
    assert.ok(rows.length > 0);
  });

  it("runs every lookup command the README shows, verbatim, with a table or JSON for each", async () => {
    const readme = readFileSync(join(__dirname, "..", "..", "..", "README.md"), "utf8");
    const section = readme.split("## Lookups from the command line")[1].split("\n## ")[0];
    const commands = [...section.matchAll(/^npx partner-center (.+)$/gm)]
      .map((m) => m[1].split(" "))
      .filter((argv) => argv[0] !== "remove-reseller-relationship"); // its own test runs that one
    assert.ok(commands.length >= 10, "the README section lists the lookup commands");
    for (const argv of commands) {
      const { code, io } = await run(...argv);
      assert.equal(code, 0, `${argv.join(" ")}: ${io.errors.join("\n")}`);
      assert.ok(io.lines.length > 0, argv.join(" "));
      if (argv.includes("json")) assert.ok(Array.isArray(JSON.parse(io.lines.join("\n"))));
      else if (io.lines.length === 1) assert.match(io.lines[0], /^\(no [a-z -]+\)$/, argv.join(" "));
      else assert.match(io.lines[1], /^-+( +-+)*$/, argv.join(" "));
    }
  });

  it("bad usage exits 2 with the fix and the usage; a missing setting says how to give it", async () => {
    const cases: Array<[string[], RegExp]> = [
      [["users", "list"], /--customer is required/],
      [["users"], /a verb is required: use list/],
      [["customers", "delete"], /unknown verb 'delete': use list or get or search/],
      [["roles", "list", "--customer", "x", "--output", "yaml"], /--output must be table or json, not 'yaml'/],
      [["orders", "list", "--customer", "x", "--billing-cycle", "weekly"], /--billing-cycle must be one of .*Monthly/],
      [["customers", "get"], /customers get takes one customer/],
      [["customers", "search", "x", "--by", "city"], /--by must be companyName or domain/],
    ];
    for (const [argv, message] of cases) {
      const { code, io } = await run(...argv);
      assert.equal(code, 2, argv.join(" "));
      assert.match(io.errors.join("\n"), message);
      assert.match(io.errors.join("\n"), /Usage|partner-center \w+ /);
    }
    delete process.env[envName("tenantId")];
    const { code, io } = await run("roles", "list", "--customer", fabrikam().id);
    assert.equal(code, 1);
    assert.match(io.errors.join("\n"), /tenantId|TENANT_ID/);
    assert.match(io.errors.join("\n"), /flags \(--tenant-id/);
    assert.ok(!io.errors.join("\n").includes(partner().user.clientSecret));
  });
});
