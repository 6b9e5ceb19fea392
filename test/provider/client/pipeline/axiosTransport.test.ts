import assert from "assert";
import { createServer, type AddressInfo } from "net";
import { PartnerCenterClient, PartnerCenterError } from "../../../../provider/client";
import { axiosTransport } from "../../../../provider/client/pipeline/axiosTransport";
import { TransportError } from "../../../../provider/client/pipeline/types";
import { APP, CUSTOMER, TENANT } from "../fakeClient";
import { baseRequest } from "../scriptedTransport";

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe("pipeline/axiosTransport", () => {
  it("no response: a TransportError with the socket cause and the endpoint setting to check", async () => {
    const port = await closedPort();
    await assert.rejects(
      axiosTransport()(baseRequest({ url: `https://127.0.0.1:${port}/v1/customers` })),
      (e: unknown) =>
        e instanceof TransportError &&
        e.code === "ECONNREFUSED" &&
        e.message ===
          `no response from https://127.0.0.1:${port}: connect ECONNREFUSED 127.0.0.1:${port} (ECONNREFUSED). ` +
            `Fix: nothing accepts connections at https://127.0.0.1:${port}; check endpoint ` +
            "(partnercenter:endpoint / PARTNERCENTER_ENDPOINT) and that the service (or the emulator) is running",
    );
  });

  it("the client's NetworkError carries that cause", async () => {
    const port = await closedPort();
    const client = new PartnerCenterClient({
      tenantId: TENANT,
      clientId: APP,
      endpoint: `https://127.0.0.1:${port}`,
      tokenSource: { getToken: async () => "t" },
      maxRetries: 0,
    });
    await assert.rejects(
      client.customers.get(CUSTOMER),
      (e: unknown) =>
        e instanceof PartnerCenterError &&
        e.code === "NetworkError" &&
        /connect ECONNREFUSED 127\.0\.0\.1:\d+ \(ECONNREFUSED\)\. Fix: .*check endpoint/.test(e.message),
    );
  });
});
