// A PartnerCenterClient on a scripted transport with a fake token source: no network, no msal.
import { PartnerCenterClient } from "../../../provider/client";
import type { ClientOptions } from "../../../provider/client/options";
import { scripted, type Step } from "./scriptedTransport";

export const TENANT = "aaaaaaaa-0000-0000-0000-000000000001";
export const APP = "bbbbbbbb-0000-0000-0000-000000000002";
export const CUSTOMER = "cccccccc-0000-0000-0000-000000000003";
export const USER = "dddddddd-0000-0000-0000-000000000004";

export function fakeClient(steps: Step[], options: Partial<ClientOptions> = {}) {
  const s = scripted(...steps);
  const sleeps: number[] = [];
  const client = new PartnerCenterClient({
    tenantId: TENANT,
    clientId: APP,
    endpoint: "https://pc.test",
    tokenSource: { getToken: async (kind) => `fake-${kind}-token` },
    transport: s.transport,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    random: () => 0.5,
    ...options,
  });
  return { client, requests: s.requests, sleeps };
}
