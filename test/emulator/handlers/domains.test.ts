import assert from "assert";
import { expectError, useEmulator } from "./apiFixture";

const federationSettings = {
  IssuerUri: "http://sts.example.com/adfs/services/trust",
  LogOffUri: "https://sts.example.com/adfs/ls/",
  PassiveLogOnUri: "https://sts.example.com/adfs/ls/",
  PreferredAuthenticationProtocol: "WsFed",
  PromptLoginBehavior: "TranslateToFreshPasswordAuth",
  SigningCertificate: "MIIC3jCCAcagAwIBAgIQ",
};
const verifiedDomain = (name: string, authenticationType = "Managed", withFederation = false) => ({
  VerifiedDomainName: name,
  Domain: {
    AuthenticationType: authenticationType,
    Capability: "Email",
    IsDefault: null,
    IsInitial: null,
    Name: name,
    RootDomain: null,
    Status: "Verified",
    VerificationMethod: "DnsRecord",
  },
  ...(withFederation ? { DomainFederationSettings: federationSettings } : {}),
});

describe("emulator handlers: domains", () => {
  const api = useEmulator();
  const cid = () => api.customer(1).id;

  it("adds a verified domain (201, snake-case enums) that then appears in customDomains and is taken", async () => {
    const res = await api.call("POST", `/v1/customers/${cid()}/verifieddomain`, {
      as: "app",
      body: verifiedDomain("Example.com"),
    });
    assert.strictEqual(res.status, 201, JSON.stringify(res.data));
    assert.deepStrictEqual(res.data, {
      authenticationType: "managed",
      capability: "email",
      isDefault: false,
      isInitial: false,
      name: "example.com",
      status: "verified",
      verificationMethod: "dns_record",
    });
    const customer = await api.call("GET", `/v1/customers/${cid()}`);
    assert.ok(customer.data.customDomains.includes("example.com"));
    assert.strictEqual((await api.call("HEAD", "/v1/domains/EXAMPLE.com")).status, 200);
    const user = await api.call("POST", `/v1/customers/${cid()}/users`, {
      body: {
        userPrincipalName: "ann@example.com",
        displayName: "Ann",
        passwordProfile: { password: "Str0ng!Passw0rd" },
      },
    });
    assert.strictEqual(user.status, 201, "users can be created in the new domain");
  });

  it("refuses a domain already in use by any customer with 409/600014", async () => {
    const other = api.emu.seed.partners[1].customers[0].domain;
    expectError(
      await api.call("POST", `/v1/customers/${cid()}/verifieddomain`, { body: verifiedDomain(other) }),
      409,
      600014,
    );
  });

  it("requires federation settings for a federated domain, and refuses users in it", async () => {
    expectError(
      await api.call("POST", `/v1/customers/${cid()}/verifieddomain`, {
        body: verifiedDomain("fed.example", "Federated"),
      }),
      400,
      2000,
      /domainFederationSettings/,
    );
    const res = await api.call("POST", `/v1/customers/${cid()}/verifieddomain`, {
      body: verifiedDomain("fed.example", "Federated", true),
    });
    assert.strictEqual(res.status, 201, JSON.stringify(res.data));
    assert.strictEqual(res.data.authenticationType, "federated");
    const user = await api.call("POST", `/v1/customers/${cid()}/users`, {
      body: {
        userPrincipalName: "ann@fed.example",
        displayName: "Ann",
        passwordProfile: { password: "Str0ng!Passw0rd" },
      },
    });
    expectError(user, 400, 60020);
  });

  it("refuses bad enum values naming the field", async () => {
    const body = verifiedDomain("bad.example");
    (body.Domain as Record<string, unknown>).VerificationMethod = "Carrier pigeon";
    expectError(
      await api.call("POST", `/v1/customers/${cid()}/verifieddomain`, { body }),
      400,
      2000,
      /domain\.verificationMethod/,
    );
  });

  it("answers HEAD /v1/domains/{domain}: 200 when taken by any partner's customer, 404 when free", async () => {
    assert.strictEqual((await api.call("HEAD", `/v1/domains/${api.customer(0).domain}`)).status, 200);
    assert.strictEqual(
      (await api.call("HEAD", `/v1/domains/${api.emu.seed.partners[1].customers[0].domain}`, { as: "app" })).status,
      200,
    );
    assert.strictEqual((await api.call("HEAD", "/v1/domains/surely-free-name.onmicrosoft.com")).status, 404);
  });
});
