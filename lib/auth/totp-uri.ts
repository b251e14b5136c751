/**
 * The otpauth:// URI an authenticator app scans (Google's Key Uri Format), built the way Better
 * Auth's two-factor plugin builds it: the secret's UTF-8 bytes in unpadded Base32 (RFC 4648).
 */
const BASE32_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

export function base32Encode(bytes: Uint8Array): string {
  let output = "";
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      output += BASE32_ALPHABET[(buffer >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) output += BASE32_ALPHABET[(buffer << (5 - bits)) & 31];
  return output;
}

export interface TotpKey {
  /** What the app shows and a person types when they cannot scan: Base32, in groups of four. */
  typedSecret: string;
  uri: string;
}

/** `secret` as Better Auth stores it once decrypted: a raw string, or "base32:<secret>". */
export function totpKey({ issuer, account, secret }: { issuer: string; account: string; secret: string }): TotpKey {
  const base32 = secret.startsWith("base32:") ? secret.slice(7).toUpperCase() : base32Encode(new TextEncoder().encode(secret));
  const params = new URLSearchParams({ secret: base32, issuer, digits: "6", period: "30" });
  return {
    typedSecret: base32.match(/.{1,4}/g)!.join(" "),
    uri: `otpauth://totp/${encodeURIComponent(issuer)}:${encodeURIComponent(account)}?${params.toString()}`,
  };
}
