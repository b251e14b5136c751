/**
 * The session cookie's name, shared by lib/auth/auth.ts (which sets it) and the proxy (which only
 * looks whether one is there: its gating is a convenience, the pages check the session itself).
 */
import { getSessionCookie } from "better-auth/cookies";

export const AUTH_COOKIE_PREFIX = "iamfit";

export function hasSessionCookie(headers: Headers): boolean {
  return getSessionCookie(headers, { cookiePrefix: AUTH_COOKIE_PREFIX }) !== null;
}
