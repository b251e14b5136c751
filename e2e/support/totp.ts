import { generate } from "otplib";

/** The current 6-digit code for a Base32 secret, as an authenticator app would show it (RFC 6238). */
export function totpCode(base32Secret: string): Promise<string> {
  return generate({ secret: base32Secret.replace(/\s+/g, "") });
}

/** A 6-digit code that is certainly wrong now. */
export async function wrongTotpCode(base32Secret: string): Promise<string> {
  const right = await totpCode(base32Secret);
  return right === "000000" ? "111111" : "000000";
}
