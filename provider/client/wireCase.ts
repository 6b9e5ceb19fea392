// Choice: response property names that start with a capital (the documented PascalCase answers of remove
// relationship and the subscription PATCH) are camelised before parsing: "RelationshipToPartner" ->
// "relationshipToPartner". Irregular camelCase ("tenantID", "eTag") is left alone.

export function camelizeKeys(value: unknown, depth = 0): unknown {
  if (value === null || typeof value !== "object" || depth > 40) return value;
  if (Array.isArray(value)) return value.map((item) => camelizeKeys(item, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
    const camel = /^[A-Z]/.test(key) ? key[0].toLowerCase() + key.slice(1) : key;
    if (camel in out && camel !== key) continue; // a camelCase twin wins
    out[camel] = camelizeKeys(item, depth + 1);
  }
  return out;
}
