// `partner-center remove-reseller-relationship` against the emulator: it asks for the initial domain as confirmation,
// refuses (changing nothing) while an Azure reservation is active, removes the relationship, and is a no-op after.
import { strict as assert } from "assert";
import { readFileSync } from "fs";
import { join } from "path";
import { main } from "../../../provider/cli/main";
import { useEmulator } from "../client/emulatorClient";
import { useEmulatorSettings } from "./cli-env";
import { captureIo, runCli } from "./cli-io";

describe("partner-center remove-reseller-relationship (against the emulator)", () => {
  const ctx = useEmulator();
  useEmulatorSettings(ctx, "pc-unlink-");
  const partner = () => ctx.emu.seed.partners.find((p) => p.tenantId === ctx.emu.seed.defaultPartnerId)!;
  const wingtip = () => partner().customers.find((c) => c.domain.startsWith("wingtip"))!;
  const relationship = () => ctx.emu.store.findCustomer(wingtip().id)!.customer.relationshipToPartner;
  const fabrikam = () => partner().customers.find((c) => c.domain.startsWith("fabrikam"))!;

  const run = (...argv: string[]) => runCli(["remove-reseller-relationship", ...argv]);

  it("asks for the initial domain as confirmation, then removes the relationship; a second run has nothing to do", async () => {
    assert.equal(relationship(), "reseller");
    const bare = await run("--customer", wingtip().id);
    assert.equal(bare.code, 2);
    assert.match(
      bare.io.errors.join("\n"),
      new RegExp(`--confirm is required.*Fix: add --confirm ${wingtip().domain}`),
    );
    const wrong = await run("--customer", wingtip().id, "--confirm", "fabrikamtenant.onmicrosoft.com");
    assert.equal(wrong.code, 2);
    assert.match(wrong.io.errors.join("\n"), /is not the initial domain of Wingtip Toys/);
    assert.equal(relationship(), "reseller", "nothing changed before confirmation");

    const done = await run("--customer", wingtip().domain, "--confirm", wingtip().domain.toUpperCase());
    assert.equal(done.code, 0, done.io.errors.join("\n"));
    assert.match(done.io.lines.join("\n"), /removed the reseller relationship with Wingtip Toys/);
    assert.equal(relationship(), "none");

    const again = await run("--customer", wingtip().id);
    assert.equal(again.code, 0);
    assert.match(again.io.lines.join("\n"), /has no reseller relationship with this partner already/);
  });

  it("runs the README's command verbatim", async () => {
    const readme = readFileSync(join(__dirname, "..", "..", "..", "README.md"), "utf8");
    const line = /^npx partner-center remove-reseller-relationship (.+)$/m.exec(readme);
    assert.ok(line, "the README shows the command");
    const io = captureIo();
    const code = await main(["remove-reseller-relationship", ...line[1].split(" ")], io);
    assert.equal(code, 0, io.errors.join("\n"));
    assert.equal(relationship(), "none");
  });

  it("refuses while an Azure Reserved VM Instance is active (the documented precondition) and changes nothing", async () => {
    const record = ctx.emu.store.findCustomer(wingtip().id)!.customer;
    assert.ok(record.subscriptions.length > 0);
    record.subscriptions.push({
      ...record.subscriptions[0],
      id: "11111111-2222-3333-4444-555555555555",
      offerName: "Azure Reserved VM Instances",
      status: "active",
    });
    const { code, io } = await run("--customer", wingtip().id, "--confirm", wingtip().domain);
    assert.equal(code, 1);
    assert.match(
      io.errors.join("\n"),
      /1 active Azure reservation subscription\(s\) \(Azure Reserved VM Instances\).*Fix: cancel them through Azure support.*Nothing was changed/,
    );
    assert.equal(relationship(), "reseller");
  });

  it("refuses a customer with an active Reserved VM Instance (an entitlement), naming its order, before any PATCH", async () => {
    const record = ctx.emu.store.findCustomer(fabrikam().id)!.customer;
    const reservation = record.entitlements.find((e) => e.entitlementType === "reservedInstance");
    assert.ok(reservation, "the seed gives Fabrikam an Azure VM reservation");
    const orderId = reservation.referenceOrder.id;
    const friendlyName = record.orders.find((o) => o.id === orderId)!.lineItems[0].friendlyName;
    const { code, io } = await run("--customer", fabrikam().domain, "--confirm", fabrikam().domain);
    assert.equal(code, 1);
    const message = io.errors.join("\n");
    assert.ok(
      message.includes(`1 active Azure Reserved VM Instance(s) ("${friendlyName}", order ${orderId}, expires `),
      message,
    );
    assert.match(message, /Fix: cancel them through Azure support, then run this again\. Nothing was changed/);
    const log = (await ctx.admin("GET", "/requests?since=0")) as Array<{ method: string; path: string }>;
    assert.ok(
      log.some((q) => q.method === "GET" && q.path.endsWith(`/customers/${fabrikam().id}/entitlements`)),
      "the entitlements were read",
    );
    assert.deepEqual(
      log.filter((q) => q.method === "PATCH"),
      [],
      "no removal was attempted",
    );
    assert.equal(record.relationshipToPartner, "reseller");
  });

  it("lets an expired Reserved VM Instance through: the relationship is removed", async () => {
    const record = ctx.emu.store.findCustomer(fabrikam().id)!.customer;
    record.entitlements.find((e) => e.entitlementType === "reservedInstance")!.expiryDate = "2026-01-01T00:00:00Z";
    const { code, io } = await run("--customer", fabrikam().domain, "--confirm", fabrikam().domain);
    assert.equal(code, 0, io.errors.join("\n"));
    assert.equal(record.relationshipToPartner, "none");
  });
});
