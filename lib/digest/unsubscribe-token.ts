/**
 * The signed unsubscribe link: HMAC-SHA256 under the installation's digest signing key (kept in
 * installation_setting) over the subscription id and its own secret. Anyone holding the email can
 * unsubscribe with one click, nobody can forge a link for another subscription, and giving the
 * subscription a new secret voids every link sent before.
 */
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

export interface UnsubscribeSubject {
  id: string;
  unsubscribeSecret: string;
}

const CONTEXT = "iamfit-digest-unsubscribe-v1";

export function newUnsubscribeSecret(): string {
  return randomBytes(18).toString("base64url");
}

export function signUnsubscribe(signingKey: string, subject: UnsubscribeSubject): string {
  return createHmac("sha256", signingKey).update(`${CONTEXT}\n${subject.id}\n${subject.unsubscribeSecret}`).digest("base64url");
}

export function verifyUnsubscribe(signingKey: string, subject: UnsubscribeSubject, token: string): boolean {
  const expected = Buffer.from(signUnsubscribe(signingKey, subject));
  const given = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
