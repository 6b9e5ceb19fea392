// Subscriptions: list, get, update (PATCH of the full resource with its etag; used for the nickname).
// https://learn.microsoft.com/partner-center/developer/update-the-nickname-for-a-subscription
// Choice: the etag travels in the body's attributes only, as the official SDK does (no If-Match).
import { guid, v1 } from "../ids";
import { validateInput } from "../inputs";
import { SubscriptionSchema, type Subscription } from "../models/subscriptions";
import { Paged } from "../paging";
import type { RequestRunner } from "../requestRunner";

export class SubscriptionsOperations {
  constructor(private readonly runner: RequestRunner) {}

  list(customerId: string): Paged<Subscription> {
    return Paged.defer(() => {
      const id = guid("subscriptions.list", "customerId", customerId);
      return this.runner.paged(
        { operation: "subscriptions.list", method: "GET", path: v1`/customers/${id}/subscriptions`, customerId: id },
        SubscriptionSchema,
        "Subscription",
      );
    });
  }

  async get(customerId: string, subscriptionId: string): Promise<Subscription> {
    const id = guid("subscriptions.get", "customerId", customerId);
    const sub = guid("subscriptions.get", "subscriptionId", subscriptionId);
    return this.runner.json(
      {
        operation: "subscriptions.get",
        method: "GET",
        path: v1`/customers/${id}/subscriptions/${sub}`,
        customerId: id,
      },
      SubscriptionSchema,
      "Subscription",
    );
  }

  /** Send the subscription as read (with attributes.etag) and the fields changed. */
  async update(customerId: string, subscription: Subscription): Promise<Subscription> {
    const operation = "subscriptions.update";
    const id = guid(operation, "customerId", customerId);
    const body = validateInput(operation, "subscription", SubscriptionSchema, subscription);
    const sub = guid(operation, "subscription.id", body.id);
    return this.runner.json(
      { operation, method: "PATCH", path: v1`/customers/${id}/subscriptions/${sub}`, customerId: id, body },
      SubscriptionSchema,
      "Subscription",
    );
  }
}
