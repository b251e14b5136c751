/**
 * `iamfit users …` on a real database: the recovery path when the only admin lost their phone.
 * Passwords it prints work with Better Auth's sign-in (same hash), and every change is audited
 * with actor "cli".
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { CookieJar, signInAndEnrol, signInWithPassword } from "@/lib/auth/testing/auth-sessions";
import { sessionStateFor } from "@/lib/auth/current-user";
import { listAuditEvents } from "@/lib/db/audit";
import { findAuthUserByEmail } from "@/lib/db/auth-users";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/database";
import { cli } from "../testing/run-cli";

vi.mock("next/headers", () => ({
  headers: async () => {
    throw new Error("outside a request");
  },
  cookies: async () => {
    throw new Error("outside a request");
  },
}));

describe("iamfit users", () => {
  let database: TestDatabase;
  let adminPassword: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    process.env.IAMFIT_DATA_DIR ??= "/tmp/iamfit-cli-users-test";
  });
  afterAll(async () => database?.drop());

  it("creates a user whose one-time password signs in with Better Auth", async () => {
    const created = await cli(["users", "create", "--email", "Root.Admin@example.com", "--name", "Root Admin", "--role", "admin"]);
    expect(created.code).toBe(0);
    adminPassword = /^\s+(\S+)$/m.exec(created.stdout)![1]!;
    expect(adminPassword).toMatch(/^[a-z2-9]{5}(-[a-z2-9]{5}){4}$/);
    const jar = new CookieJar();
    await signInAndEnrol(jar, "root.admin@example.com", adminPassword);
    expect(await sessionStateFor(jar.headers())).toMatchObject({ kind: "signed_in", user: { role: "admin" } });
  });

  it("lists users with role and two-factor", async () => {
    const listed = await cli(["users", "list"]);
    expect(listed.stdout).toMatch(/root\.admin@example\.com\s+Root Admin\s+admin\s+on\s+password/);
  });

  it("resets a lost authenticator: sessions end, and the next sign-in enrols again", async () => {
    const jar = new CookieJar();
    await signInAndEnrol(jar, "root.admin@example.com", adminPassword).catch(() => undefined);
    const reset = await cli(["users", "reset-two-factor", "root.admin@example.com"]);
    expect(reset.code).toBe(0);
    expect((await findAuthUserByEmail("root.admin@example.com"))?.twoFactorEnabled).toBe(false);
    const again = new CookieJar();
    expect((await signInWithPassword(again, "root.admin@example.com", adminPassword)).twoFactorRedirect).toBeUndefined();
    expect(await sessionStateFor(again.headers())).toMatchObject({ kind: "needs_two_factor" });
  });

  it("changes roles but never leaves the installation without an admin", async () => {
    expect((await cli(["users", "set-role", "root.admin@example.com", "viewer"])).stderr).toContain("last active admin");
    await cli(["users", "create", "--email", "second@example.com", "--name", "Second", "--role", "editor"]);
    expect((await cli(["users", "set-role", "second@example.com", "admin"])).code).toBe(0);
    expect((await cli(["users", "set-role", "root.admin@example.com", "viewer"])).code).toBe(0);
    expect((await findAuthUserByEmail("root.admin@example.com"))?.role).toBe("viewer");
    expect((await cli(["users", "set-role", "nobody@example.com", "admin"])).code).toBe(1);
    expect((await cli(["users", "set-role", "second@example.com", "owner"])).code).toBe(2);
  });

  it("audits every change with actor cli", async () => {
    const { rows } = await listAuditEvents({ action: "user." }, { limit: 50 });
    const seen = rows.map((row) => `${row.action} ${row.actorKind} ${row.targetLabel}`);
    expect(seen).toEqual(
      expect.arrayContaining([
        "user.created cli root.admin@example.com",
        "user.two_factor_reset cli root.admin@example.com",
        "user.role_changed cli second@example.com",
        "user.role_changed cli root.admin@example.com",
      ]),
    );
  });
});
