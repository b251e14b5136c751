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

export function requestOriginFrom(requestHeaders: Headers): RequestOrigin {
  return { ip: requestHeaders.get(CLIENT_ADDRESS_HEADER), userAgent: requestHeaders.get("user-agent") };
}

/** For pages and server actions, which read headers from Next's request scope. */
export async function currentRequestOrigin(): Promise<RequestOrigin> {
  return requestOriginFrom(await headers());
}
