// The tenant spec loader: every typical mistake is reported with file, line, column, path and a fix; all problems of
// all files come together in one TenantSpecError; directories are read recursively and an empty one is refused.
import { strict as assert } from "assert";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { loadTenantSpecs, parseTenantSpec } from "../../../provider/spec/loader";
import { formatProblem, TenantSpecError, type SpecProblem } from "../../../provider/spec/problems";

const CUSTOMER = "customer: contoso.onmicrosoft.com\n";
const USER = "users:\n  - userPrincipalName: jane@contoso.onmicrosoft.com\n    displayName: Jane Doe\n";

function problemsOf(text: string): SpecProblem[] {
  const result = parseTenantSpec(text, "tenants/contoso.yaml");
  assert.equal(result.spec, undefined, "an invalid spec gives no spec");
  return result.problems;
}

function only(text: string): SpecProblem {
  const problems = problemsOf(text);
  assert.equal(problems.length, 1, problems.map(formatProblem).join("\n"));
  return problems[0];
}

describe("spec/loader: validation messages", () => {
  it("a valid spec parses, with every section", () => {
    const text = [
      "apiVersion: partnercenter.pulumi/v1",
      CUSTOMER.trim(),
      "adopt: true",
      USER.trim(),
      "    roles: [Helpdesk Administrator]",
      "    licenses: [O365_BUSINESS_PREMIUM, { sku: POWER_BI_PRO, excludedPlans: [BI_AZURE_P2] }]",
      "selfServePolicy:\n  permissions:\n    - { resource: AzureReservedInstances, action: Purchase }",
      "subscriptions:\n  - { id: 9e25ff1b-a9a2-4c0e-bcbe-c42c61444c7b, nickname: Sales }",
      "domains:\n  - name: contoso.example",
      "usageBudget:\n  amount: 500",
      "billingProfile:\n  companyName: Contoso\n  culture: en-us\n  defaultAddress: { country: us, city: Redmond }",
      "qualifications:\n  - { qualification: Education, educationSegment: K12, website: https://school.example }",
      "customerAgreements:\n  - { primaryContact: { firstName: Jane, lastName: Doe, email: jane@contoso.com }, dateAgreed: 2026-01-31 }",
    ].join("\n");
    const { spec, problems } = parseTenantSpec(text, "c.yaml");
    assert.deepEqual(problems, []);
    assert.equal(spec!.customer, "contoso.onmicrosoft.com");
    assert.deepEqual((spec!.usageBudget as { amount: unknown }).amount, 500);
    const profile = spec!.billingProfile as { culture: string; defaultAddress: { country: string } };
    assert.equal(profile.culture, "en-US", "the resource's own normalization applies");
    assert.equal(profile.defaultAddress.country, "US");
  });

  it("unknown top-level key: position of the key, did-you-mean, and the known keys", () => {
    const p = only(`${CUSTOMER}user:\n  - userPrincipalName: jane@contoso.onmicrosoft.com\n`);
    assert.deepEqual([p.line, p.column, p.path], [2, 1, "user"]);
    assert.match(p.message, /unknown field "user"\. Fix: did you mean "users"\?/);
    assert.match(
      p.message,
      /usageBudget, billingProfile, qualifications, customerAgreements, gdap$/,
      "the list of known keys includes the account settings",
    );
  });

  it("unknown nested key (a typo in a user and in a license) points at that key", () => {
    const p = only(`${CUSTOMER}${USER}    usageLocaton: US\n`);
    assert.deepEqual([p.line, p.column, p.path], [5, 5, "users[0].usageLocaton"]);
    assert.match(p.message, /did you mean "usageLocation"\?/);

    const q = only(`${CUSTOMER}${USER}    licenses:\n      - sku: POWER_BI_PRO\n        excludePlans: [X]\n`);
    assert.deepEqual([q.line, q.column, q.path], [7, 9, "users[0].licenses[0].excludePlans"]);
    assert.match(q.message, /did you mean "excludedPlans"\?/);
  });

  it("an unknown key far from every known one gets no guess, only the list", () => {
    const p = only(`${CUSTOMER}colour: blue\n`);
    assert.doesNotMatch(p.message, /did you mean/);
    assert.match(p.message, /remove it or use one of: apiVersion, customer/);
  });

  it("wrong type: a role given as a string instead of a list", () => {
    const p = only(`${CUSTOMER}${USER}    roles: Helpdesk Administrator\n`);
    assert.deepEqual([p.line, p.column, p.path], [5, 12, "users[0].roles"]);
    assert.match(p.message, /must be a list\. Fix: write it as a YAML list/);
  });

  it("wrong type: adopt as text, budget as text", () => {
    const p = only(`${CUSTOMER}adopt: yes please\n`);
    assert.deepEqual([p.line, p.path], [2, "adopt"]);
    assert.match(p.message, /must be true or false\. Fix: write adopt: true or adopt: false/);
    const b = only(`${CUSTOMER}usageBudget:\n  amount: lots\n`);
    assert.deepEqual([b.line, b.column, b.path], [3, 11, "usageBudget.amount"]);
    assert.match(b.message, /must be a number >= 0 or "none"\. Fix:/);
  });

  it("bad UPN", () => {
    const p = only(`${CUSTOMER}users:\n  - userPrincipalName: jane.contoso.com\n    displayName: Jane\n`);
    assert.deepEqual([p.line, p.column, p.path], [3, 24, "users[0].userPrincipalName"]);
    assert.match(p.message, /must look like alias@domain\. Fix: write it as alias@domain/);
  });

  it("bad GUID: text, and a number YAML read as a number", () => {
    const p = only(`${CUSTOMER}subscriptions:\n  - id: not-a-guid\n    nickname: Sales\n`);
    assert.deepEqual([p.line, p.column, p.path], [3, 9, "subscriptions[0].id"]);
    assert.match(p.message, /must be a GUID\. Fix: give the subscription id as a GUID like 00000000-/);
    const q = only(`${CUSTOMER}subscriptions:\n  - id: 1234\n    nickname: Sales\n`);
    assert.match(q.message, /Fix: give the subscription id as a GUID/);
  });

  it("bad customer reference and a missing customer", () => {
    const p = only("customer: not a domain\n");
    assert.deepEqual([p.line, p.column, p.path], [1, 11, "customer"]);
    assert.match(
      p.message,
      /must be a customer tenant id or domain\. Fix: give the customer's tenant id \(a GUID\) or its initial domain/,
    );
    const q = only(USER);
    assert.deepEqual([q.line, q.path], [1, "customer"]);
    assert.match(q.message, /is required\. Fix:/);
  });

  it("duplicates inside a file: user, role, license, subscription, domain", () => {
    const problems = problemsOf(
      [
        CUSTOMER.trim(),
        "users:",
        "  - { userPrincipalName: jane@contoso.onmicrosoft.com, displayName: Jane, roles: [A, a], licenses: [X, { sku: x }] }",
        "  - { userPrincipalName: JANE@contoso.onmicrosoft.com, displayName: Jane again }",
        "subscriptions:",
        "  - { id: 9e25ff1b-a9a2-4c0e-bcbe-c42c61444c7b, nickname: A }",
        "  - { id: 9E25FF1B-A9A2-4C0E-BCBE-C42C61444C7B, nickname: B }",
        "domains: [{ name: contoso.example }, { name: Contoso.Example }]",
      ].join("\n"),
    );
    const byPath = Object.fromEntries(problems.map((p) => [p.path, p]));
    assert.deepEqual(Object.keys(byPath).sort(), [
      "domains[1].name",
      "subscriptions[1].id",
      "users[0].licenses[1]",
      "users[0].roles[1]",
      "users[1].userPrincipalName",
    ]);
    assert.match(byPath["users[1].userPrincipalName"].message, /repeats users\[0\].*Fix: describe each user once/);
    assert.equal(byPath["users[1].userPrincipalName"].line, 4);
    assert.match(byPath["subscriptions[1].id"].message, /Fix: give each subscription one nickname/);
    assert.match(byPath["domains[1].name"].message, /Fix: list each domain once/);
  });

  it("YAML syntax error: line and column, and the fix", () => {
    const p = only(`${CUSTOMER}users:\n  - userPrincipalName: a@contoso.onmicrosoft.com\n   displayName: A\n`);
    assert.equal(p.line, 4);
    assert.equal(p.path, "");
    assert.match(p.message, /Fix: correct the YAML syntax/);
  });

  it("a key written twice names the key", () => {
    const p = only("customer: a.onmicrosoft.com\ncustomer: b.onmicrosoft.com\n");
    assert.deepEqual([p.line, p.column], [2, 1]);
    assert.match(p.message, /"customer" appears twice.*Fix: keep one of them/);
  });

  it("an empty file and a file that is not a mapping", () => {
    assert.match(only("# nothing here\n").message, /the file is empty\. Fix: start with `customer:/);
    assert.match(only("- a\n- b\n").message, /must be a YAML mapping\. Fix:/);
  });

  it("the resources' own cross-field rules run at load time: qualification kinds, per-country billing address", () => {
    const q = problemsOf(
      `${CUSTOMER}qualifications:\n  - qualification: Education\n  - qualification: StateOwnedEntity\n    validationCode: ABC\n`,
    );
    assert.deepEqual(
      q.map((p) => `${p.line}:${p.column} ${p.path}`),
      ["3:5 qualifications[0].educationSegment", "5:21 qualifications[1].validationCode"],
    );
    assert.match(
      q[0].message,
      /educationSegment is required for the Education qualification\. Fix: set it to K12 or HigherEducation/,
    );
    assert.match(
      q[1].message,
      /applies only to the GovernmentCommunityCloud qualification, not StateOwnedEntity\. Fix: remove validationCode/,
    );
    const b = only(`${CUSTOMER}billingProfile:\n  defaultAddress:\n    country: BR\n    city: Rio de Janeiro\n`);
    assert.deepEqual([b.line, b.path], [4, "billingProfile.defaultAddress.phoneNumber"]);
    assert.match(b.message, /phoneNumber is required for customers in BR.*Fix: add the phone number/);
  });

  it("a password in a user is refused with how passwords work (generated; passwordVersion resets)", () => {
    const p = only(`${CUSTOMER}${USER}    password: Hunter2!Hunter2\n`);
    assert.equal(p.path, "users[0].password");
    assert.match(
      p.message,
      /a password is not written in a spec.*generated password.*initialPassword.*passwordVersion/,
    );
    assert.doesNotMatch(p.message, /Hunter2/);
  });

  it("a Federated domain needs its federationSettings (the resource's rule), and is accepted with them", () => {
    const federated = `${CUSTOMER}domains:\n  - name: fed.example.com\n    authenticationType: Federated\n`;
    const p = only(federated);
    assert.equal(p.path, "domains[0].federationSettings");
    assert.match(p.message, /federationSettings is required when authenticationType is Federated\. Fix:/);
    const settings = [
      "    federationSettings:",
      "      issuerUri: https://sts.example.net/adfs/services/trust",
      "      logOffUri: https://sts.example.net/adfs/ls/",
      "      passiveLogOnUri: https://sts.example.net/adfs/ls/",
      "      preferredAuthenticationProtocol: WsFed",
      "      promptLoginBehavior: NativeSupport",
      "      signingCertificate: MIIC8DCCAdigAwIBAgIQ",
      "",
    ].join("\n");
    const ok = parseTenantSpec(federated + settings, "tenants/contoso.yaml");
    assert.deepEqual(ok.problems, []);
    const managed = only(`${CUSTOMER}domains:\n  - name: m.example.com\n${settings}`);
    assert.equal(managed.path, "domains[0].federationSettings");
  });

  it("a usage location that is two letters but no country is refused, as the resource refuses it", () => {
    const p = only(`${CUSTOMER}${USER}    usageLocation: ZZ\n`);
    assert.equal(p.path, "users[0].usageLocation");
    assert.match(p.message, /ZZ is not an ISO 3166-1 alpha-2 country code\. Fix:/);
  });

  it("gdap: a relationship name or an assignment's group listed twice; a relationship without roles", () => {
    const noRoles = problemsOf(`${CUSTOMER}gdap:\n  relationships:\n    - { displayName: other, duration: P30D }\n`);
    assert.deepEqual(
      noRoles.map((p) => p.path),
      ["gdap.relationships[0].roles"],
    );
    const problems = problemsOf(
      [
        CUSTOMER.trim(),
        "gdap:",
        "  relationships:",
        "    - displayName: helpdesk",
        "      duration: P730D",
        "      roles: [Helpdesk Administrator]",
        "      assignments:",
        "        - { securityGroup: Helpdesk Agents, roles: [Helpdesk Administrator] }",
        "        - { securityGroup: helpdesk agents, roles: [Helpdesk Administrator] }",
        "    - { displayName: Helpdesk, duration: P30D, roles: [Global Reader] }",
        "",
      ].join("\n"),
    );
    assert.deepEqual(problems.map((p) => p.path).sort(), [
      "gdap.relationships[0].assignments[1].securityGroup",
      "gdap.relationships[1].displayName",
    ]);
    assert.match(problems.find((p) => p.path.endsWith("[1].displayName"))!.message, /repeats relationships\[0\]/);
  });

  it("gdap: the section docs/gdap.md shows (In a tenant spec) parses as written", () => {
    const doc = readFileSync(join(__dirname, "..", "..", "..", "docs", "gdap.md"), "utf8");
    const section = doc.split("\n## In a tenant spec\n")[1]?.split("\n## ")[0] ?? "";
    const block = /```yaml\n([\s\S]*?)```/.exec(section)?.[1];
    assert.ok(block?.startsWith("gdap:"), "docs/gdap.md shows a gdap: section under 'In a tenant spec'");
    const result = parseTenantSpec(`${CUSTOMER}${block}`, "tenants/contoso.yaml");
    assert.deepEqual(result.problems.map(formatProblem), []);
    assert.equal((result.spec?.gdap as { relationships: unknown[] }).relationships.length, 1);
  });

  it("a field mistake is reported once, not again by the resource's rules", () => {
    const problems = problemsOf(
      `${CUSTOMER}customerAgreements:\n  - primaryContact: { firstName: A, lastName: B, email: not-an-address }\n    dateAgreed: yesterday\n`,
    );
    assert.deepEqual(
      problems.map((p) => p.path),
      ["customerAgreements[0].primaryContact.email", "customerAgreements[0].dateAgreed"],
    );
    assert.match(problems[1].message, /^must be an ISO-8601 date\. Fix:/);
  });

  it("duplicates in the account sections: a qualification kind, an agreement contact", () => {
    const problems = problemsOf(
      [
        CUSTOMER.trim(),
        "qualifications: [{ qualification: StateOwnedEntity }, { qualification: StateOwnedEntity }]",
        "customerAgreements:",
        "  - { primaryContact: { firstName: A, lastName: B, email: a@contoso.com } }",
        "  - { primaryContact: { firstName: C, lastName: D, email: A@Contoso.com } }",
      ].join("\n"),
    );
    assert.deepEqual(
      problems.map((p) => p.path),
      ["qualifications[1].qualification", "customerAgreements[1].primaryContact.email"],
    );
    assert.match(problems[0].message, /Fix: list each kind once/);
    assert.match(problems[1].message, /Fix: list each contact once/);
  });

  it("the formatted problem reads file:line:column: path: message", () => {
    const p = only(`${CUSTOMER}${USER}    usageLocation: USA\n`);
    assert.equal(
      formatProblem(p),
      "tenants/contoso.yaml:5:20: users[0].usageLocation: must be a two-letter country code. Fix: use a two-letter ISO country code such as US, GB or DE",
    );
  });
});

describe("spec/loader: files and directories", () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "pc-spec-"));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const write = (name: string, text: string) => {
    mkdirSync(join(dir, name, ".."), { recursive: true });
    writeFileSync(join(dir, name), text);
  };
  const errorOf = (fn: () => unknown): TenantSpecError => {
    try {
      fn();
    } catch (e) {
      assert.ok(e instanceof TenantSpecError, String(e));
      return e;
    }
    assert.fail("expected a TenantSpecError");
  };

  it("reads *.yaml and *.yml recursively in name order, skipping dot and underscore names and other files", () => {
    write("b.yaml", "customer: b.onmicrosoft.com\n");
    write("a/c.yml", "customer: c.onmicrosoft.com\n");
    write("_draft.yaml", "customer: [broken\n");
    write(".hidden/x.yaml", "customer: [broken\n");
    write("README.md", "not a spec");
    const loaded = loadTenantSpecs(".", { cwd: dir });
    assert.deepEqual(
      loaded.map((l) => [l.file, l.spec.customer]),
      [
        ["a/c.yml", "c.onmicrosoft.com"],
        ["b.yaml", "b.onmicrosoft.com"],
      ],
    );
  });

  it("an empty directory is refused: applying no customers would delete every managed object", () => {
    const e = errorOf(() => loadTenantSpecs(dir, { cwd: dir }));
    assert.equal(e.problems.length, 1);
    assert.match(e.message, /holds no \*\.yaml tenant spec.*Fix: add a spec \(partner-center export/);
    assert.match(e.message, /nothing was run/);
  });

  it("a missing path names it and how to create it", () => {
    const e = errorOf(() => loadTenantSpecs("no-such-dir", { cwd: dir }));
    assert.match(e.message, /no-such-dir: does not exist\. Fix: create it \(partner-center export/);
  });

  it("the same customer in two files is reported on the second file", () => {
    write("one.yaml", "customer: contoso.onmicrosoft.com\n");
    write("two.yaml", "customer: CONTOSO.onmicrosoft.com\n");
    const e = errorOf(() => loadTenantSpecs(".", { cwd: dir }));
    assert.equal(e.problems.length, 1);
    assert.equal(e.problems[0].file, "two.yaml");
    assert.equal(e.problems[0].path, "customer");
    assert.match(e.problems[0].message, /already described by one\.yaml\. Fix: describe each customer in one file/);
  });

  it("every problem of every file is reported together, with paths relative to the working directory", () => {
    write("tenants/a.yaml", "customer: a.onmicrosoft.com\nuser: []\n");
    write("tenants/b.yaml", "customer: b.onmicrosoft.com\nadopt: maybe\n");
    const e = errorOf(() => loadTenantSpecs("tenants", { cwd: dir }));
    assert.deepEqual(
      e.problems.map((p) => `${p.file}:${p.line}:${p.path}`),
      ["tenants/a.yaml:2:user", "tenants/b.yaml:2:adopt"],
    );
    assert.match(
      e.message,
      /^Tenant spec is invalid \(2 problems\); nothing was run:\n {2}tenants\/a\.yaml:2:1: user: unknown field/,
    );
  });

  it("a symbolic link leading outside the tenants folder is reported and never read", () => {
    const outside = mkdtempSync(join(tmpdir(), "pc-outside-"));
    try {
      writeFileSync(join(outside, "secret.yaml"), "customer: x.onmicrosoft.com\napiKey: hunter2\ndbPassword: s3cret\n");
      mkdirSync(join(outside, "more"));
      writeFileSync(join(outside, "more", "m.yaml"), "customer: m.onmicrosoft.com\n");
      write("tenants/real.yaml", "customer: a.onmicrosoft.com\n");
      symlinkSync(join(outside, "secret.yaml"), join(dir, "tenants", "leak.yaml"));
      symlinkSync(join(outside, "more"), join(dir, "tenants", "linked-folder"));
      symlinkSync(join(dir, "nowhere.yaml"), join(dir, "tenants", "broken.yaml"));
      const e = errorOf(() => loadTenantSpecs("tenants", { cwd: dir }));
      assert.deepEqual(
        e.problems.map((p) => p.file),
        ["tenants/broken.yaml", "tenants/leak.yaml", "tenants/linked-folder"],
      );
      assert.match(e.problems[0].message, /symbolic link to nothing\. Fix:/);
      for (const p of e.problems.slice(1))
        assert.match(p.message, /symbolic link that leads outside the tenants folder, so it is not read\. Fix:/);
      assert.doesNotMatch(e.message, /apiKey|dbPassword|hunter2|s3cret|m\.onmicrosoft/, "nothing of the outside files");
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });

  it("a symbolic link inside the tenants folder (file or folder) is followed; a folder reached twice is read once", () => {
    write("tenants/shared/s.yaml", "customer: s.onmicrosoft.com\n");
    write("tenants/a.yaml", "customer: a.onmicrosoft.com\n");
    symlinkSync(join(dir, "tenants", "shared"), join(dir, "tenants", "alias"));
    symlinkSync(join(dir, "tenants", "a.yaml"), join(dir, "tenants", "z-link.yml"));
    const e = errorOf(() => loadTenantSpecs("tenants", { cwd: dir }));
    assert.deepEqual(
      e.problems.map((p) => `${p.file}: ${p.message.slice(0, 41)}`),
      ["tenants/z-link.yml: a.onmicrosoft.com is already described by"],
      "the linked file is read (and found to repeat a.yaml); the linked folder is read once",
    );
    rmSync(join(dir, "tenants", "z-link.yml"));
    const loaded = loadTenantSpecs("tenants", { cwd: dir });
    assert.deepEqual(
      loaded.map((l) => [l.file, l.spec.customer]),
      [
        ["tenants/a.yaml", "a.onmicrosoft.com"],
        ["tenants/alias/s.yaml", "s.onmicrosoft.com"],
      ],
    );
  });

  it("a single file can be given instead of a directory", () => {
    write("only.yaml", "customer: a.onmicrosoft.com\n");
    const loaded = loadTenantSpecs(join(dir, "only.yaml"), { cwd: dir });
    assert.deepEqual(
      loaded.map((l) => [l.file, l.spec.customer]),
      [["only.yaml", "a.onmicrosoft.com"]],
    );
  });
});
