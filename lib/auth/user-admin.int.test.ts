/**
 * The users page's rules on the real database: nobody demotes or disables themselves, the last
 * active admin stays, disabling ends sessions, and changes are audited as the admin who made them.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listAuditEvents } from "@/lib/db/audit";
import { db } from "@/lib/db/client";
import { EmailTakenError, LastAdminError, listAuthUsers } from "@/lib/db/auth-users";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/database";
import { changeUserRole, createLocalUser, resetTwoFactor, setUserEnabled, UserAdminRuleError, type UserAdminActor } from "./user-admin";

describe("user administration", () => {
  let database: TestDatabase;
  let admin: { id: string; email: string };
  let actor: UserAdminActor;

  beforeAll(async () => {
    database = await createTestDatabase();
    const created = await createLocalUser({ kind: "cli" }, { email: "boss@example.com", name: "Boss", role: "admin" });
    admin = created.user;
    actor = { kind: "user", userId: admin.id, email: admin.email, ip: "198.51.100.4", userAgent: "vitest" };
  });
  afterAll(async () => database?.drop());

  it("refuses to let an admin demote or disable themselves", async () => {
    await expect(changeUserRole(actor, admin.id, "viewer")).rejects.toBeInstanceOf(UserAdminRuleError);
    await expect(setUserEnabled(actor, admin.id, false)).rejects.toBeInstanceOf(UserAdminRuleError);
  });

  it("keeps at least one active admin, whoever asks", async () => {
    const other = (await createLocalUser(actor, { email: "deputy@example.com", name: "Deputy", role: "admin" })).user;
    await setUserEnabled(actor, other.id, false);
    // The deputy is disabled, so the boss is the last active admin even though two have the role.
    await expect(changeUserRole({ kind: "cli" }, admin.id, "editor")).rejects.toBeInstanceOf(LastAdminError);
    await expect(setUserEnabled({ kind: "cli" }, admin.id, false)).rejects.toBeInstanceOf(LastAdminError);
    await setUserEnabled(actor, other.id, true);
    await changeUserRole(actor, other.id, "viewer");
    expect((await listAuthUsers()).find((user) => user.id === other.id)).toMatchObject({ role: "viewer", disabled: false });
  });

  it("refuses a second user with the same email, whatever its case", async () => {
    await expect(createLocalUser(actor, { email: "BOSS@example.com", name: "Copy", role: "viewer" })).rejects.toBeInstanceOf(EmailTakenError);
  });

  it("ends a user's sessions when they are disabled or their two-factor is reset", async () => {
    const user = (await createLocalUser(actor, { email: "sam@example.com", name: "Sam", role: "editor" })).user;
    const session = () =>
      db().authSession.create({
        data: { id: crypto.randomUUID(), userId: user.id, token: crypto.randomUUID(), expiresAt: new Date(Date.now() + 3_600_000) },
      });
    await session();
    await setUserEnabled(actor, user.id, false);
    expect(await db().authSession.count({ where: { userId: user.id } })).toBe(0);
    await setUserEnabled(actor, user.id, true);
    await session();
    await db().authUser.update({ where: { id: user.id }, data: { twoFactorEnabled: true } });
    await resetTwoFactor(actor, user.id);
    expect(await db().authSession.count({ where: { userId: user.id } })).toBe(0);
    expect((await listAuthUsers()).find((row) => row.id === user.id)?.twoFactorEnabled).toBe(false);
  });

  it("audits each change as the admin who made it, from their address", async () => {
    const { rows } = await listAuditEvents({ action: "user.", actor: "boss@example.com" }, { limit: 50 });
    expect(rows.map((row) => row.action)).toEqual(expect.arrayContaining(["user.created", "user.disabled", "user.enabled", "user.role_changed", "user.two_factor_reset"]));
    expect(rows.every((row) => row.ip === "198.51.100.4")).toBe(true);
    const roleChange = rows.find((row) => row.action === "user.role_changed");
    expect(roleChange?.detail).toEqual({ from: "admin", to: "viewer" });
  });
});
