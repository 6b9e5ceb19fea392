// PartnerCenterClient instances wired to a running emulator over HTTPS (its CA trusted explicitly).
import type { Emulator } from "../../../emulator";
import { PartnerCenterClient } from "../../../provider/client";
import { apiClient, startTestEmulator } from "../../emulator/helpers";
import type { ClientOptions } from "../../../provider/client/options";

export type Credential = "secret" | "certificate" | "user";

export function clientFor(
  emu: Emulator,
  credential: Credential,
  extra: Partial<ClientOptions> = {},
  partnerIndex = 0,
): PartnerCenterClient {
  const partner = emu.seed.partners[partnerIndex];
  const common = {
    tenantId: partner.tenantId,
    endpoint: emu.url,
    authorityHost: emu.authorityHost,
    caCertificate: emu.ca,
    sleep: async () => {},
  };
  if (credential === "secret")
    return new PartnerCenterClient({
      ...common,
      clientId: partner.app.clientId,
      clientSecret: partner.app.clientSecret,
      ...extra,
    });
  if (credential === "certificate") {
    return new PartnerCenterClient({
      ...common,
      clientId: partner.appCertificate.clientId,
      certificate: {
        privateKeyPem: partner.appCertificate.privateKeyPem,
        thumbprintSha256: partner.appCertificate.thumbprintSha256,
      },
      ...extra,
    });
  }
  return new PartnerCenterClient({
    ...common,
    clientId: partner.user.clientId,
    clientSecret: partner.user.clientSecret,
    refreshToken: partner.user.refreshToken,
    ...extra,
  });
}

/** One seeded emulator for a describe block, reset (store, faults, log) before each test. */
export function useEmulator(): {
  readonly emu: Emulator & { diagnostics: string[] };
  readonly customer: Emulator["seed"]["partners"][0]["customers"][0];
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- admin answers are JSON of many shapes
  admin(method: string, path: string, body?: unknown): Promise<any>;
} {
  let emu: (Emulator & { diagnostics: string[] }) | undefined;
  before(async () => {
    emu = await startTestEmulator();
  });
  after(async () => {
    await emu?.close();
  });
  const ctx = {
    get emu() {
      return emu!;
    },
    get customer() {
      return emu!.seed.partners[0].customers[0];
    },
    async admin(method: string, path: string, body?: unknown) {
      const res = await apiClient(emu!).request({ method, url: `/_emulator${path}`, data: body });
      if (res.status >= 300) throw new Error(`admin ${method} ${path}: ${res.status} ${JSON.stringify(res.data)}`);
      return res.data;
    },
  };
  beforeEach(async () => {
    await ctx.admin("POST", "/reset", {});
  });
  return ctx;
}
