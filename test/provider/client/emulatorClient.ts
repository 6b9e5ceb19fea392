// PartnerCenterClient instances wired to a running emulator over HTTPS (its CA trusted explicitly).
import type { Emulator } from "../../../emulator";
import { PartnerCenterClient } from "../../../provider/client";
import type { ClientOptions } from "../../../provider/client/options";

export type Credential = "secret" | "certificate" | "user";

export function clientFor(emu: Emulator, credential: Credential, extra: Partial<ClientOptions> = {}, partnerIndex = 0): PartnerCenterClient {
  const partner = emu.seed.partners[partnerIndex];
  const common = { tenantId: partner.tenantId, endpoint: emu.url, authorityHost: emu.authorityHost, caCertificate: emu.ca, sleep: async () => {} };
  if (credential === "secret") return new PartnerCenterClient({ ...common, clientId: partner.app.clientId, clientSecret: partner.app.clientSecret, ...extra });
  if (credential === "certificate") {
    return new PartnerCenterClient({ ...common, clientId: partner.appCertificate.clientId, certificate: { privateKeyPem: partner.appCertificate.privateKeyPem, thumbprintSha256: partner.appCertificate.thumbprintSha256 }, ...extra });
  }
  return new PartnerCenterClient({ ...common, clientId: partner.user.clientId, clientSecret: partner.user.clientSecret, refreshToken: partner.user.refreshToken, ...extra });
}
