// `partner-center remove-reseller-relationship --customer C --confirm <initial domain>`: ends the partner's reseller
// relationship with a customer (App+User credentials). The customer stays in the list with relationship "none".
// https://learn.microsoft.com/partner-center/developer/remove-a-reseller-relationship-with-a-customer
// Choice: --confirm must repeat the customer's initial domain, because the step cannot be undone from the API (the
// customer has to accept a new invitation).
// Choice: the documented precondition (every Azure Reserved VM Instance cancelled first) is checked before the call:
// an active reservedInstance entitlement or a subscription whose offer name says "Reserved" stops it with the fix, and
// nothing is changed (kit/reseller-relationship.ts).
import { isNotFound } from "../client/errors";
import { activeReservations, describeReservations, RESERVATIONS_RULE } from "../resources/kit/reseller-relationship";
import { parse, UsageError, type Command } from "./command-kit";
import { clientFromSettings, SETTING_OPTIONS, SETTINGS_USAGE } from "./lookup/settings";

export const removeResellerRelationshipCommand: Command = {
  summary: "end the reseller relationship with a customer (asks for its initial domain as confirmation)",
  usage: [
    "partner-center remove-reseller-relationship --customer <tenant id | domain> --confirm <initial domain> [settings]",
    "",
    "  --customer C            the customer: tenant id (GUID) or its initial domain",
    "  --confirm DOMAIN        the customer's initial domain again, to confirm (the API cannot undo this)",
    "",
    ...SETTINGS_USAGE,
  ].join("\n"),
  async run(argv, io) {
    const values = parse(argv, { customer: { type: "string" }, confirm: { type: "string" }, ...SETTING_OPTIONS });
    const ref = values.customer?.trim() ?? "";
    if (!ref) throw new UsageError("--customer is required: give the customer's tenant id or initial domain");
    const client = await clientFromSettings(values);
    const { resolveCustomerId } = await import("../spec/customer-ref");
    const id = await resolveCustomerId(client, ref);
    let customer: Awaited<ReturnType<typeof client.customers.get>>;
    try {
      customer = await client.customers.get(id);
    } catch (e) {
      if (!isNotFound(e)) throw e;
      throw new Error(
        `${ref} is not a customer of this partner (Partner Center answered 404). Fix: check the tenant id`,
        {
          cause: e,
        },
      );
    }
    const domain = customer.companyProfile?.domain ?? id;
    const name = `${customer.companyProfile?.companyName ?? domain} (${id})`;
    if ((customer.relationshipToPartner ?? "").toLowerCase() === "none") {
      io.out(`${name} has no reseller relationship with this partner already; nothing to do`);
      return 0;
    }
    const confirm = values.confirm?.trim().toLowerCase();
    if (confirm !== domain.toLowerCase())
      throw new UsageError(
        confirm
          ? `--confirm ${values.confirm} is not the initial domain of ${name}. Fix: --confirm ${domain}`
          : `--confirm is required: removing the relationship cannot be undone from the API. Fix: add --confirm ${domain}`,
      );
    const reserved = await activeReservations(client, id);
    if (reserved.length > 0)
      throw new Error(
        `${name} has ${describeReservations(reserved)}; ${RESERVATIONS_RULE}, then run this again. Nothing was changed`,
      );
    await client.customers.removeResellerRelationship(id);
    io.out(`removed the reseller relationship with ${name}; it is listed with relationship "none" from now on`);
    return 0;
  },
};
