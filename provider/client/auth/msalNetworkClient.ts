// msal-node's INetworkModule on axios, so token requests trust the same CA as API calls (msal-node 5+
// removed customAgentOptions). Must not throw on non-2xx: msal reads status and body.error itself.
import type { INetworkModule, NetworkRequestOptions, NetworkResponse } from "@azure/msal-node";
import type { AxiosInstance, AxiosResponse } from "axios";
import { createAxios } from "../pipeline/axiosTransport";

function toNetworkResponse<T>(response: AxiosResponse): NetworkResponse<T> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(response.headers ?? {})) {
    if (value !== undefined && value !== null) headers[name.toLowerCase()] = String(value);
  }
  let body: unknown = response.data;
  if (typeof body === "string") {
    try {
      body = body.trim() === "" ? {} : JSON.parse(body);
    } catch {
      /* leave as text */
    }
  }
  return { headers, body: body as T, status: response.status };
}

async function send<T>(call: () => Promise<AxiosResponse>, url: string): Promise<NetworkResponse<T>> {
  try {
    return toNetworkResponse<T>(await call());
  } catch (error) {
    // A clean error: the axios one carries the form body (client secret, refresh token).
    const code = (error as { code?: string }).code ?? "ENETWORK";
    // eslint-disable-next-line preserve-caught-error -- the cause would carry the secrets (see above)
    throw new Error(`token endpoint ${new URL(url).origin} unreachable (${code})`);
  }
}

export function msalNetworkClient(
  caCertificate?: string,
  instance: AxiosInstance = createAxios({ caCertificate, timeoutMs: 30_000 }),
): INetworkModule {
  return {
    async sendGetRequestAsync<T>(url: string, options?: NetworkRequestOptions): Promise<NetworkResponse<T>> {
      return send<T>(() => instance.get(url, { headers: options?.headers }), url);
    },
    async sendPostRequestAsync<T>(url: string, options?: NetworkRequestOptions): Promise<NetworkResponse<T>> {
      return send<T>(() => instance.post(url, options?.body, { headers: options?.headers }), url);
    },
  };
}
