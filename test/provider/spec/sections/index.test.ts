// Every section, under Pulumi mocks: what the spec loader accepts is what the resources accept. Each spec is parsed
// by the loader, declared, and every registered resource's inputs go through that resource type's own check() (as
// the engine calls it at preview); none may fail. Borderline values are tried both ways: whenever the loader takes
// one, the resource must take it too.
import { strict as assert } from "assert";
import { randomUUID } from "crypto";
import * as pulumi from "@pulumi/pulumi";
import { resources } from "../../../../provider/resources";
import { declareTenant } from "../../../../provider/spec/declare";
import { parseTenantSpec } from "../../../../provider/spec/loader";
import { formatProblem } from "../../../../provider/spec/problems";

const CUSTOMER = "8f2b3c1e-4d5a-4e6f-9a7b-0c1d2e3f4a5b";
const SUBSCRIPTION = "1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f";

interface Registered {
  type: string;
  name: string;
  inputs: Record<string, unknown>;
}

let seen: Registered[] = [];

/** Loads the spec text; when the loader accepts it, declares it and returns each resource's check failures. */
async function declared(yaml: string): Promise<{ problems: string[]; failures: string[]; types: string[] }> {
  const { spec, problems } = parseTenantSpec(`customer: ${CUSTOMER}\n${yaml}`, "tenants/t.yaml");
  if (!spec) return { problems: problems.map(formatProblem), failures: [], types: [] };
  seen = [];
  declareTenant(spec, CUSTOMER);
  for (let i = 0; i < 200; i++) await new Promise((r) => setImmediate(r));
  const failures = seen.flatMap((r) =>
    resources[r.type].check({}, r.inputs).failures.map((f) => `${r.type} ${r.name}: ${f.property}: ${f.reason}`),
  );
  return { problems: [], failures, types: [...new Set(seen.map((r) => r.type))].sort() };
}

const FEDERATION = [
  "    federationSettings:",
  "      issuerUri: https://sts.example.net/adfs/services/trust",
  "      logOffUri: https://sts.example.net/adfs/ls/",
  "      passiveLogOnUri: https://sts.example.net/adfs/ls/",
  "      preferredAuthenticationProtocol: Samlp",
  "      promptLoginBehavior: TranslateToFreshPasswordAuth",
  "      signingCertificate: MIIC8DCCAdigAwIBAgIQ",
  "      supportsMfa: true",
].join("\n");

describe("spec/sections: whatever the loader accepts, the resources' check accepts", () => {
  beforeEach(async () => {
    await pulumi.runtime.setMocks(
      {
        newResource: (args) => {
          seen.push({ type: args.type.split(":").pop()!, name: args.name, inputs: args.inputs });
          return { id: `${args.name}-id`, state: { ...args.inputs, userId: randomUUID() } };
        },
        call: () => ({}),
      },
      "partner-center-tenants",
      "test",
      false,
    );
  });

  it("a spec with every section and its less common values declares only resources whose check passes", async () => {
    const { problems, failures, types } = await declared(
      [
        "adopt: true",
        "users:",
        "  - userPrincipalName: Jane.Doe@contoso.onmicrosoft.com",
        "    displayName: Jane Doe",
        "    usageLocation: de",
        "    passwordVersion: 2",
        "    deletionPolicy: retain",
        "    roles: [User Administrator, 62e90394-69f5-4237-9190-012177145e10]",
        "    licenses: [O365_BUSINESS_PREMIUM, { sku: POWER_BI_PRO, excludedPlans: [YAMMER_ENTERPRISE] }]",
        "selfServePolicy: { permissions: [{ resource: AzureReservedInstances, action: Purchase }] }",
        `subscriptions: [{ id: ${SUBSCRIPTION}, nickname: "${"n".repeat(100)}" }]`,
        "domains:",
        "  - name: contoso.example",
        "  - name: fed.example.com",
        "    authenticationType: Federated",
        FEDERATION,
        "usageBudget: { amount: 250 }",
        "billingProfile:",
        "  companyName: Contoso",
        "  culture: EN-gb",
        "  defaultAddress: { country: gb, city: London, addressLine1: 1 High St, postalCode: SW1A 1AA }",
        "qualifications:",
        "  - { qualification: Education, educationSegment: HigherEducation, website: https://uni.example }",
        "  - { qualification: GovernmentCommunityCloud, validationCode: '123456' }",
        "  - { qualification: StateOwnedEntity }",
        "customerAgreements:",
        "  - { primaryContact: { firstName: Ann, lastName: Lee, email: Ann@Contoso.example }, dateAgreed: 2026-01-31 }",
      ].join("\n"),
    );
    assert.deepEqual(problems, []);
    assert.deepEqual(failures, []);
    assert.deepEqual(types, [
      "CustomerAgreement",
      "CustomerBillingProfile",
      "CustomerQualification",
      "CustomerUsageBudget",
      "CustomerUser",
      "SelfServePolicy",
      "SubscriptionNickname",
      "UserLicenseAssignment",
      "UserRoleAssignment",
      "VerifiedDomain",
    ]);
  });

  const borderline: Array<[string, string[]]> = [
    [
      "usageLocation",
      ["US", "us", "ZZ", "EU", "UK", "XK", "USA", "U1"].map(
        (c) => `users: [{ userPrincipalName: a@contoso.onmicrosoft.com, displayName: A, usageLocation: "${c}" }]`,
      ),
    ],
    [
      "address country",
      ["US", "de", "ZZ", "UN", "YU"].map(
        (c) => `billingProfile: { defaultAddress: { country: "${c}", city: X, addressLine1: "1 A St" } }`,
      ),
    ],
    [
      "nickname",
      [1, 100, 101, 300].map((n) => `subscriptions: [{ id: ${SUBSCRIPTION}, nickname: "${"n".repeat(n)}" }]`),
    ],
    [
      "domain",
      [
        "domains: [{ name: a.example }]",
        "domains: [{ name: a.example, authenticationType: Federated }]",
        `domains:\n  - name: a.example\n    authenticationType: Federated\n${FEDERATION}`,
        `domains:\n  - name: a.example\n${FEDERATION}`,
      ],
    ],
    [
      "qualification",
      [
        "qualifications: [{ qualification: Education, educationSegment: K12 }]",
        "qualifications: [{ qualification: Education }]",
        "qualifications: [{ qualification: Education, educationSegment: K12, website: school.example }]",
        "qualifications: [{ qualification: GovernmentCommunityCloud, educationSegment: K12, validationCode: '1' }]",
      ],
    ],
  ];
  for (const [what, specs] of borderline) {
    it(`${what}: every value the loader accepts passes the resource's check, and the loader refuses some`, async () => {
      let accepted = 0;
      let refused = 0;
      for (const yaml of specs) {
        const { problems, failures } = await declared(yaml);
        if (problems.length > 0) refused++;
        else accepted++;
        assert.deepEqual(failures, [], `the loader accepted this, the resource refused it:\n${yaml}`);
      }
      assert.ok(accepted > 0 && refused > 0, `accepted ${accepted}, refused ${refused}`);
    });
  }
});
