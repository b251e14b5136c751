/**
 * Webhook URLs and signing secrets at rest, encrypted with the installation's auth secret
 * (IAMFIT_AUTH_SECRET, else the generated one in the database), as SSO client secrets are
 * (Better Auth's symmetric encryption).
 */
import "server-only";
import { symmetricDecrypt, symmetricEncrypt } from "better-auth/crypto";
import { getOrCreateAuthSecret } from "@/lib/db/auth-secret";

export async function installationKey(configured: string | undefined): Promise<string> {
  return configured ?? (await getOrCreateAuthSecret());
}

export function sealAlertSecret(plain: string, key: string): Promise<string> {
  return symmetricEncrypt({ key, data: plain });
}

export function openAlertSecret(sealed: string, key: string): Promise<string> {
  return symmetricDecrypt({ key, data: sealed });
}
