// startEmulator(): the local Partner Center + Entra token endpoint (docs/contracts.md §1).
// Emulator choice: without a state file, the TLS certificate and the seeded app certificates are generated once per
// process and shared by every emulator started in it (key generation is the slow part of starting).
import { randomBytes, X509Certificate } from "crypto";
import type { AddressInfo } from "net";
import { generate } from "selfsigned";
import { FaultRegistry } from "./faults";
import { routes as handlerRoutes } from "./handlers";
import type { Route } from "./http/types";
import type { Runtime } from "./middleware/exchange";
import { IdempotencyCache } from "./runtime/idempotencyCache";
import { RateLimiter } from "./runtime/rateLimiter";
import { RequestLog } from "./runtime/requestLog";
import { createSeedStore, SEED_PARTNER_COUNT, seedInfoOf, type CertificatePair, type SeedInfo } from "./seed";
import { createEmulatorServer } from "./server";
import { Store } from "./store/store";
import type { StoreData } from "./store/types";
import { loadOrCreateTlsMaterial, type TlsMaterial } from "./tls";

export type { SeedInfo } from "./seed";

export interface EmulatorOptions {
  /** default 0 (ephemeral) */
  port?: number;
  /** default "127.0.0.1" */
  host?: string;
  /** persist the store here (atomic writes); the TLS cert/key live beside it in `<statePath>.tls.json` */
  statePath?: string;
  /** plain HTTP instead of HTTPS (only when asked for) */
  http?: boolean;
  /** default true: two partners with customers (see SeedInfo); false: partners and apps only */
  seed?: boolean;
  /** per partner and per partner+customer; default 500 */
  rateLimitPerMinute?: number;
  /** base clock (ms) for token expiry, rate-limit and idempotency windows; default Date.now */
  now?: () => number;
  /** how fault latency waits; tests inject one that records instead of waiting */
  sleep?: (ms: number) => Promise<void>;
  /** route list to mount instead of emulator/handlers (tests of the core only) */
  routes?: Route[];
  /** server-side diagnostics (never secrets); default: one line to stderr */
  diagnostic?: (line: string) => void;
}

export interface Emulator {
  /** API base, e.g. https://127.0.0.1:PORT; operations at `${url}/v1/...` */
  url: string;
  /** same origin; token endpoint `${authorityHost}/${tenantId}/oauth2/v2.0/token` */
  authorityHost: string;
  /** PEM of the self-signed certificate ("" with http: true) */
  ca: string;
  /** SeedInfo, identical to GET /_emulator/seed */
  seed: SeedInfo;
  /** the live store (for tests and tools; handlers see the same data) */
  store: Store;
  close(): Promise<void>;
}

let sharedTls: Promise<TlsMaterial> | undefined;
let sharedCertificates: Promise<CertificatePair[]> | undefined;

async function generateAppCertificate(name: string): Promise<CertificatePair> {
  const pems = await generate([{ name: "commonName", value: name }], { keySize: 2048, algorithm: "sha256" });
  return {
    certificatePem: pems.cert,
    privateKeyPem: pems.private,
    thumbprintSha256: new X509Certificate(pems.cert).fingerprint256.replace(/:/g, "").toUpperCase(),
  };
}

function appCertificates(): Promise<CertificatePair[]> {
  sharedCertificates ??= Promise.all(
    Array.from({ length: SEED_PARTNER_COUNT }, (_, i) =>
      generateAppCertificate(`partner-center-emulator-app-${i + 1}`),
    ),
  );
  return sharedCertificates;
}

function certificatesIn(data: StoreData): CertificatePair[] | undefined {
  const pairs = data.partners.map((p) => p.apps.find((a) => a.purpose === "app-certificate"));
  if (
    pairs.length < SEED_PARTNER_COUNT ||
    pairs.some((a) => !a?.certificatePem || !a.privateKeyPem || !a.thumbprintSha256)
  )
    return undefined;
  return pairs.map((a) => ({
    certificatePem: a!.certificatePem!,
    privateKeyPem: a!.privateKeyPem!,
    thumbprintSha256: a!.thumbprintSha256!,
  }));
}

export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const host = options.host ?? "127.0.0.1";
  const now = options.now ?? Date.now;
  const tls = options.http
    ? undefined
    : options.statePath
      ? await loadOrCreateTlsMaterial(options.statePath)
      : await (sharedTls ??= loadOrCreateTlsMaterial());

  let data: StoreData;
  let certificates: CertificatePair[];
  if (options.statePath && Store.exists(options.statePath)) {
    data = Store.readFile(options.statePath);
    certificates = certificatesIn(data) ?? (await appCertificates());
  } else {
    certificates = await appCertificates();
    data = createSeedStore({
      customers: options.seed ?? true,
      certificates,
      tokenSigningKey: randomBytes(32).toString("base64url"),
    });
  }
  const store = new Store(data, options.statePath);
  const applyStartSettings = () => {
    if (options.rateLimitPerMinute !== undefined)
      store.data.settings = { ...store.data.settings, rateLimitPerMinute: options.rateLimitPerMinute };
  };
  applyStartSettings();
  store.save();

  const runtime: Runtime = {
    store,
    clock: { now, emulatedNow: () => now() + store.data.clockOffsetMs },
    faults: new FaultRegistry(),
    limiter: new RateLimiter(),
    idempotency: new IdempotencyCache(),
    log: new RequestLog(),
    routes: options.routes ?? handlerRoutes,
    scheme: tls ? "https" : "http",
    sleep: options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
    diagnostic: options.diagnostic ?? ((line) => process.stderr.write(`${line}\n`)),
  };
  let seedInfo = seedInfoOf(store.data);
  const hooks = {
    reset(withCustomers: boolean) {
      store.replace(
        createSeedStore({ customers: withCustomers, certificates, tokenSigningKey: store.data.tokenSigningKey }),
      );
      applyStartSettings();
      store.save();
      runtime.faults.remove();
      runtime.log.clear();
      runtime.idempotency.clear();
      runtime.limiter.clear();
      seedInfo = seedInfoOf(store.data);
      emulator.seed = seedInfo;
    },
    seedInfo: () => seedInfo,
  };

  const server = createEmulatorServer(runtime, hooks, tls);
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const urlHost = host === "0.0.0.0" || host === "::" ? "127.0.0.1" : host.includes(":") ? `[${host}]` : host;
  const url = `${runtime.scheme}://${urlHost}:${port}`;
  const emulator: Emulator = {
    url,
    authorityHost: url,
    ca: tls?.cert ?? "",
    seed: seedInfo,
    store,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((e) => (e ? reject(e) : resolve()));
        server.closeAllConnections();
      }),
  };
  return emulator;
}
