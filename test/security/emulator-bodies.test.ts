// Malformed and oversized request bodies to the emulator (API routes and the token endpoint) are refused with a
// clear error — 400 naming what is wrong, 413 naming the limit — without changing the store, and the emulator
// keeps answering afterwards. Raw HTTPS, so nothing in a client can clean the body up first.
import assert from "assert";
import * as https from "https";
import type { Emulator } from "../../emulator";
import { apiClient, bearer, startTestEmulator, userToken } from "../emulator/helpers";

interface Answer {
  status: number;
  text: string;
  closed: boolean;
}

/** One raw HTTPS request; a connection the server closes early counts as an answer (`closed`). */
function send(
  emu: Emulator,
  method: string,
  path: string,
  body: Buffer | string,
  headers: Record<string, string>,
): Promise<Answer> {
  return new Promise((resolve) => {
    const req = https.request(new URL(path, emu.url), { method, headers, ca: emu.ca, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () =>
        resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString("utf8"), closed: false }),
      );
      res.on("error", () =>
        resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString("utf8"), closed: true }),
      );
    });
    req.on("error", () => resolve({ status: 0, text: "", closed: true }));
    req.end(body);
  });
}

describe("security: malformed and oversized bodies to the emulator", () => {
  let emu: Emulator & { diagnostics: string[] };
  let token: string;
  const customer = () => emu.seed.partners[0].customers[0];
  const usersPath = () => `/v1/customers/${customer().id}/users`;
  const storeText = () => JSON.stringify(emu.store.data.partners.map((p) => p.customers));
  const json = () => ({ ...bearer(token), "Content-Type": "application/json" });

  before(async () => {
    emu = await startTestEmulator();
    token = await userToken(emu);
  });
  after(async () => emu && (await emu.close()));

  const malformed: Array<[string, Buffer | string, RegExp]> = [
    ["truncated JSON", '{"userPrincipalName": "a@b.example", ', /JSON/i],
    ["not JSON at all", "userPrincipalName=a", /JSON/i],
    ["a JSON array", "[1, 2, 3]", /object|array|body/i],
    ["a JSON string", '"hello"', /object|string|body/i],
    ["JSON null", "null", /required|object|null/i],
    ["invalid UTF-8 bytes", Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d]), /./],
    ["100,000 levels of nesting", `${"[".repeat(100_000)}${"]".repeat(100_000)}`, /./],
    [
      "a user with every field of the wrong type",
      JSON.stringify({ userPrincipalName: 7, displayName: [], passwordProfile: "x", usageLocation: {} }),
      /userPrincipalName|displayName|passwordProfile/,
    ],
  ];

  for (const [name, body, explains] of malformed) {
    it(`create user with ${name}: 400 with a description, nothing stored`, async () => {
      const before = storeText();
      const res = await send(emu, "POST", usersPath(), body, json());
      assert.strictEqual(res.status, 400, `status for ${name}: ${res.status} ${res.text.slice(0, 200)}`);
      const parsed = JSON.parse(res.text) as { description?: string; code?: unknown };
      assert.ok(parsed.description && parsed.description.length > 10, "the error body has a description");
      assert.match(parsed.description, explains);
      assert.strictEqual(storeText(), before);
    });
  }

  it("a body over 1 MiB is refused with 413 naming the limit, also when sent chunked without a length", async () => {
    const before = storeText();
    const big = JSON.stringify({
      userPrincipalName: `big@${customer().domain}`,
      displayName: "x".repeat(2 * 1024 * 1024),
    });
    const declared = await send(emu, "POST", usersPath(), big, json());
    assert.strictEqual(declared.status, 413);
    assert.match(JSON.parse(declared.text).description, /1 MiB|1048576/);
    const chunked = await send(emu, "POST", usersPath(), big, { ...json(), "Transfer-Encoding": "chunked" });
    assert.ok(chunked.status === 413 || chunked.closed, `chunked: ${chunked.status}`);
    assert.strictEqual(storeText(), before);
  });

  it("a 40 MiB body is cut off (413 or the connection closed) without buffering it", async () => {
    const res = await send(
      emu,
      "PATCH",
      `${usersPath()}/${emu.store.data.partners[0].customers[0].users[0].id}`,
      Buffer.alloc(40 * 1024 * 1024, 0x20),
      json(),
    );
    assert.ok(res.status === 413 || res.closed, `answered ${res.status}`);
  });

  it("the token endpoint refuses a malformed or oversized form with an OAuth error, and issues no token", async () => {
    const p = emu.seed.partners[0];
    const tokenPath = `/${p.tenantId}/oauth2/v2.0/token`;
    const form = { "Content-Type": "application/x-www-form-urlencoded" };
    for (const body of [
      "%%%",
      "grant_type=client_credentials&client_id=%ZZ",
      `grant_type=refresh_token&refresh_token=${"x".repeat(8192)}&client_id=${p.user.clientId}`,
      '{"grant_type":"client_credentials"}',
    ]) {
      const res = await send(emu, "POST", tokenPath, body, form);
      assert.ok(res.status >= 400 && res.status < 500, `${body.slice(0, 40)}: ${res.status}`);
      assert.doesNotMatch(res.text, /access_token/);
      assert.match(res.text, /"error"\s*:/, "an OAuth error body");
    }
    const big = await send(
      emu,
      "POST",
      tokenPath,
      `grant_type=client_credentials&x=${"a".repeat(2 * 1024 * 1024)}`,
      form,
    );
    assert.ok(big.status === 413 || big.status === 400 || big.closed, `oversized form: ${big.status}`);
    assert.doesNotMatch(big.text, /access_token/);
  });

  it("after all of it the emulator still answers normally", async () => {
    const res = await apiClient(emu).get(usersPath(), { headers: bearer(token) });
    assert.strictEqual(res.status, 200);
    assert.ok(Array.isArray(res.data.items));
  });
});
