/**
 * The client's address as the audit log and rate limits see it. The custom server stamps every
 * request with it in a header of its own, overwriting whatever the client sent under that name,
 * so pages, actions and route handlers (which see headers, not sockets) read a value they can
 * trust.
 */
import type { IncomingMessage } from "node:http";

export const CLIENT_ADDRESS_HEADER = "x-iamfit-client-address";

export function stampClientAddress(request: IncomingMessage, trustProxy: boolean): void {
  request.headers[CLIENT_ADDRESS_HEADER] = clientAddress(request.socket.remoteAddress, request.headers["x-forwarded-for"], trustProxy);
}

export function clientAddress(socketAddress: string | undefined, forwardedFor: string | string[] | undefined, trustProxy: boolean): string {
  if (trustProxy && forwardedFor) {
    // The left-most entry is the client as the first proxy saw it.
    const first = (Array.isArray(forwardedFor) ? forwardedFor[0] : forwardedFor)?.split(",")[0]?.trim();
    if (first) return first;
  }
  return (socketAddress ?? "unknown").replace(/^::ffff:/, "");
}
