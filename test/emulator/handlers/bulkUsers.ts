// Active users put straight into a customer in the emulator's store, for the paging tests.
import { randomUUID } from "crypto";
import type { CustomerRecord } from "../../../emulator/store/types";

/** Adds `count` active users `<prefix><i>@<domain>` named `<label> <i>` to `customer`; returns their ids in order. */
export function addActiveUsers(customer: CustomerRecord, count: number, prefix: string, label: string): string[] {
  const now = new Date().toISOString();
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const id = randomUUID();
    ids.push(id);
    customer.users.push({
      id,
      userPrincipalName: `${prefix}${i}@${customer.companyProfile.domain}`,
      displayName: `${label} ${i}`,
      password: "x",
      forceChangePassword: false,
      passwordChangedAt: now,
      userDomainType: "managed",
      state: "active",
      softDeletionTime: null,
      lastDirectorySyncTime: null,
      createdAt: now,
    });
  }
  return ids;
}
