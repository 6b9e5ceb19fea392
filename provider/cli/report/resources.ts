// What a report says about a resource: its type and name from the URN, its customer from its properties,
// and the Partner Center ordering (customer, then type, then name).
import type { Bag } from "./values";

export interface ResourceRef {
  urn: string;
  /** last segment of the type token, e.g. `CustomerUser` */
  type: string;
  name: string;
  /** customer tenant id from the resource's `customerId` property; undefined for non-customer resources */
  customerId?: string;
}

/** `urn:pulumi:<stack>::<project>::<parent$type>::<name>` */
export function parseUrn(urn: string): {
  stack: string;
  project: string;
  type: string;
  name: string;
  fullType: string;
} {
  const parts = urn.split("::");
  const stack = (parts[0] ?? "").replace(/^urn:pulumi:/, "");
  const fullType = (parts[2] ?? "").split("$").pop() ?? "";
  return {
    stack,
    project: parts[1] ?? "",
    type: fullType.split(":").pop() ?? fullType,
    name: parts.slice(3).join("::"),
    fullType,
  };
}

/** Neither the stack nor a provider resource: what the user declared. */
export function isUserResource(urn: string): boolean {
  const { fullType } = parseUrn(urn);
  return fullType !== "pulumi:pulumi:Stack" && !fullType.startsWith("pulumi:providers:");
}

export function resourceRef(urn: string, ...bags: Array<Bag | undefined>): ResourceRef {
  const { type, name } = parseUrn(urn);
  let customerId: string | undefined;
  for (const bag of bags) {
    const v = bag?.customerId;
    if (typeof v === "string" && /^[0-9a-f-]{36}$/i.test(v)) {
      customerId = v.toLowerCase();
      break;
    }
  }
  return { urn, type, name, customerId };
}

export function compareRefs(a: ResourceRef, b: ResourceRef): number {
  return (
    (a.customerId ?? "~").localeCompare(b.customerId ?? "~") ||
    a.type.localeCompare(b.type) ||
    a.name.localeCompare(b.name)
  );
}

/** Groups by customer id (resources without one last, under `undefined`), keeping the order given. */
export function groupByCustomer<T extends { ref: ResourceRef }>(
  items: T[],
): Array<{ customerId?: string; items: T[] }> {
  const groups = new Map<string | undefined, T[]>();
  for (const item of items) {
    const list = groups.get(item.ref.customerId) ?? [];
    list.push(item);
    groups.set(item.ref.customerId, list);
  }
  return [...groups.entries()].map(([customerId, list]) => ({ customerId, items: list }));
}
