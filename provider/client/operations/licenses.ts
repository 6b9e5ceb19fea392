// Licenses (App+User only): subscribed SKUs, a user's licenses, license updates (assign/remove).
// https://learn.microsoft.com/partner-center/developer/assign-licenses-to-a-user
import { guid, guidOrUpn, v1 } from "../ids";
import { validateInput } from "../inputs";
import { z } from "zod";
import {
  LicenseGroupSchema,
  LicenseSchema,
  LicenseUpdateRequestSchema,
  LicenseUpdateSchema,
  SubscribedSkuSchema,
  type License,
  type LicenseGroup,
  type LicenseUpdate,
  type LicenseUpdateRequest,
  type SubscribedSku,
} from "../models/licenses";
import { Paged } from "../paging";
import type { RequestRunner } from "../requestRunner";

const GroupsSchema = z.array(LicenseGroupSchema).optional();

export class LicensesOperations {
  constructor(private readonly runner: RequestRunner) {}

  listSubscribedSkus(customerId: string, groups?: LicenseGroup[]): Paged<SubscribedSku> {
    return Paged.defer(() => {
      const operation = "licenses.listSubscribedSkus";
      const id = guid(operation, "customerId", customerId);
      const licenseGroupIds = validateInput(operation, "groups", GroupsSchema, groups);
      return this.runner.paged(
        {
          operation,
          method: "GET",
          path: v1`/customers/${id}/subscribedskus`,
          query: { licenseGroupIds },
          customerId: id,
          appUserOnly: true,
        },
        SubscribedSkuSchema,
        "SubscribedSku",
      );
    });
  }

  listForUser(customerId: string, userId: string, groups?: LicenseGroup[]): Paged<License> {
    return Paged.defer(() => {
      const operation = "licenses.listForUser";
      const id = guid(operation, "customerId", customerId);
      const user = guid(operation, "userId", userId);
      const licenseGroupIds = validateInput(operation, "groups", GroupsSchema, groups);
      return this.runner.paged(
        {
          operation,
          method: "GET",
          path: v1`/customers/${id}/users/${user}/licenses`,
          query: { licenseGroupIds },
          customerId: id,
          appUserOnly: true,
        },
        LicenseSchema,
        "License",
      );
    });
  }

  /** userId may also be the user's UPN (documented for licenseupdates). */
  async update(customerId: string, userId: string, update: LicenseUpdateRequest): Promise<LicenseUpdate> {
    const operation = "licenses.update";
    const id = guid(operation, "customerId", customerId);
    const user = guidOrUpn(operation, "userId", userId);
    const body = validateInput(operation, "update", LicenseUpdateRequestSchema, update);
    body.licensesToAssign?.forEach((l, i) => {
      guid(operation, `update.licensesToAssign[${i}].skuId`, l.skuId);
      l.excludedPlans?.forEach((p, j) => guid(operation, `update.licensesToAssign[${i}].excludedPlans[${j}]`, p));
    });
    body.licensesToRemove?.forEach((sku, i) => guid(operation, `update.licensesToRemove[${i}]`, sku));
    return this.runner.json(
      {
        operation,
        method: "POST",
        path: v1`/customers/${id}/users/${user}/licenseupdates`,
        customerId: id,
        appUserOnly: true,
        body: { ...body, attributes: { objectType: "LicenseUpdate" } },
      },
      LicenseUpdateSchema,
      "LicenseUpdate",
    );
  }
}
