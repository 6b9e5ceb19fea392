// Customer deletionPolicy "removeResellerRelationship" under the real Pulumi engine against the emulator: preview of
// the policy change warns of an active Azure reservation with the fix; destroy is then refused with the fix and the
// customer stays in state (nothing silently dropped, the relationship unchanged); once the reservation is cancelled,
// destroy removes the reseller relationship and the emulator lists the customer with relationship "none".
import { strict as assert } from "assert";
import { randomUUID } from "crypto";
import * as path from "path";
import type { Stack } from "@pulumi/pulumi/automation";
import { appUserToken, emulatorOk } from "../../scripts/emulator-http";
import { Customer } from "../../provider/resources/customer";
import { EventLog, readCheckpoint, repoRoot, typeOfUrn } from "./harness";
import { useStackFixture } from "./stack-fixture";

const PROJECT = "quickstart"; // any project folder inside the repo: the provider plugin resolves the package from there
const STACK = "unlink";
const DOMAIN = "reseller-removal-e2e.onmicrosoft.com";

describe("e2e: Customer deletionPolicy removeResellerRelationship", function () {
  this.timeout(300_000);
  const e2e = useStackFixture();
  const { partner } = e2e;
  let stack: Stack;
  let token: string;
  let policy = "retain";
  let customerId = "";
  const relationship = async () =>
    (await emulatorOk<{ relationshipToPartner: string }>(e2e.emu, "GET", `/v1/customers/${customerId}`, { token }))
      .relationshipToPartner;
  const customersInState = () =>
    readCheckpoint(e2e.env, PROJECT, STACK).resources.filter((r) => typeOfUrn(r.urn) === "Customer");
  const diagnostics = (log: EventLog) => log.events.map((e) => e.diagnosticEvent?.message ?? "").join("\n");
  let reservation: { status: string } | undefined;

  before(async () => {
    const projectConfig = { customerId: partner().customers[0].id, domain: DOMAIN }; // the quickstart project's required keys
    stack = await e2e.openStack(path.join(repoRoot, "examples", PROJECT), STACK, projectConfig, async () => {
      const c = new Customer("unlinked", {
        domain: DOMAIN,
        companyName: "Reseller Removal E2E",
        email: "billing@e2e.example",
        defaultAddress: { country: "US", city: "Redmond", addressLine1: "1 Microsoft Way", postalCode: "98052" },
        deletionPolicy: policy as "retain",
      });
      return { customerId: c.customerId };
    });
    token = await appUserToken(e2e.emu, partner());
  });

  it("up creates the customer (a reseller customer of the partner)", async () => {
    const up = await stack.up();
    customerId = String(up.outputs.customerId.value);
    assert.equal(await relationship(), "reseller");
  });

  it("preview of the change to removeResellerRelationship warns of the active reservation with the fix; up applies it", async () => {
    const seeded = e2e.emu.store.findCustomer(partner().customers[0].id)!.customer.subscriptions[0];
    const planted = { ...seeded, id: randomUUID(), offerName: "Azure Reserved VM Instances", status: "active" };
    e2e.emu.store.findCustomer(customerId)!.customer.subscriptions.push(planted);
    reservation = planted;
    policy = "removeResellerRelationship";
    const log = new EventLog();
    const pv = await stack.preview({ onEvent: log.onEvent });
    assert.equal(pv.changeSummary.update, 1);
    assert.match(
      diagnostics(log),
      /1 active Azure reservation subscription\(s\) \(Azure Reserved VM Instances\), so deleting it with deletionPolicy "removeResellerRelationship" will be refused until they are cancelled\. .*Fix: cancel them through Azure support/,
    );
    await stack.up();
    assert.equal(customersInState()[0]?.outputs?.deletionPolicy, "removeResellerRelationship");
  });

  it("destroy is refused with the fix while the reservation is active: the customer stays in state and keeps its relationship", async () => {
    const log = new EventLog();
    await assert.rejects(stack.destroy({ onEvent: log.onEvent }));
    assert.match(
      log.errors().join("\n"),
      /delete \(remove the reseller relationship\): the customer has 1 active Azure reservation subscription\(s\).*Fix: cancel them through Azure support, then delete again/,
    );
    assert.equal(customersInState().length, 1, "the customer is still in the stack's state");
    assert.equal(await relationship(), "reseller");
  });

  it("with the reservation cancelled, destroy removes the reseller relationship; the customer stays listed with none", async () => {
    reservation!.status = "cancelled";
    const log = new EventLog();
    await stack.destroy({ onEvent: log.onEvent });
    assert.deepEqual(log.ops(), { delete: 1 });
    assert.equal(customersInState().length, 0);
    assert.equal(await relationship(), "none");
    assert.match(diagnostics(log), /the reseller relationship was removed/);
  });
});
