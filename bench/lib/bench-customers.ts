// Benchmark setup: extra customers of the emulator's default partner, written straight into the emulator's store
// (no API calls, so setup never counts in a measurement). Each is a copy of a seeded customer with fresh ids, a
// domain of its own, plenty of seats and, if asked, users that already hold one directory role and one license.
import { randomUUID } from "crypto";
import type { Emulator } from "../../emulator";
import type { CustomerRecord, UserRecord } from "../../emulator/store/types";

export interface BenchCustomer {
  id: string;
  domain: string;
  users: Array<{ id: string; upn: string; roleId: string; roleName: string; skuId: string }>;
}

export const BENCH_ROLES = [
  "User Administrator",
  "Helpdesk Administrator",
  "License Administrator",
  "Directory Readers",
  "Global Reader",
];
export const BENCH_SKU = "O365_BUSINESS_PREMIUM";

/** An active managed user to write into the store (first name "Bench", no password that matters). */
export function benchUser(userPrincipalName: string, displayName: string, lastName: string, now: string): UserRecord {
  return {
    id: randomUUID(),
    userPrincipalName,
    displayName,
    firstName: "Bench",
    lastName,
    usageLocation: "US",
    password: "n/a",
    forceChangePassword: false,
    passwordChangedAt: now,
    userDomainType: "managed",
    state: "active",
    softDeletionTime: null,
    lastDirectorySyncTime: null,
    createdAt: now,
  };
}

/** Adds `count` customers (seats: `seats` per SKU) with `usersEach` existing users holding a role and a license. */
export function addBenchCustomers(
  emu: Emulator,
  count: number,
  opts: { usersEach?: number; seats?: number; prefix?: string } = {},
): BenchCustomer[] {
  const partner = emu.store.data.partners.find((p) => p.tenantId === emu.seed.defaultPartnerId)!;
  const template = partner.customers[0];
  const out: BenchCustomer[] = [];
  const now = new Date().toISOString();
  for (let n = 0; n < count; n++) {
    const id = randomUUID();
    const domain = `${opts.prefix ?? "bench"}${n}x${id.slice(0, 6)}.onmicrosoft.com`;
    const c: CustomerRecord = structuredClone(template);
    c.id = id;
    c.commerceId = randomUUID();
    c.companyProfile = {
      ...c.companyProfile,
      tenantId: id,
      domain,
      companyName: `Bench Customer ${n}`,
      email: `admin@${domain}`,
    };
    c.billingProfile = { ...c.billingProfile, id: randomUUID() };
    c.customDomains = [];
    c.domains = [
      {
        name: domain,
        authenticationType: "managed",
        capability: "email",
        isDefault: true,
        isInitial: true,
        status: "verified",
        verificationMethod: "none",
      },
    ];
    for (const s of c.skus) s.activeUnits = opts.seats ?? 1000;
    for (const s of c.subscriptions) s.id = randomUUID();
    c.users = [];
    c.licenses = [];
    for (const r of c.roles) r.memberIds = [];
    const sku = c.skus.find((s) => s.skuPartNumber === BENCH_SKU)!;
    const users: BenchCustomer["users"] = [];
    for (let i = 0; i < (opts.usersEach ?? 0); i++) {
      const role = c.roles.find((r) => r.name === BENCH_ROLES[i % BENCH_ROLES.length])!;
      const user = benchUser(`user${i}@${domain}`, `Bench User ${i}`, String(i), now);
      c.users.push(user);
      role.memberIds.push(user.id);
      c.licenses.push({ userId: user.id, skuId: sku.id, excludedPlans: [] });
      users.push({ id: user.id, upn: user.userPrincipalName, roleId: role.id, roleName: role.name, skuId: sku.id });
    }
    partner.customers.push(c);
    out.push({ id, domain, users });
  }
  return out;
}
