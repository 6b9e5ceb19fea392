// A small route list for testing the emulator core without the real handlers (mounted via startEmulator({routes})).
import { randomUUID } from "crypto";
import { ApiError, type Route } from "../../emulator/http/types";

export const testRoutes: Route[] = [
  {
    method: "GET",
    pattern: "/v1/customers/:customerId/ping",
    auth: "app-or-user",
    handle: (ctx) => ({ status: 200, body: { customerId: ctx.customer!.id, caller: ctx.caller } }),
  },
  {
    method: "GET",
    pattern: "/v1/customers/relationshiprequests",
    auth: "user-only",
    handle: (ctx) => ({ status: 200, body: { url: `https://example.invalid/${ctx.partner.tenantId}` } }),
  },
  {
    method: "GET",
    pattern: "/v1/customers/:customerId/useronly",
    auth: "user-only",
    handle: () => ({ status: 200, body: { ok: true } }),
  },
  {
    // creates one order per call, so tests can count how many times a write really ran
    method: "POST",
    pattern: "/v1/customers/:customerId/orders",
    auth: "app-or-user",
    handle: (ctx) => {
      const id = randomUUID();
      ctx.customer!.orders.push({
        id,
        referenceCustomerId: ctx.customer!.id,
        billingCycle: "monthly",
        currencyCode: "USD",
        creationDate: ctx.now().toISOString(),
        status: "completed",
        lineItems: [],
        etagVersion: 1,
      });
      ctx.changed();
      return { status: 201, body: { id } };
    },
  },
  {
    method: "GET",
    pattern: "/v1/customers/:customerId/orders",
    auth: "app-or-user",
    handle: (ctx) => ({ status: 200, body: { totalCount: ctx.customer!.orders.length } }),
  },
  {
    method: "POST",
    pattern: "/v1/echo",
    auth: "app-or-user",
    handle: (ctx) => ({ status: 200, body: { body: ctx.body ?? null } }),
  },
  {
    method: "POST",
    pattern: "/v1/conflict",
    auth: "app-or-user",
    handle: () => {
      throw new ApiError(409, 600041, "Self-serve policy already exists.");
    },
  },
  {
    method: "GET",
    pattern: "/v1/boom",
    auth: "app-or-user",
    handle: () => {
      throw new Error("kaboom with internal detail");
    },
  },
];
