import assert from "assert";
import { authPolicy } from "../../../../provider/client/pipeline/authPolicy";
import type { CredentialKind } from "../../../../provider/client/pipeline/types";
import { baseRequest, scripted } from "../scriptedTransport";

describe("pipeline/authPolicy", () => {
  it("adds the bearer token of the credential kind the request asks for", async () => {
    const asked: CredentialKind[] = [];
    const policy = authPolicy({
      getToken: async (kind) => {
        asked.push(kind);
        return `token-${kind}`;
      },
    });
    const s = scripted({ status: 200 });
    await policy(baseRequest({ credential: "app" }), s.transport);
    await policy(baseRequest({ credential: "user" }), s.transport);
    assert.deepStrictEqual(asked, ["app", "user"]);
    assert.deepStrictEqual(
      s.requests.map((r) => r.headers.Authorization),
      ["Bearer token-app", "Bearer token-user"],
    );
  });
});
