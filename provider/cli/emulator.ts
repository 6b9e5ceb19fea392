// `partner-center emulator`: the local Partner Center sandbox in the foreground until Ctrl+C.
// Choice: the emulator never prints secrets unless --print-credentials is given; the full SeedInfo goes to a
// 0600 credentials file (`<state>.credentials.json`, or a temp file without --state).
import { writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { parse, UsageError, writePrivateFile, type Command } from "./command-kit";

export const emulatorCommand: Command = {
  summary: "run the local Partner Center emulator (HTTPS) until Ctrl+C",
  usage: [
    "partner-center emulator [--port N] [--state FILE] [--host H] [--http] [--print-credentials]",
    "",
    "  --port N              port to listen on (default 0 = any free port)",
    "  --state FILE          keep the emulator's data in FILE (and its TLS key in FILE.tls.json) across restarts",
    "  --host H              address to bind (default 127.0.0.1)",
    "  --http                plain HTTP instead of HTTPS",
    "  --print-credentials   also print the default partner's secrets (they are always in the credentials file)",
  ].join("\n"),
  async run(argv, io) {
    const values = parse(argv, {
      port: { type: "string" },
      state: { type: "string" },
      host: { type: "string" },
      http: { type: "boolean" },
      "print-credentials": { type: "boolean" },
    });
    const port = values.port === undefined ? 0 : Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535)
      throw new UsageError(`--port must be a number from 0 to 65535, got '${values.port}'`);
    const stopped = io.waitForStop(); // listen for Ctrl+C from the start, so a stop during startup is not lost
    const { startEmulator } = await import("../../emulator");
    const statePath = values.state;
    const emu = await startEmulator({ port, host: values.host, statePath, http: values.http ?? false });
    const base = statePath ?? join(tmpdir(), `partner-center-emulator-${new URL(emu.url).port}`);
    const caPath = emu.ca ? `${base}.ca.pem` : undefined;
    if (caPath) writeFileSync(caPath, emu.ca);
    const credentialsPath = `${base}.credentials.json`;
    writePrivateFile(credentialsPath, `${JSON.stringify(emu.seed, null, 2)}\n`);
    const partner = emu.seed.partners.find((p) => p.tenantId === emu.seed.defaultPartnerId);

    io.out("Partner Center emulator is running.");
    io.out(`  API base URL:     ${emu.url}  (operations at ${emu.url}/v1/...)`);
    io.out(`  Token endpoint:   ${emu.authorityHost}/${emu.seed.defaultPartnerId}/oauth2/v2.0/token`);
    io.out(`  CA certificate:   ${caPath ?? "(none: plain HTTP)"}`);
    io.out(`  Credentials file: ${credentialsPath}  (SeedInfo with secrets; keep it private)`);
    io.out(`  Admin API:        ${emu.url}/_emulator/{reset,faults,config,clock,requests,state,seed}`);
    io.out(`  State:            ${statePath ?? "in memory (use --state FILE to keep it)"}`);
    if (partner) io.out(`  Default partner:  ${partner.name} (${partner.tenantId})`);
    if (values["print-credentials"] && partner) {
      io.out("");
      io.out("Default partner App+User credentials (secrets, printed because of --print-credentials):");
      io.out(`PARTNERCENTER_TENANT_ID=${partner.tenantId}`);
      io.out(`PARTNERCENTER_CLIENT_ID=${partner.user.clientId}`);
      io.out(`PARTNERCENTER_CLIENT_SECRET=${partner.user.clientSecret}`);
      io.out(`PARTNERCENTER_REFRESH_TOKEN=${partner.user.refreshToken}`);
      io.out(`PARTNERCENTER_ENDPOINT=${emu.url}`);
      io.out(`PARTNERCENTER_AUTHORITY_HOST=${emu.authorityHost}`);
      if (caPath) io.out(`PARTNERCENTER_CA_CERTIFICATE=${caPath}`);
    }
    io.out("Press Ctrl+C to stop.");
    await stopped;
    await emu.close();
    io.out("Partner Center emulator stopped.");
    return 0;
  },
};
