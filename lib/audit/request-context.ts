/**
 * Where a request came from, for the audit trail: the address the custom server stamped (see
 * lib/runtime/client-address) and the user agent.
 */
import "server-only";
import { headers } from "next/headers";
import { CLIENT_ADDRESS_HEADER } from "@/lib/runtime/client-address";

export interface RequestOrigin {
  ip: string | null;
  userAgent: string | null;
}

/** From a request's headers; both null when there are none (server-side calls of Better Auth). */
export function requestOriginFrom(requestHeaders: Headers | null | undefined): RequestOrigin {
  return { ip: requestHeaders?.get(CLIENT_ADDRESS_HEADER) ?? null, userAgent: requestHeaders?.get("user-agent") ?? null };
}

/** For pages and server actions, which read headers from Next's request scope. */
export async function currentRequestOrigin(): Promise<RequestOrigin> {
  return requestOriginFrom(await headers());
}
