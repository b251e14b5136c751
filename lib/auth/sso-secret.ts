/**
 * The SSO client secret at rest: encrypted with the auth secret (Better Auth's symmetric
 * encryption, XChaCha20-Poly1305, as it keeps TOTP secrets), decrypted only to build the provider
 * for a sign-in. It is never sent to a browser, logged or written to the audit trail.
 */
import { symmetricDecrypt, symmetricEncrypt } from "better-auth/crypto";

export function encryptClientSecret(clientSecret: string, authSecret: string): Promise<string> {
  return symmetricEncrypt({ key: authSecret, data: clientSecret });
}

export function decryptClientSecret(encrypted: string, authSecret: string): Promise<string> {
  return symmetricDecrypt({ key: authSecret, data: encrypted });
}
