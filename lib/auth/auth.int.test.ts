/**
 * Sign-in against the real database through Better Auth's server API: first-run setup, the
 * session states, mandatory TOTP, disabled users, the per-email lockout and the audit entries.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { listAuditEvents } from "@/lib/db/audit";
import { db } from "@/lib/db/client";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/database";
import { getAuth } from "./auth";
import { sessionStateFor } from "./current-user";
import { LOCKOUT_POLICY } from "./lockout";
import { CookieJar, signInAndEnrol, signInWithPassword, startTotpEnrolment, totpCode, verifyTotp } from "./testing/auth-sessions";
import { createFirstAdmin, createLocalUser, setUserEnabled } from "./user-admin";
import { FirstAdminExistsError } from "@/lib/db/auth-users";

vi.mock("next/headers", () => ({
  headers: async () => {
    throw new Error("outside a request");
  },
  cookies: async () => {
    throw new Error("outside a request");
  },
}));

const ADMIN = { email: "ada@example.com", name: "Ada Admin", password: "violet-anchor-mango-7" };
const origin = { ip: "203.0.113.7", userAgent: "vitest" };

async function auditActions(action: string) {
  const page = await listAuditEvents({ action }, { limit: 100 });
  return page.rows.map((event) => ({ action: event.action, outcome: event.outcome, email: event.actorEmail, reason: event.detail.reason }));
}

describe("sign-in and sessions", () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => database?.drop());

  describe("first run", () => {
    it("is no_users before anyone exists", async () => {
      expect(await sessionStateFor(new CookieJar().headers())).toEqual({ kind: "no_users" });
    });

    it("creates the first admin once, even when two submissions race", async () => {
      const results = await Promise.allSettled([
        createFirstAdmin(ADMIN, origin),
        createFirstAdmin({ ...ADMIN, email: "grace@example.com", name: "Grace" }, origin),
      ]);
      expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
      const rejected = results.find((result) => result.status === "rejected") as PromiseRejectedResult;
      expect(rejected.reason).toBeInstanceOf(FirstAdminExistsError);
      expect(await db().authUser.count()).toBe(1);
      // Tidy up to a known first admin for the rest of the file.
      const winner = (results.find((result) => result.status === "fulfilled") as PromiseFulfilledResult<{ email: string }>).value;
      if (winner.email !== ADMIN.email) {
        await db().authUser.deleteMany();
        await createFirstAdmin(ADMIN, origin);
      }
      await expect(createFirstAdmin({ ...ADMIN, email: "late@example.com" }, origin)).rejects.toBeInstanceOf(FirstAdminExistsError);
      expect(await auditActions("auth.first_admin_created")).toHaveLength(1 + (winner.email !== ADMIN.email ? 1 : 0));
    });

    it("is signed_out for a request without a session once someone exists", async () => {
      expect(await sessionStateFor(new CookieJar().headers())).toEqual({ kind: "signed_out" });
    });
  });

  describe("password and TOTP", () => {
    let adminSecret: string;

    it("asks a password user without TOTP to enrol before anything else", async () => {
      const jar = new CookieJar();
      const answer = await signInWithPassword(jar, ADMIN.email, ADMIN.password);
      expect(answer.twoFactorRedirect).toBeUndefined();
      const state = await sessionStateFor(jar.headers());
      expect(state).toMatchObject({ kind: "needs_two_factor", user: { email: ADMIN.email, role: "admin", authMethod: "password" } });

      adminSecret = await startTotpEnrolment(jar, ADMIN.password);
      await expect(verifyTotp(jar, "000000")).rejects.toThrow();
      await verifyTotp(jar, await totpCode(adminSecret));
      expect(await sessionStateFor(jar.headers())).toMatchObject({ kind: "signed_in", user: { email: ADMIN.email, role: "admin" } });
      expect(await auditActions("auth.two_factor_enrolled")).toEqual([{ action: "auth.two_factor_enrolled", outcome: "success", email: ADMIN.email, reason: undefined }]);
    });

    it("signs in with password then code, and refuses a wrong code", async () => {
      const jar = new CookieJar();
      const answer = await signInWithPassword(jar, ADMIN.email, ADMIN.password);
      expect(answer.twoFactorRedirect).toBe(true);
      expect(await sessionStateFor(jar.headers())).toEqual({ kind: "signed_out" });
      await expect(verifyTotp(jar, "123456")).rejects.toThrow(/invalid code/i);
      await verifyTotp(jar, await totpCode(adminSecret));
      expect(await sessionStateFor(jar.headers())).toMatchObject({ kind: "signed_in", user: { email: ADMIN.email } });
    });

    it("records sign-in successes and failures in the audit log", async () => {
      await expect(signInWithPassword(new CookieJar(), ADMIN.email, "not-the-password-at-all")).rejects.toThrow();
      await expect(signInWithPassword(new CookieJar(), "nobody@example.com", "not-the-password-at-all")).rejects.toThrow();
      const entries = await auditActions("auth.sign_in");
      expect(entries).toEqual(
        expect.arrayContaining([
          { action: "auth.sign_in", outcome: "failure", email: ADMIN.email, reason: "bad_password" },
          { action: "auth.sign_in", outcome: "failure", email: "nobody@example.com", reason: "bad_password" },
          { action: "auth.sign_in", outcome: "failure", email: ADMIN.email, reason: "bad_totp" },
          { action: "auth.sign_in", outcome: "success", email: ADMIN.email, reason: undefined },
        ]),
      );
      await db().authSignInFailure.deleteMany();
    });
  });

  describe("disabled users", () => {
    it("ends a disabled user's sessions, refuses their sign-in, and lets them back when enabled", async () => {
      const actor = { kind: "cli" as const };
      const { user, oneTimePassword } = await createLocalUser(actor, { email: "vic@example.com", name: "Vic Viewer", role: "viewer" });
      const jar = new CookieJar();
      await signInAndEnrol(jar, user.email, oneTimePassword);
      expect(await sessionStateFor(jar.headers())).toMatchObject({ kind: "signed_in", user: { role: "viewer" } });

      await setUserEnabled(actor, user.id, false);
      expect(await sessionStateFor(jar.headers())).toEqual({ kind: "signed_out" });
      await expect(signInWithPassword(new CookieJar(), user.email, oneTimePassword)).rejects.toThrow(/disabled/);
      expect(await auditActions("auth.sign_in")).toContainEqual({ action: "auth.sign_in", outcome: "failure", email: user.email, reason: "banned" });

      await setUserEnabled(actor, user.id, true);
      expect((await signInWithPassword(new CookieJar(), user.email, oneTimePassword)).twoFactorRedirect).toBe(true);
    });

    it("treats a session whose user was banned behind its back as signed_out", async () => {
      const { user, oneTimePassword } = await createLocalUser({ kind: "cli" }, { email: "eve@example.com", name: "Eve Editor", role: "editor" });
      const jar = new CookieJar();
      await signInAndEnrol(jar, user.email, oneTimePassword);
      await db().authUser.update({ where: { id: user.id }, data: { banned: true } });
      expect(await sessionStateFor(jar.headers())).toEqual({ kind: "signed_out" });
    });
  });

  describe("lockout", () => {
    beforeEach(async () => {
      await db().authSignInFailure.deleteMany();
      vi.useRealTimers();
    });

    it("locks an email after five failures within 15 minutes, even with the right password, and says when to retry", async () => {
      for (let attempt = 0; attempt < LOCKOUT_POLICY.maxFailures; attempt++) {
        await expect(signInWithPassword(new CookieJar(), ADMIN.email, `wrong-password-${attempt}`)).rejects.toThrow(/invalid email or password/i);
      }
      const locked = signInWithPassword(new CookieJar(), ADMIN.email, ADMIN.password);
      await expect(locked).rejects.toThrow(/Too many failed sign-ins for this email\. Try again after \d\d:\d\d UTC/);
      expect(await auditActions("auth.sign_in")).toContainEqual({ action: "auth.sign_in", outcome: "failure", email: ADMIN.email, reason: "locked_out" });
      // Another email is not affected.
      await expect(signInWithPassword(new CookieJar(), "vic@example.com", "wrong-password-x")).rejects.toThrow(/invalid email or password/i);
    });

    it("locks emails nobody has in the same way, so a lockout tells nothing about accounts", async () => {
      for (let attempt = 0; attempt < LOCKOUT_POLICY.maxFailures; attempt++) {
        await expect(signInWithPassword(new CookieJar(), "ghost@example.com", `wrong-password-${attempt}`)).rejects.toThrow();
      }
      await expect(signInWithPassword(new CookieJar(), "ghost@example.com", "anything-at-all-1")).rejects.toThrow(/Too many failed sign-ins/);
    });

    it("opens again once the last failure is older than the window", async () => {
      const old = new Date(Date.now() - LOCKOUT_POLICY.windowMs - 60_000);
      await db().authSignInFailure.createMany({
        data: Array.from({ length: 5 }, () => ({ email: ADMIN.email, reason: "bad_password", failedAt: old })),
      });
      expect((await signInWithPassword(new CookieJar(), ADMIN.email, ADMIN.password)).twoFactorRedirect).toBe(true);
    });

    it("counts wrong codes toward the lockout", async () => {
      for (let attempt = 0; attempt < LOCKOUT_POLICY.maxFailures; attempt++) {
        const jar = new CookieJar();
        await signInWithPassword(jar, ADMIN.email, ADMIN.password);
        await expect(verifyTotp(jar, "000000")).rejects.toThrow();
      }
      await expect(signInWithPassword(new CookieJar(), ADMIN.email, ADMIN.password)).rejects.toThrow(/Too many failed sign-ins/);
      // Two-factor's own lock (the plugin's) clears with ours for the rest of the file.
      await db().authTwoFactor.updateMany({ data: { failedVerificationCount: 0, lockedUntil: null } });
    });
  });

  it("uses one auth instance per database", async () => {
    expect(await getAuth()).toBe(await getAuth());
  });
});
