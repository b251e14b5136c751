/**
 * What the sign-in page says when single sign-on comes back with ?error=<code>. Only the code is
 * read, never ?error_description: the URL is anyone's to craft, so the page shows its own
 * sentences, and an unknown code only by name. The details (which email, which groups) are in
 * the audit log (auth.sso_denied).
 */
import type { SsoDenialReason } from "./sso-policy";

const DENIAL_PREFIX = "sso_";

/** The ?error= code for a refusal by the SSO policy. */
export function ssoDenialCode(reason: SsoDenialReason | "disabled" | "password_account"): string {
  return `${DENIAL_PREFIX}${reason}`;
}

export function isSsoDenialCode(code: string): boolean {
  return code.startsWith(DENIAL_PREFIX);
}

const ASK_ADMIN = "Ask an iamfit admin for access.";
const RETRY = "Start again; if it keeps failing, ask an iamfit admin to test the single sign-on settings.";

const MESSAGES: Record<string, string> = {
  [ssoDenialCode("domain_not_allowed")]: `Your email domain is not allowed to sign in to iamfit. ${ASK_ADMIN}`,
  [ssoDenialCode("group_not_allowed")]: `You are not in a group that may sign in to iamfit. ${ASK_ADMIN}`,
  [ssoDenialCode("no_role")]: `None of your groups gives you a role in iamfit. ${ASK_ADMIN}`,
  [ssoDenialCode("email_unverified")]: "Your identity provider has not verified your email address. Verify it there, then sign in again.",
  [ssoDenialCode("email_missing")]: "Your identity provider did not send an email address. Ask its admin to release the email claim to iamfit.",
  [ssoDenialCode("no_restriction")]: "Single sign-on is not fully set up yet (no allowed domain or group). Ask an iamfit admin.",
  [ssoDenialCode("disabled")]: "Single sign-on is turned off. Sign in with your password, or ask an iamfit admin.",
  [ssoDenialCode("password_account")]: "An iamfit user with your email address signs in with a password. Use it, or ask an iamfit admin.",
  account_not_linked: "An iamfit user with your email address signs in with a password. Use it, or ask an iamfit admin.",
  BANNED_USER: "This account is disabled. Ask an iamfit admin.",
  access_denied: "The identity provider did not sign you in (cancelled or refused there).",
  state_mismatch: `The sign-in expired or was started in another browser tab. ${RETRY}`,
  state_not_found: `The sign-in expired or was started in another browser tab. ${RETRY}`,
  please_restart_the_process: `The sign-in expired or was started in another browser tab. ${RETRY}`,
  oauth_provider_not_found: "Single sign-on is not available right now. Sign in with your password, or ask an iamfit admin.",
  invalid_code: `iamfit could not complete the sign-in with the identity provider. ${RETRY}`,
  unable_to_get_user_info: `iamfit could not verify what the identity provider said about you. ${RETRY}`,
  issuer_mismatch: `The answer came from a different identity provider than the one configured. ${RETRY}`,
  nonce_binding_missing: `The sign-in could not be verified. ${RETRY}`,
  email_not_found: "Your identity provider did not send an email address. Ask its admin to release the email claim to iamfit.",
};

export function ssoErrorMessage(code: string | null | undefined): string | null {
  if (!code) return null;
  const known = MESSAGES[code];
  if (known) return known;
  // An unknown code is named only when it looks like one (it comes from the URL).
  return /^[A-Za-z_]{1,40}$/.test(code) ? `Single sign-on did not complete (${code}). ${RETRY}` : `Single sign-on did not complete. ${RETRY}`;
}
