// Adds "Authorization: Bearer <token>" for the credential kind the operation chose (App-only or App+User).
import type { TokenSource } from "../auth/tokenSource";
import type { Policy } from "./types";

export function authPolicy(tokens: TokenSource): Policy {
  return async (request, next) => {
    const token = await tokens.getToken(request.credential);
    return next({ ...request, headers: { ...request.headers, Authorization: `Bearer ${token}` } });
  };
}
