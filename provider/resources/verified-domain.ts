// VerifiedDomain — a custom domain added, already verified, to a customer tenant (partner must be a registrar).
// REST: https://learn.microsoft.com/partner-center/developer/add-a-verified-domain
// Lifecycle: create adds the domain (or adopts it when the customer already lists it, with adopt); a new
// customer or domain name replaces; delete cannot remove anything — Partner Center has no API for it — so
// it leaves the domain in the tenant and warns; read reports the domain gone when the customer's domain list
// no longer has it.
// Choice: Partner Center cannot change a domain once added and its domain list returns only names, so
//   authenticationType, capability, isDefault and federationSettings are sent once: check() refuses a new value for
//   an added domain (at preview, with the fix), and they are not kept in the outputs (no read can confirm them, and
//   an adopted domain keeps its own). Delete and a replace leave the old domain in the tenant, and say so.
// Choice: enum inputs accept any letter case ("managed" = "Managed").

import { z } from "zod";
import { adoptAfterLostAnswer } from "./kit/adopt-after-lost-answer";
import { defineResource, type ChangeRule, type ResourceContext } from "./kit/define-resource";
import { lowerCase, stableStringify } from "./kit/diff";
import { domainsOf } from "./kit/cached-lists";
import { isNotFound, ResourceUsageError } from "./kit/errors";
import { bool, domainName, guid, text } from "./kit/fields";
import { isUnknown } from "./kit/unknown";
import { formatId, parseId } from "./kit/ids";
import { resourceClass } from "./kit/resource-class";

export const TYPE = "VerifiedDomain";

// ---- input schema ----
function caseless<const T extends readonly [string, ...string[]]>(values: T) {
  const fix = `use one of ${values.map((v) => JSON.stringify(v)).join(", ")}`;
  return z.preprocess(
    (v) => (typeof v === "string" ? (values.find((x) => x.toLowerCase() === v.trim().toLowerCase()) ?? v) : v),
    z.enum(values, {
      error: (i: { input?: unknown }) =>
        i.input === undefined ? `is required. Fix: ${fix}` : `must be one of ${values.join(", ")}. Fix: ${fix}`,
    }),
  );
}

export const DomainFederationSettings = z.strictObject({
  issuerUri: text("give the federation issuer URI"),
  logOffUri: text("give the sign-out URI"),
  passiveLogOnUri: text("give the passive sign-in URI"),
  preferredAuthenticationProtocol: caseless(["WsFed", "Samlp"] as const),
  promptLoginBehavior: caseless(["TranslateToFreshPasswordAuth", "NativeSupport", "Disabled"] as const),
  signingCertificate: text("give the token signing certificate as base64"),
  activeLogOnUri: text("give the active sign-in URI, or leave it out").optional(),
  defaultInteractiveAuthenticationMethod: text("leave it out or give the method name").optional(),
  federationBrandName: text("give the brand name, or leave it out").optional(),
  metadataExchangeUri: text("give the metadata exchange URI, or leave it out").optional(),
  nextSigningCertificate: text("give the next signing certificate as base64, or leave it out").optional(),
  openIdConnectDiscoveryEndpoint: text("give the OpenID Connect discovery URL, or leave it out").optional(),
  signingCertificateUpdateStatus: text("leave it out or give the status").optional(),
  supportsMfa: bool("set supportsMfa to true or false, or leave it out").optional(),
});

export const VerifiedDomainInputs = z.strictObject({
  customerId: guid("customer tenant id"),
  domainName: domainName(),
  authenticationType: caseless(["Managed", "Federated"] as const),
  capability: text('give the domain capability, e.g. "Email"'),
  isDefault: bool("set isDefault to true or false, or leave it out").optional(),
  federationSettings: DomainFederationSettings.optional(),
  adopt: bool("set adopt: true to take over a domain the customer already has").default(false),
});
export type VerifiedDomainInputs = z.input<typeof VerifiedDomainInputs>;
type In = z.output<typeof VerifiedDomainInputs>;

const federationRule = (inputs: Record<string, unknown>) => {
  if (isUnknown(inputs.authenticationType) || isUnknown(inputs.federationSettings)) return [];
  const kind =
    typeof inputs.authenticationType === "string" ? inputs.authenticationType.trim().toLowerCase() : undefined;
  if (kind !== "managed" && kind !== "federated") return [];
  const federated = kind === "federated";
  if (federated && inputs.federationSettings === undefined) {
    return [
      {
        property: "federationSettings",
        reason:
          'federationSettings is required when authenticationType is Federated. Fix: give issuerUri, logOffUri, passiveLogOnUri, preferredAuthenticationProtocol, promptLoginBehavior and signingCertificate, or use authenticationType "Managed"',
      },
    ];
  }
  if (!federated && inputs.federationSettings !== undefined) {
    return [
      {
        property: "federationSettings",
        reason:
          'federationSettings is only allowed when authenticationType is Federated. Fix: remove federationSettings, or set authenticationType to "Federated"',
      },
    ];
  }
  return [];
};

// ---- state schema ----
export const VerifiedDomainOutputs = z.object({
  status: z.string().optional(),
  verificationMethod: z.string().optional(),
});
type Out = z.output<typeof VerifiedDomainOutputs>;
type Stored = In & Partial<Out>;

