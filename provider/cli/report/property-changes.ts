// Per-property old/new pairs of one resource, built from the property bags the engine reports (dynamic resources
// get no detailedDiff from the engine), with secrets masked and internal keys (`__provider`) left out.
import {
  isSecretMarked,
  maskDeep,
  sameValue,
  secretKeysOf,
  shownValue,
  visibleKeys,
  type Bag,
  type ShownValue,
} from "./values";

export interface PropertyChange {
  name: string;
  old: ShownValue;
  new: ShownValue;
  /** the property is a secret: its values are never shown, only that it changed */
  secret?: boolean;
  /** the engine named this property as the reason for a replacement */
  forcesReplacement?: boolean;
}

export interface ChangeSet {
  changes: PropertyChange[];
  /** secret properties present on both sides whose values the engine hid, so they could not be compared */
  uncomparedSecrets: string[];
}

/**
 * Compares `oldBag` with `newBag` property by property. `secretKeys` are masked (see values.ts);
 * `allBags` are every bag of the resource, so a key secret in one place is masked everywhere.
 */
export function propertyChanges(
  oldBag: Bag | undefined,
  newBag: Bag | undefined,
  opts: {
    allBags?: Array<Bag | undefined>;
    declaredSecrets?: readonly string[];
    replaceReasons?: readonly string[];
  } = {},
): ChangeSet {
  const secrets = secretKeysOf(opts.allBags ?? [oldBag, newBag], opts.declaredSecrets);
  const replaceReasons = new Set(opts.replaceReasons ?? []);
  const changes: PropertyChange[] = [];
  const uncomparedSecrets: string[] = [];
  for (const name of visibleKeys(oldBag, newBag)) {
    const before = oldBag?.[name];
    const after = newBag?.[name];
    if (before === undefined && after === undefined) continue;
    const forces = replaceReasons.has(name) ? { forcesReplacement: true } : {};
    if (secrets.has(name)) {
      const bothPresent = before !== undefined && after !== undefined;
      if (bothPresent && (isSecretMarked(before) || isSecretMarked(after))) {
        uncomparedSecrets.push(name);
        continue;
      }
      if (bothPresent && sameValue(before, after)) continue;
      changes.push({
        name,
        secret: true,
        ...forces,
        old: before === undefined ? { kind: "absent" } : { kind: "secret" },
        new: after === undefined ? { kind: "absent" } : { kind: "secret" },
      });
      continue;
    }
    const maskedBefore = maskDeep(before);
    const maskedAfter = maskDeep(after);
    if (sameValue(maskedBefore, maskedAfter) && sameValue(before, after)) continue;
    changes.push({ name, old: shownValue(maskedBefore), new: shownValue(maskedAfter), ...forces });
  }
  return { changes: changes.sort(byImportance), uncomparedSecrets };
}

/** Properties that name the object come first, then other values, then flags; alphabetical within each. */
export const IDENTIFYING_PROPERTIES = [
  "userPrincipalName",
  "displayName",
  "roleName",
  "skuPartNumber",
  "domain",
  "nickname",
  "subscriptionId",
  "userId",
  "customerId",
];

function rank(c: PropertyChange): number {
  const key = IDENTIFYING_PROPERTIES.indexOf(c.name);
  if (key >= 0) return key;
  const v = c.new.kind === "value" ? c.new : c.old.kind === "value" ? c.old : undefined;
  return IDENTIFYING_PROPERTIES.length + (v && (v.text === "true" || v.text === "false") ? 1 : 0);
}

function byImportance(a: PropertyChange, b: PropertyChange): number {
  return rank(a) - rank(b) || a.name.localeCompare(b.name);
}

/** For a created or removed object the customer is already the section's heading. */
export function withoutCustomerId(changes: PropertyChange[]): PropertyChange[] {
  return changes.filter((c) => c.name !== "customerId");
}
