// PartnerCenterClient options, validated with zod so that a wrong setting fails at construction with the
// field and the fix. Choice: maxConcurrency 10 per partner, 4 per customer, 3 retries (the .NET SDK's count) of
// 5xx/408/network errors, and 429s waited out for up to 300 s per call (a 500/min window refills within a minute).
import { z } from "zod";
import type { TokenSource } from "./auth/tokenSource";
import { CLOUDS, DEFAULT_SCOPE, type CloudName } from "./clouds";
import { PartnerCenterError } from "./errors";
import { isDomain, isGuid } from "./ids";
import type { ClockSkew } from "./graph/serverClock";
import type { Transport } from "./pipeline/types";

const fn = <T>(name: string) => z.custom<T>((v) => typeof v === "function", { message: `${name} must be a function` });
const pem = (label: string) =>
  z.string().refine((v) => v.includes(`-----BEGIN ${label}`), {
    message: `must be PEM text starting with "-----BEGIN ${label}"`,
  });
const httpsUrl = z.string().refine(
  (v) => {
    try {
      return ["https:", "http:"].includes(new URL(v).protocol);
    } catch {
      return false;
    }
  },
  { message: "must be an absolute URL like https://127.0.0.1:8443" },
);

export const ClientOptionsSchema = z
  .object({
    tenantId: z.string().refine((v) => isGuid(v) || isDomain(v), {
      message: "must be the partner's Entra tenant id (GUID) or primary domain",
    }),
    clientId: z.string().refine(isGuid, { message: "must be the app registration's application (client) id, a GUID" }),
    clientSecret: z.string().min(1).optional(),
    certificate: z
      .object({
        privateKeyPem: pem(""),
        thumbprintSha256: z
          .string()
          .regex(/^[0-9a-fA-F]{64}$/, "must be the certificate's SHA-256 thumbprint as 64 hex characters"),
      })
      .optional(),
    refreshToken: z.string().min(1).optional(),
    cloud: z.enum(Object.keys(CLOUDS) as [CloudName, ...CloudName[]]).default("global"),
    endpoint: httpsUrl.optional(),
    /** Microsoft Graph base URL (GDAP); default: `endpoint` when set (the emulator serves both), else the cloud's */
    graphEndpoint: httpsUrl.optional(),
    authorityHost: httpsUrl
      .refine((v) => v.startsWith("https://"), { message: "must be https:// (msal-node refuses insecure authorities)" })
      .optional(),
    caCertificate: pem("CERTIFICATE").optional(),
    appOnlyScope: z.string().min(1).default(DEFAULT_SCOPE),
    userScope: z.string().min(1).default(DEFAULT_SCOPE),
    maxConcurrency: z.number().int().min(1).max(256).default(10),
    maxConcurrencyPerCustomer: z.number().int().min(1).max(256).default(4),
    maxRetries: z.number().int().min(0).max(20).default(3),
    /** per call: how long 429s are waited out (by Retry-After) before the throttled error surfaces */
    maxThrottleWaitSeconds: z.number().int().min(0).max(3600).default(300),
    timeoutMs: z.number().int().min(1).default(100_000),
    logger: fn<(line: string) => void>("logger").optional(),
    /** told when Microsoft Graph's clock (its Date headers) is off this machine's by 5 minutes or more */
    onServerClockSkew: fn<(skew: ClockSkew) => void>("onServerClockSkew").optional(),
    sleep: fn<(ms: number) => Promise<void>>("sleep").optional(),
    now: fn<() => number>("now").optional(),
    random: fn<() => number>("random").optional(),
    transport: fn<Transport>("transport").optional(),
    /** tokens for Microsoft Graph (default: msal with the same credentials and the Graph scope, or tokenSource) */
    graphTokenSource: z
      .custom<TokenSource>((v) => typeof (v as TokenSource | undefined)?.getToken === "function", {
        message: "graphTokenSource must have getToken(kind)",
      })
      .optional(),
    tokenSource: z
      .custom<TokenSource>((v) => typeof (v as TokenSource | undefined)?.getToken === "function", {
        message: "tokenSource must have getToken(kind)",
      })
      .optional(),
  })
  .superRefine((o, ctx) => {
    if (o.tokenSource) return;
    if (!o.clientSecret && !o.certificate)
      ctx.addIssue({
        code: "custom",
        path: ["clientSecret"],
        message:
          "is required: set partnercenter:clientSecret, or certificate (partnercenter:certificatePem/privateKeyPem/certificateThumbprint)",
      });
    if (o.clientSecret && o.certificate)
      ctx.addIssue({
        code: "custom",
        path: ["certificate"],
        message: "cannot be combined with clientSecret: configure exactly one client credential",
      });
  });

export type ClientOptions = z.input<typeof ClientOptionsSchema>;
export type ResolvedClientOptions = z.output<typeof ClientOptionsSchema>;

export function resolveClientOptions(options: ClientOptions): ResolvedClientOptions {
  const parsed = ClientOptionsSchema.safeParse(options);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues
    .map((issue) => `${issue.path.join(".") || "options"} ${issue.message}`)
    .join("; ");
  throw new PartnerCenterError({
    status: 0,
    code: "InvalidConfiguration",
    description: `invalid client options: ${problems}`,
    operation: "client.configure",
    retryable: false,
  });
}
