import assert from "node:assert/strict";
import { X509Certificate } from "crypto";
import { mkdtempSync, writeFileSync } from "fs";
import https from "https";
import { tmpdir } from "os";
import { join } from "path";
import { loadOrCreateTlsMaterial } from "../../emulator/tls";
import { startTestEmulator } from "./helpers";

function get(url: string, ca?: string): Promise<number> {
  return new Promise((resolve, reject) => {
    https
      .get(url, { ca }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      })
      .on("error", reject);
  });
}

describe("emulator TLS", () => {
  it("serves a certificate for localhost and 127.0.0.1 that verifies only when its CA is trusted", async () => {
    const emu = await startTestEmulator();
    try {
      const cert = new X509Certificate(emu.ca);
      assert.match(cert.subjectAltName ?? "", /DNS:localhost/);
      assert.match(cert.subjectAltName ?? "", /IP Address:127\.0\.0\.1/);
      const port = new URL(emu.url).port;
      assert.equal(await get(`${emu.url}/_emulator/seed`, emu.ca), 200);
      assert.equal(await get(`https://localhost:${port}/_emulator/seed`, emu.ca), 200);
      await assert.rejects(get(`${emu.url}/_emulator/seed`), (e: NodeJS.ErrnoException) =>
        /SELF_SIGNED|self.signed|unable to verify/i.test(`${e.code} ${e.message}`),
      );
    } finally {
      await emu.close();
    }
  });

  it("keeps the certificate in <statePath>.tls.json and reuses it; a damaged file is an error naming it", async () => {
    const dir = mkdtempSync(join(tmpdir(), "pc-tls-"));
    const state = join(dir, "state.json");
    const a = await loadOrCreateTlsMaterial(state);
    const b = await loadOrCreateTlsMaterial(state);
    assert.equal(a.cert, b.cert);
    writeFileSync(`${state}.tls.json`, "{}");
    await assert.rejects(loadOrCreateTlsMaterial(state), (e: Error) => e.message.includes(`${state}.tls.json`));
  });

  it("serves plain HTTP only when asked", async () => {
    const emu = await startTestEmulator({ http: true });
    try {
      assert.match(emu.url, /^http:\/\/127\.0\.0\.1:\d+$/);
      assert.equal(emu.ca, "");
    } finally {
      await emu.close();
    }
  });
});
