// `customerAgreements:` — confirmations that the customer accepted the Microsoft Customer Agreement, one per primary
// contact. Each becomes a CustomerAgreement (provider/resources/customer-agreement.ts), whose input rules are reused.
// Choice: export writes every MCA confirmation, one per contact email (the latest), sorted by email, with its date;
// nothing in the 21Vianet and US Government clouds, which do not offer agreements.

import { z } from "zod";
import { CustomerAgreement, CustomerAgreementInputs, customerAgreement } from "../../resources/customer-agreement";
import { unavailableReason } from "../../resources/kit/customer-cloud-availability";
import { list, uniqueBy } from "../fields";
import { resourceRules } from "./resource-rules";
import { defineSection } from "./section";

const AgreementSpec = CustomerAgreementInputs.omit({ customerId: true })
  .superRefine(resourceRules(customerAgreement))
  .meta({
    description:
      "A confirmation that the customer accepted the Microsoft Customer Agreement: primaryContact {firstName, lastName, email, phoneNumber?} and dateAgreed (default: when it is created).",
  });

const AgreementsSpec = list(
  AgreementSpec,
  "Microsoft Customer Agreement acceptances, one per primary contact; removing one only stops managing it (a confirmation cannot be withdrawn).",
  "[{ primaryContact: { firstName: Jane, lastName: Doe, email: jane@contoso.com } }]",
).superRefine(
  uniqueBy(
    "customerAgreements",
    (a) => a.primaryContact.email.toLowerCase(),
    ["primaryContact", "email"],
    "list each contact once",
  ),
);

export const customerAgreementsSection = defineSection({
  key: "customerAgreements",
  schema: AgreementsSpec,
  declare(items, ctx) {
    for (const a of items) {
      new CustomerAgreement(
        ctx.name("customerAgreements", a.primaryContact.email.toLowerCase()),
        { customerId: ctx.customerId, ...a },
        ctx.opts,
      );
    }
  },
  async export({ client, customerId, cloud }) {
    if (unavailableReason("agreements", cloud)) return undefined;
    const byEmail = new Map<string, z.input<typeof AgreementSpec>>();
    for (const a of await client.agreements.listForCustomer(customerId, "MicrosoftCustomerAgreement").toArray()) {
      const c = a.primaryContact;
      if (!c?.email || !c.firstName || !c.lastName) continue;
      byEmail.set(c.email.toLowerCase(), {
        primaryContact: {
          firstName: c.firstName,
          lastName: c.lastName,
          email: c.email,
          ...(c.phoneNumber ? { phoneNumber: c.phoneNumber } : {}),
        },
        ...(a.dateAgreed ? { dateAgreed: a.dateAgreed } : {}),
      });
    }
    const out = [...byEmail.entries()].sort(([x], [y]) => x.localeCompare(y)).map(([, v]) => v);
    return out.length ? out : undefined;
  },
});
