// The emulator's self-signed TLS certificate (subjectAltName localhost and 127.0.0.1), generated once and,
// with a state file, kept beside it as `<statePath>.tls.json` so that clients can keep trusting it across restarts.
import { existsSync, readFileSync, renameSync, writeFileSync } from "fs";
import { generate } from "selfsigned";
import { z } from "zod";

export interface TlsMaterial {
  cert: string;
  key: string;
}

const TlsFileSchema = z.object({
  cert: z.string().includes("BEGIN CERTIFICATE"),
  key: z.string().includes("PRIVATE KEY"),
});

export async function generateTlsMaterial(): Promise<TlsMaterial> {
  const notBeforeDate = new Date(Date.now() - 24 * 3600_000);
  const notAfterDate = new Date(notBeforeDate.getTime() + 5 * 365 * 24 * 3600_000);
  const pems = await generate([{ name: "commonName", value: "localhost" }], {
    keySize: 2048,
    algorithm: "sha256",
    notBeforeDate,
    notAfterDate,
    extensions: [
      { name: "basicConstraints", cA: true },
      { name: "keyUsage", digitalSignature: true, keyEncipherment: true, keyCertSign: true },
      { name: "extKeyUsage", serverAuth: true },
      {
        name: "subjectAltName",
        altNames: [
          { type: 2, value: "localhost" },
          { type: 7, ip: "127.0.0.1" },
          { type: 7, ip: "::1" },
        ],
      },
    ],
  });
  return { cert: pems.cert, key: pems.private };
}

/** Loads `<statePath>.tls.json` or creates it; without a state path a fresh certificate is generated. */
export async function loadOrCreateTlsMaterial(statePath?: string): Promise<TlsMaterial> {
  if (!statePath) return generateTlsMaterial();
  const file = `${statePath}.tls.json`;
  if (existsSync(file)) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(readFileSync(file, "utf8"));
    } catch (e) {
      throw new Error(
        `The emulator TLS file ${file} is not valid JSON (${(e as Error).message}); delete it to generate a new certificate.`,
        { cause: e },
      );
    }
    const result = TlsFileSchema.safeParse(parsed);
    if (!result.success)
      throw new Error(
        `The emulator TLS file ${file} must hold {cert, key} PEM strings; delete it to generate a new certificate.`,
      );
    return result.data;
  }
  const material = await generateTlsMaterial();
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(material, null, 2), { mode: 0o600 });
  renameSync(tmp, file);
  return material;
}
