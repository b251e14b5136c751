/**
 * Builds real Better Auth sessions for integration tests, through auth.api with Headers as a
 * browser would send them: sign in with a password, start and confirm TOTP enrolment, answer
 * the two-factor challenge. Codes are computed with otplib from the enrolment's secret.
 */
import { generate } from "otplib";
import { getAuth } from "@/lib/auth/auth";
import { CLIENT_ADDRESS_HEADER } from "@/lib/runtime/client-address";

export const TEST_CLIENT_ADDRESS = "203.0.113.7";

/** Cookies a browser would keep, from Set-Cookie lines (an expired one removes its cookie). */
export class CookieJar {
  private readonly cookies = new Map<string, string>();

  take(headers: Headers | null | undefined): this {
    for (const line of headers?.getSetCookie() ?? []) {
      const [pair, ...attributes] = line.split(";");
      const separator = pair!.indexOf("=");
      const name = pair!.slice(0, separator).trim();
      const value = pair!.slice(separator + 1).trim();
      const expired = attributes.some((attribute) => /^\s*max-age=0\s*$/i.test(attribute)) || value === "";
      if (expired) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return this;
  }

  has(namePart: string): boolean {
    return [...this.cookies.keys()].some((name) => name.includes(namePart));
  }

  headers(): Headers {
    const headers = new Headers({ [CLIENT_ADDRESS_HEADER]: TEST_CLIENT_ADDRESS, "user-agent": "vitest" });
    if (this.cookies.size > 0) headers.set("cookie", [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; "));
    return headers;
  }
}

export async function signInWithPassword(jar: CookieJar, email: string, password: string) {
  const auth = await getAuth();
  const result = await auth.api.signInEmail({ body: { email, password }, headers: jar.headers(), returnHeaders: true });
  jar.take(result.headers);
  return result.response as { twoFactorRedirect?: boolean; user?: { id: string } };
}

/** Starts enrolment for the jar's session; returns the Base32 secret an app would scan. */
export async function startTotpEnrolment(jar: CookieJar, password: string): Promise<string> {
  const auth = await getAuth();
  const result = await auth.api.enableTwoFactor({ body: { password }, headers: jar.headers(), returnHeaders: true });
  jar.take(result.headers);
  const answer = result.response;
  const secret = answer.method === "totp" ? new URL(answer.totpURI).searchParams.get("secret") : null;
  if (!secret) throw new Error("the enrolment answered no secret");
  return secret;
}

export async function totpCode(base32Secret: string): Promise<string> {
  return generate({ secret: base32Secret });
}

export async function verifyTotp(jar: CookieJar, code: string) {
  const auth = await getAuth();
  const result = await auth.api.verifyTOTP({ body: { code }, headers: jar.headers(), returnHeaders: true });
  jar.take(result.headers);
  return result.response;
}

/** A fully signed-in password user: password, enrolment, first code. Returns the TOTP secret too. */
export async function signInAndEnrol(jar: CookieJar, email: string, password: string): Promise<string> {
  await signInWithPassword(jar, email, password);
  const secret = await startTotpEnrolment(jar, password);
  await verifyTotp(jar, await totpCode(secret));
  return secret;
}
