// Wire shapes of the customer's company and billing profiles, shared by the customers and profiles handlers.
import type { AddressRecord, CustomerRecord } from "../../store/types";
import { link } from "../../http/collection";

function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

export function addressJson(a: AddressRecord | undefined): AddressRecord | undefined {
  return a ? withoutUndefined({ ...a }) : undefined;
}

/** `delegated` false hides address and email, as Partner Center does for partners without delegated access. */
export function companyProfileJson(c: CustomerRecord, delegated = true) {
  const p = c.companyProfile;
  return withoutUndefined({
    tenantId: p.tenantId,
    domain: p.domain,
    companyName: p.companyName,
    address: delegated ? addressJson(p.address) : undefined,
    email: delegated ? p.email : undefined,
    organizationRegistrationNumber: p.organizationRegistrationNumber,
    links: { self: link(`/customers/${c.id}/profiles/company`) },
    attributes: { objectType: "CustomerCompanyProfile" },
  });
}

export function billingProfileJson(c: CustomerRecord) {
  const b = c.billingProfile;
  return withoutUndefined({
    id: b.id,
    firstName: b.firstName,
    lastName: b.lastName,
    email: b.email,
    culture: b.culture,
    language: b.language,
    companyName: b.companyName,
    defaultAddress: addressJson(b.defaultAddress),
    links: { self: link(`/v1/customers/${c.id}/profiles/billing`) },
    attributes: { etag: b.etag, objectType: "CustomerBillingProfile" },
  });
}
