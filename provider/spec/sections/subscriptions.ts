// `subscriptions:` — nicknames (friendly names) of the customer's existing subscriptions. Each becomes a
// SubscriptionNickname (provider/resources); the subscription itself is bought elsewhere and never created here.
// Choice: export lists every subscription that is not deleted, with its current nickname.

import { z } from "zod";
import { collect } from "../../client";
import { SubscriptionNickname } from "../../resources/subscription-nickname";
import { bool, guid, list, text, uniqueBy } from "../fields";
import { defineSection } from "./section";

const SubscriptionSpec = z.strictObject({
  id: guid("subscription id"),
  nickname: text("Nickname shown for the subscription.", "give the nickname, e.g. nickname: Sales - Microsoft 365").max(
    100,
    { error: "must be at most 100 characters (Partner Center's limit). Fix: shorten the nickname" },
  ),
  restoreOnDelete: bool(
    "Put the original nickname back when this entry is removed (default true).",
    "write restoreOnDelete: true or false",
  ).optional(),
});

const SubscriptionsSpec = list(
  SubscriptionSpec,
  "Nicknames of existing subscriptions.",
  "[{ id: <subscription id>, nickname: Sales }]",
).superRefine(uniqueBy("subscriptions", (s) => s.id.toLowerCase(), ["id"], "give each subscription one nickname"));

export const subscriptionsSection = defineSection({
  key: "subscriptions",
  schema: SubscriptionsSpec,
  declare(subs, ctx) {
    for (const s of subs) {
      new SubscriptionNickname(
        ctx.name("subscriptions", s.id.toLowerCase()),
        {
          customerId: ctx.customerId,
          subscriptionId: s.id,
          nickname: s.nickname,
          restoreOnDelete: s.restoreOnDelete,
        },
        ctx.opts,
      );
    }
  },
  async export({ client, customerId }) {
    const subs = (await collect(client.subscriptions.list(customerId)))
      .filter((s) => (s.status ?? "active").toLowerCase() !== "deleted" && (s.friendlyName ?? "") !== "")
      .sort((a, b) => a.id.localeCompare(b.id));
    return subs.length ? subs.map((s) => ({ id: s.id, nickname: s.friendlyName! })) : undefined;
  },
});
