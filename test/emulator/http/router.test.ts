import assert from "node:assert/strict";
import { RouteTable } from "../../../emulator/http/router";
import type { Route } from "../../../emulator/http/types";

const route = (method: Route["method"], pattern: string): Route => ({
  method,
  pattern,
  auth: "app-or-user",
  handle: () => ({ status: 200 }),
});

describe("emulator route table", () => {
  const byId = route("GET", "/v1/customers/:customerId");
  const validations = route("GET", "/v1/customers/all/validations");
  const users = route("GET", "/v1/customers/:customerId/users");
  const createUser = route("POST", "/v1/customers/:customerId/users");
  const domain = route("GET", "/v1/domains/:domain");
  const table = new RouteTable([byId, validations, users, createUser, domain]);

  it("decodes params and prefers literal segments over params", () => {
    assert.deepEqual(table.match("GET", "/v1/customers/all/validations"), { route: validations, params: {} });
    assert.deepEqual(table.match("GET", "/v1/customers/abc%40x/users"), {
      route: users,
      params: { customerId: "abc@x" },
    });
    assert.deepEqual(table.match("POST", "/v1/Customers/abc/USERS/"), {
      route: createUser,
      params: { customerId: "abc" },
    });
  });

  it("falls back from HEAD to GET, and reports 405 with the allowed methods or 404", () => {
    assert.deepEqual(table.match("HEAD", "/v1/domains/contoso.example"), {
      route: domain,
      params: { domain: "contoso.example" },
    });
    assert.deepEqual(table.match("DELETE", "/v1/customers/abc/users"), { status: 405, allowed: ["GET", "POST"] });
    assert.deepEqual(table.match("GET", "/v1/customers/abc/nothing"), { status: 404, allowed: [] });
  });

  it("answers broken percent-encoding with 400 instead of throwing a URIError", () => {
    assert.throws(
      () => table.match("GET", "/v1/customers/%E0%A4%A/users"),
      (e: { status?: number }) => e.status === 400,
    );
  });
});
