// Lookup tests: the lookups called with an explicit config pointing at a seeded emulator over HTTPS.
import type { Emulator } from "../../../emulator";
import type { LookupConfig } from "../../../provider/lookups";

export function lookupConfig(emu: Emulator, user = true): LookupConfig {
  const p = emu.seed.partners[0];
  return {
    tenantId: p.tenantId,
    clientId: user ? p.user.clientId : p.app.clientId,
    clientSecret: user ? p.user.clientSecret : p.app.clientSecret,
    ...(user ? { refreshToken: p.user.refreshToken } : {}),
    endpoint: emu.url,
    authorityHost: emu.authorityHost,
    caCertificate: emu.ca,
  };
}
