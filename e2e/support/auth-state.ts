/**
 * One stored sign-in state per role (written by e2e/auth.setup.ts, read by every journey), and
 * the credentials behind them, kept so that a run against an existing server (E2E_BASE_URL),
 * where first-run setup is over, can sign in again. Both live in e2e/.auth/ (gitignored).
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Role } from "@/lib/auth/roles";

export const AUTH_DIR = path.join(__dirname, "..", ".auth");
export const CREDENTIALS_FILE = path.join(AUTH_DIR, "credentials.json");

export function storageStatePath(role: Role): string {
  return path.join(AUTH_DIR, `${role}.json`);
}

export interface TestCredentials {
  name: string;
  email: string;
  password: string;
  /** Base32 TOTP secret, as read from the enrolment page. */
  totpSecret: string;
}

export type CredentialsByRole = Partial<Record<Role, TestCredentials>>;

export function readCredentials(): CredentialsByRole {
  return existsSync(CREDENTIALS_FILE) ? (JSON.parse(readFileSync(CREDENTIALS_FILE, "utf8")) as CredentialsByRole) : {};
}

export function saveCredentials(role: Role, credentials: TestCredentials): void {
  mkdirSync(AUTH_DIR, { recursive: true });
  writeFileSync(CREDENTIALS_FILE, JSON.stringify({ ...readCredentials(), [role]: credentials }, null, 2), { mode: 0o600 });
}

export function forgetCredentials(): void {
  rmSync(CREDENTIALS_FILE, { force: true });
}

export function credentialsFor(role: Role): TestCredentials {
  const credentials = readCredentials()[role];
  if (!credentials) {
    throw new Error(`No stored ${role} credentials in ${CREDENTIALS_FILE}: run the setup project against a fresh server first.`);
  }
  return credentials;
}

/** A browser context with nobody signed in, for journeys that sign in themselves. */
export const SIGNED_OUT = { cookies: [], origins: [] };
