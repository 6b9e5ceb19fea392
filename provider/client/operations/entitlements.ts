// Entitlements of a customer. https://learn.microsoft.com/partner-center/developer/get-a-collection-of-entitlements
// Choice: the page says "supports App+User" without "only", so App-only callers may try (the service decides).
import { z } from "zod";
import { guid, v1 } from "../ids";
import { validateInput } from "../inputs";
import { EntitlementSchema, type Entitlement } from "../models/entitlements";
import { Paged } from "../paging";
import type { RequestRunner } from "../requestRunner";

export class EntitlementsOperations {
  constructor(private readonly runner: RequestRunner) {}

  list(customerId: string, options: { entitlementType?: string; showExpiry?: boolean } = {}): Paged<Entitlement> {
    return Paged.defer(() => {
      const operation = "entitlements.list";
      const id = guid(operation, "customerId", customerId);
      const entitlementType =
        options.entitlementType === undefined
          ? undefined
          : validateInput(
              operation,
              "entitlementType",
              z.string().regex(/^[A-Za-z]{1,64}$/, "must be a type name such as software or reservedInstance"),
              options.entitlementType,
            );
      return this.runner.paged(
        {
          operation,
          method: "GET",
          path: v1`/customers/${id}/entitlements`,
          query: { entitlementType, showExpiry: options.showExpiry },
          customerId: id,
        },
        EntitlementSchema,
        "Entitlement",
      );
    });
  }
}
