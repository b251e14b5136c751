/**
 * The authenticator key of an enrolment in progress, to show again on /two-factor: Better Auth
 * creates the key when enrolment starts (two-factor/enable, which needs the password) and keeps
 * it encrypted until the first correct code; reading it back lets a reload or a later visit
 * finish the enrolment without asking for the password again. Only the session's own user sees it.
 */
import "server-only";
import { symmetricDecrypt } from "better-auth/crypto";
import QRCode from "qrcode";
import { pendingTwoFactorSecret } from "@/lib/db/auth-users";
import { getAuth } from "./auth";
import { totpKey, type TotpKey } from "./totp-uri";

export const TOTP_ISSUER = "iamfit";

export interface PendingEnrolment extends TotpKey {
  /** The URI as a QR code, an SVG data URL (rendered here: no script, allowed by img-src data:). */
  qrCodeDataUrl: string;
}

export async function pendingEnrolment(user: { id: string; email: string }): Promise<PendingEnrolment | null> {
  const encrypted = await pendingTwoFactorSecret(user.id);
  if (!encrypted) return null;
  const context = await (await getAuth()).$context;
  const secret = await symmetricDecrypt({ key: context.secretConfig, data: encrypted });
  const key = totpKey({ issuer: TOTP_ISSUER, account: user.email, secret });
  const svg = await QRCode.toString(key.uri, { type: "svg", errorCorrectionLevel: "M", margin: 2 });
  return { ...key, qrCodeDataUrl: `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}` };
}
