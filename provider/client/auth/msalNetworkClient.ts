// msal-node's INetworkModule on axios, so token requests trust the same CA as API calls (msal-node 5+
// removed customAgentOptions). Must not throw on non-2xx: msal reads status and body.error itself.
// A failure without a response is thrown as an msal AuthError: msal passes those on as they are, and replaces any
// other error with a bare "network_error" that hides the cause (ECONNREFUSED, an untrusted certificate).
import { AuthError, type INetworkModule, type NetworkRequestOptions, type NetworkResponse } from "@azure/msal-node";
import type { AxiosInstance, AxiosResponse } from "axios";
import { createAxios } from "../pipeline/axiosTransport";
import { describeNetworkFailure } from "../pipeline/networkFailure";

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

async function send<T>(
  call: () => Promise<AxiosResponse>,
  url: string,
  options: NetworkRequestOptions | undefined,
  caConfigured: boolean,
): Promise<NetworkResponse<T>> {
  try {
    return toNetworkResponse<T>(await call());
  } catch (error) {
    // A clean error: the axios one carries the form body (client secret, refresh token).
    const why = describeNetworkFailure(error, url, { urlSetting: "authorityHost", caConfigured });
    throw new AuthError(
      "network_error",
      options?.correlationId ?? "",
      `token endpoint ${new URL(url).origin} unreachable: ${why}`,
    );
  }
}

export function msalNetworkClient(
  caCertificate?: string,
  instance: AxiosInstance = createAxios({ caCertificate, timeoutMs: 30_000 }),
): INetworkModule {
  const caConfigured = Boolean(caCertificate);
  return {
    async sendGetRequestAsync<T>(url: string, options?: NetworkRequestOptions): Promise<NetworkResponse<T>> {
      return send<T>(() => instance.get(url, { headers: options?.headers }), url, options, caConfigured);
    },
    async sendPostRequestAsync<T>(url: string, options?: NetworkRequestOptions): Promise<NetworkResponse<T>> {
      return send<T>(
        () => instance.post(url, options?.body, { headers: options?.headers }),
        url,
        options,
        caConfigured,
      );
    },
  };
}
