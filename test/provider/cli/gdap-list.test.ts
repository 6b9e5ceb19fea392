// `partner-center gdap list [--customer C]` against the emulator over HTTPS, configured as the other lookup commands
// are: every relationship of the partner as a table and as Graph's JSON, every page read, and with --customer (a
// tenant id or domain) that customer's relationships and their access assignments with group names.
import { strict as assert } from "assert";
import { clientFor } from "../client/emulatorClient";
import { useLookupCli } from "./lookupCli";

const HELPDESK = "729827e3-9c14-49f7-bb1b-9608f156bbb8";
const COLUMNS = ["ID", "CUSTOMER", "NAME", "STATUS", "ROLES", "ENDS", "AUTO-EXTEND"];

describe("partner-center gdap list (against the emulator)", () => {
  const { ctx, partner, run, json, table } = useLookupCli();
  const gdap = () => ctx.emu.store.partner(partner().tenantId)!.gdap!;
  const fabrikam = () => partner().customers.find((c) => c.domain === "fabrikamtenant.onmicrosoft.com")!;

  it("lists every relationship of the partner: a table with status, roles, end date and auto-extend, and Graph's JSON", async () => {
    const stored = gdap().relationships;
    assert.ok(stored.length >= 6, "the seed has relationships in each state");
    const rows = await json("gdap", "list");
    assert.deepEqual(rows.map((r) => r.id).sort(), stored.map((r) => r.id).sort());
    assert.ok(
      rows.every((r) => !("accessAssignments" in r)),
      "assignments only with --customer",
    );
    const [header, ...lines] = await table("gdap", "list");
    assert.deepEqual(header, COLUMNS);
    assert.deepEqual(lines.map((l) => l[0]).sort(), stored.map((r) => r.id).sort());
    const helpdesk = stored.find((r) => r.displayName === "fabrikamtenant-helpdesk")!;
    const row = lines.find((l) => l[0] === helpdesk.id)!;
    assert.deepEqual(row.slice(1), [
      "Fabrikam, Inc.",
      "fabrikamtenant-helpdesk",
      "active",
      row[4],
      helpdesk.endDateTime!.slice(0, 10),
      "P180D",
    ]);
    assert.match(row[4], /Helpdesk Administrator/);
    const expiring = lines.find((l) => l[2] === "fabrikamtenant-expiring")!;
    assert.equal(expiring[6], "no");
  });

  it("reads every page (two pages of 100)", async () => {
    const graph = clientFor(ctx.emu, "user").graph;
    for (let i = 0; i < 120; i++)
      await graph.relationships.create({ displayName: `bulk-${i}`, duration: "P30D", roleDefinitionIds: [HELPDESK] });
    const before = (await ctx.admin("GET", "/requests")) as Array<{ seq: number }>;
    const since = before[before.length - 1].seq;
    const rows = await json("gdap", "list");
    assert.equal(rows.length, gdap().relationships.length);
    assert.ok(rows.length > 120);
    const pages = (
      (await ctx.admin("GET", `/requests?since=${since}`)) as Array<{ method: string; path: string }>
    ).filter((r) => r.method === "GET" && /delegatedAdminRelationships$/i.test(r.path));
    assert.equal(pages.length, 2);
  });

  it("--customer (domain or id) lists that customer's relationships and their access assignments with group names", async () => {
    const mine = gdap().relationships.filter((r) => r.customer?.tenantId === fabrikam().id);
    assert.ok(mine.length >= 2);
    const { code, io } = await run("gdap", "list", "--customer", fabrikam().domain);
    assert.equal(code, 0, io.errors.join("\n"));
    const [relationships, assignments] = io.lines.join("\n").split("\n\n");
    assert.deepEqual(
      relationships
        .split("\n")
        .slice(2)
        .map((l) => l.split(/ {2,}/)[0])
        .sort(),
      mine.map((r) => r.id).sort(),
    );
    const [header, rule, ...rows] = assignments.split("\n").map((l) => l.split(/ {2,}/));
    assert.deepEqual(header, ["RELATIONSHIP", "ASSIGNMENT ID", "GROUP", "STATUS", "ROLES"]);
    assert.match(rule.join(" "), /^-+( +-+)*$/);
    const helpdesk = mine.find((r) => r.displayName === "fabrikamtenant-helpdesk")!;
    const assigned = helpdesk.accessAssignments[0];
    assert.deepEqual(rows, [
      ["fabrikamtenant-helpdesk", assigned.id, "Helpdesk Agents", "active", "Helpdesk Administrator"],
    ]);

    const byId = await json("gdap", "list", "--customer", fabrikam().id);
    assert.deepEqual(byId.map((r) => r.id).sort(), mine.map((r) => r.id).sort());
    const withAssignment = byId.find((r) => r.id === helpdesk.id)!;
    const listed = withAssignment.accessAssignments as Array<{
      id: string;
      accessContainer: { accessContainerId: string };
    }>;
    assert.deepEqual(
      listed.map((a) => [a.id, a.accessContainer.accessContainerId]),
      [[assigned.id, assigned.groupId]],
    );
  });

  it("a customer without relationships and bad usage", async () => {
    const other = partner().customers[2];
    gdap().relationships = gdap().relationships.filter((r) => r.customer?.tenantId !== other.id);
    const none = await run("gdap", "list", "--customer", other.id);
    assert.equal(none.code, 0, none.io.errors.join("\n"));
    assert.deepEqual(none.io.lines, ["(no GDAP relationships)"]);
    for (const [argv, message] of [
      [["gdap"], /a verb is required: use list/],
      [["gdap", "show"], /unknown verb 'show': use list/],
      [["gdap", "list", "--output", "yaml"], /--output must be table or json, not 'yaml'/],
      [["gdap", "list", "--customer"], /--customer/],
    ] as Array<[string[], RegExp]>) {
      const { code, io } = await run(...argv);
      assert.equal(code, 2, argv.join(" "));
      assert.match(io.errors.join("\n"), message);
    }
  });
});