// ---- diff rules ----
const FIXED = ["authenticationType", "capability", "isDefault", "federationSettings"] as const;
const settingKey = (v: unknown) => stableStringify(v).toLowerCase();
const changedSettings = (olds: Record<string, unknown>, news: Record<string, unknown>) =>
  FIXED.filter((k) => news[k] !== undefined && settingKey(olds[k] ?? null) !== settingKey(news[k]));
const fixedSettingsMessage = (changed: string[]) =>
  `Partner Center cannot change ${changed.join(", ")} of a domain after it was added. Fix: put the old value${changed.length > 1 ? "s" : ""} back, or change the domain in the Microsoft 365 admin center and then recreate this resource with adopt: true.`;

/** A new setting for a domain that exists would never be applied: refuse it at preview. */
const fixedSettingsRule: ChangeRule = (olds, news) => {
  if (
    lowerCase(olds.customerId) !== lowerCase(news.customerId) ||
    lowerCase(olds.domainName) !== lowerCase(news.domainName)
  )
    return [];
  return changedSettings(olds, news).map((k) => ({ property: k, reason: `${k}: ${fixedSettingsMessage([k])}` }));
};

const diffRules = {
  replaceOn: ["customerId", "domainName"],
  inPlace: ["adopt"],
  normalize: { customerId: lowerCase, domainName: lowerCase },
  naturalKey: (p: Partial<Stored>) =>
    p.customerId && p.domainName ? `${p.customerId}/${p.domainName}`.toLowerCase() : undefined,
};

// ---- CRUD ----
const describe = (p: Partial<In>) =>
  `${TYPE} ${p.domainName ?? "(unknown)"} in customer ${p.customerId ?? "(unknown)"}`;

async function hasDomain(ctx: ResourceContext, customerId: string, name: string, fresh: boolean): Promise<boolean> {
  return (await domainsOf(ctx, customerId, { fresh })).includes(name.toLowerCase());
}

async function create(ctx: ResourceContext, inputs: In): Promise<{ id: string; outs: Out }> {
  const id = formatId(inputs.customerId, inputs.domainName.toLowerCase());
  if (await hasDomain(ctx, inputs.customerId, inputs.domainName, true)) {
    if (inputs.adopt) return { id, outs: { status: "verified" } };
    throw new ResourceUsageError(
      describe(inputs),
      "create",
      `the customer already has the domain ${inputs.domainName}. Fix: set adopt: true to manage it as it is.`,
    );
  }
  const body = {
    verifiedDomainName: inputs.domainName,
    domain: {
      authenticationType: inputs.authenticationType,
      capability: inputs.capability,
      isDefault: inputs.isDefault ?? null,
      isInitial: false,
      name: inputs.domainName,
      status: "Verified",
      verificationMethod: "None",
    },
    ...(inputs.federationSettings ? { domainFederationSettings: inputs.federationSettings } : {}),
  };
  try {
    const added = await ctx.client.domains.addVerified(inputs.customerId, body);
    return {
      id,
      outs: { status: added.status ?? undefined, verificationMethod: added.verificationMethod ?? undefined },
    };
  } catch (e) {
    await adoptAfterLostAnswer(e, async () =>
      (await hasDomain(ctx, inputs.customerId, inputs.domainName, true)) ? true : undefined,
    );
    return { id, outs: { status: "verified" } };
  }
}

async function read(ctx: ResourceContext, id: string) {
  const [customerId, name] = parseId(TYPE, id, 2);
  try {
    if (!(await hasDomain(ctx, customerId, name, false)) && !(await hasDomain(ctx, customerId, name, true)))
      return undefined;
  } catch (e) {
    if (isNotFound(e)) return undefined;
    throw e;
  }
  return { customerId };
}

/** Only `adopt` updates in place (a flag, no call); the fixed settings are refused by check() before they get here. */
async function update(_ctx: ResourceContext, _id: string, olds: Stored, news: In): Promise<Out> {
  const changed = FIXED.filter((k) => olds[k] !== undefined && changedSettings(olds, news).includes(k));
  if (changed.length > 0) throw new ResourceUsageError(describe(news), "update", fixedSettingsMessage(changed));
  return { status: olds.status, verificationMethod: olds.verificationMethod };
}

async function remove(ctx: ResourceContext, _id: string, props: Stored): Promise<void> {
  ctx.warn(
    `${describe(props)}: Partner Center cannot remove a domain from a customer tenant, so ${props.domainName} stays in the tenant; Pulumi no longer manages it. Remove it in the Microsoft 365 admin center if it must go.`,
  );
}

// ---- export ----
export const verifiedDomain = defineResource({
  type: TYPE,
  inputs: VerifiedDomainInputs,
  outputs: VerifiedDomainOutputs,
  rules: [federationRule],
  changeRules: [fixedSettingsRule],
  inputOnly: FIXED,
  diff: diffRules,
  describe,
  create,
  read,
  update,
  delete: remove,
});

/** A verified custom domain of a customer tenant. Deleting it only stops managing it (the domain stays). */
export const VerifiedDomain = resourceClass(verifiedDomain);
export type VerifiedDomain = InstanceType<typeof VerifiedDomain>;
