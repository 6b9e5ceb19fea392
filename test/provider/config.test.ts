import assert from "assert";
import { mkdtempSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import {
  certificateThumbprint,
  clientOptionsOf,
  configFromRequest,
  configHash,
  ConfigurationError,
  envName,
  loadConfig,
} from "../../provider/config";

const TENANT = "11111111-1111-1111-1111-111111111111";
const CLIENT = "22222222-2222-2222-2222-222222222222";
const CA = "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n";
const fromMap = (m: Record<string, string>) => (k: string) => m[k];

describe("config", () => {
  it("maps keys to PARTNERCENTER_* names", () => {
    assert.strictEqual(envName("clientSecret"), "PARTNERCENTER_CLIENT_SECRET");
    assert.strictEqual(envName("caCertificate"), "PARTNERCENTER_CA_CERTIFICATE");
    assert.strictEqual(envName("snapshotTtlSeconds"), "PARTNERCENTER_SNAPSHOT_TTL_SECONDS");
  });

  it("reads namespaced stack config first and the environment as fallback", () => {
    const config = configFromRequest(
      {
        config: {
          get: fromMap({
            "partnercenter:tenantId": TENANT,
            "partnercenter:clientSecret": "from-stack",
            "partnercenter:maxRetries": "5",
          }),
        },
      },
      { PARTNERCENTER_CLIENT_ID: CLIENT, PARTNERCENTER_CLIENT_SECRET: "from-env", PARTNERCENTER_CLOUD: "usgov" },
    );
    assert.strictEqual(config.tenantId, TENANT);
    assert.strictEqual(config.clientId, CLIENT);
    assert.strictEqual(config.clientSecret, "from-stack");
    assert.strictEqual(config.cloud, "usgov");
    assert.strictEqual(config.maxRetries, 5);
    assert.strictEqual(config.snapshotTtlSeconds, 20);
  });

  it("reports every invalid key with its config and environment names, never a value", () => {
    assert.throws(
      () =>
        loadConfig(
          fromMap({
            tenantId: "nope",
            clientId: "also-nope",
            clientSecret: "s3cr3t-value",
            cloud: "mars",
            endpoint: "not a url",
            maxConcurrency: "0",
          }),
          {},
        ),
      (e: Error) => {
        assert.ok(e instanceof ConfigurationError);
        for (const key of ["tenantId", "clientId", "cloud", "endpoint", "maxConcurrency"])
          assert.ok(e.message.includes(`partnercenter:${key}`), key);
        assert.ok(e.message.includes("PARTNERCENTER_TENANT_ID"));
        assert.ok(!e.message.includes("s3cr3t-value"));
        return true;
      },
    );
  });

  it("requires a client credential, and a certificate with a private key", () => {
    assert.throws(
      () => loadConfig(fromMap({ tenantId: TENANT, clientId: CLIENT }), {}),
      /no client credential.*partnercenter:clientSecret/,
    );
    assert.throws(
      () =>
        loadConfig(
          fromMap({
            tenantId: TENANT,
            clientId: CLIENT,
            privateKeyPem: "-----BEGIN PRIVATE KEY-----\nx\n-----END PRIVATE KEY-----",
          }),
          {},
        ),
      /needs the certificate/,
    );
  });

  it("takes caCertificate as PEM text or as a file path", () => {
    const dir = mkdtempSync(join(tmpdir(), "pc-config-"));
    const file = join(dir, "ca.pem");
    writeFileSync(file, CA);
    const base = { tenantId: TENANT, clientId: CLIENT, clientSecret: "x" };
    assert.strictEqual(loadConfig(fromMap({ ...base, caCertificate: CA }), {}).caCertificate, CA);
    assert.strictEqual(loadConfig(fromMap({ ...base, caCertificate: file }), {}).caCertificate, CA);
    assert.throws(
      () => loadConfig(fromMap({ ...base, caCertificate: join(dir, "missing.pem") }), {}),
      /partnercenter:caCertificate is neither PEM text nor the path/,
    );
  });

  it("hashes configurations stably and differently", () => {
    const a = loadConfig(fromMap({ tenantId: TENANT, clientId: CLIENT, clientSecret: "one" }), {});
    const b = loadConfig(fromMap({ clientSecret: "one", clientId: CLIENT, tenantId: TENANT }), {});
    const c = loadConfig(fromMap({ tenantId: TENANT, clientId: CLIENT, clientSecret: "two" }), {});
    assert.strictEqual(configHash(a), configHash(b));
    assert.notStrictEqual(configHash(a), configHash(c));
    assert.ok(!configHash(a).includes("one"));
  });

  it("computes the certificate thumbprint for the client from certificatePem or takes the given one", () => {
    const given = loadConfig(
      fromMap({
        tenantId: TENANT,
        clientId: CLIENT,
        privateKeyPem: "-----BEGIN PRIVATE KEY-----\nx\n-----END PRIVATE KEY-----",
        certificateThumbprint: "AB".repeat(32),
      }),
      {},
    );
    assert.strictEqual(certificateThumbprint(given), "ab".repeat(32));
    assert.deepStrictEqual(clientOptionsOf(given).certificate, {
      privateKeyPem: given.privateKeyPem,
      thumbprintSha256: "ab".repeat(32),
    });
    const broken = loadConfig(
      fromMap({
        tenantId: TENANT,
        clientId: CLIENT,
        privateKeyPem: "-----BEGIN PRIVATE KEY-----\nx\n-----END PRIVATE KEY-----",
        certificatePem: CA,
      }),
      {},
    );
    assert.throws(() => certificateThumbprint(broken), /certificatePem could not be parsed/);
  });
});
