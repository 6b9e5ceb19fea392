// The HTTP transport: axios over HTTPS that trusts the configured CA (in addition to nothing else when one is
// given; the system store otherwise). TLS verification is never turned off. Returns every status.
import axios, { type AxiosInstance } from "axios";
import https from "https";
import { describeNetworkFailure, networkErrorCode } from "./networkFailure";
import { TransportError, type PipelineResponse, type Transport } from "./types";

export interface AxiosTransportOptions {
  /** PEM of the CA (or self-signed certificate) to trust, e.g. the emulator's */
  caCertificate?: string;
  timeoutMs?: number;
}

export function createHttpsAgent(caCertificate?: string): https.Agent {
  return new https.Agent({ keepAlive: true, ...(caCertificate ? { ca: caCertificate } : {}) });
}

export function createAxios(options: AxiosTransportOptions): AxiosInstance {
  return axios.create({
    httpsAgent: createHttpsAgent(options.caCertificate),
    timeout: options.timeoutMs ?? 100_000,
    validateStatus: () => true,
    responseType: "text",
    transformResponse: [(data: unknown) => data],
    maxRedirects: 0,
    proxy: false,
  });
}

export function parseBody(text: unknown): unknown {
  if (typeof text !== "string") return text === "" ? undefined : text;
  const trimmed = text.replace(/^\uFEFF/, "").trim();
  if (trimmed === "") return undefined;
  try {
    return JSON.parse(trimmed);
  } catch {
    return trimmed;
  }
}

export function axiosTransport(
  options: AxiosTransportOptions = {},
  instance: AxiosInstance = createAxios(options),
): Transport {
  return async (request) => {
    const headers: Record<string, string> = { Accept: "application/json", ...request.headers };
    let data: string | undefined;
    if (request.body !== undefined) {
      data = JSON.stringify(request.body);
      headers["Content-Type"] = "application/json";
    }
    try {
      const response = await instance.request({ method: request.method, url: request.url, headers, data });
      const out: Record<string, string> = {};
      for (const [name, value] of Object.entries(response.headers ?? {})) {
        if (value !== undefined && value !== null)
          out[name.toLowerCase()] = Array.isArray(value) ? value.join(", ") : String(value);
      }
      return { status: response.status, headers: out, body: parseBody(response.data) } satisfies PipelineResponse;
    } catch (error) {
      // Only the code and the cause: axios errors carry the request config (headers, token).
      const why = describeNetworkFailure(error, request.url, {
        urlSetting: "endpoint",
        caConfigured: Boolean(options.caCertificate),
      });
      throw new TransportError(networkErrorCode(error), `no response from ${new URL(request.url).origin}: ${why}`);
    }
  };
}
