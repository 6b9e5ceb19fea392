// Resource ids. Pulumi keeps one opaque string per resource; ours are composite so an id alone says where the
// object lives: "<customerId>/<objectId>[/<objectId>]". Parts never contain "/" (GUIDs, domain names).

export function formatId(...parts: string[]): string {
  for (const p of parts) if (p.includes("/")) throw new Error(`internal: id part ${JSON.stringify(p)} contains "/"`);
  return parts.join("/");
}

/** Splits an id made by formatId into exactly `count` parts, or throws naming the resource type. */
export function parseId(type: string, id: string, count: number): string[] {
  const parts = id.split("/");
  if (parts.length !== count || parts.some((p) => p === "")) {
    throw new Error(
      `${type}: the id ${JSON.stringify(id)} is not in the expected form (${count} parts separated by "/"); the state was not written by this provider`,
    );
  }
  return parts;
}
