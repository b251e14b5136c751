import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordAudit } from "@/lib/audit/record";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/database";
import { auditEventBatches, listAuditActions, listAuditEvents } from "./audit";
import { db } from "./client";

describe("the audit trail", () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
    await recordAudit({ action: "auth.sign_in", outcome: "failure", actor: { kind: "anonymous", email: "Mallory@example.com" }, detail: { reason: "bad_password", password: "hunter2" }, ip: "198.51.100.7", userAgent: "x".repeat(1000) });
    await recordAudit({ action: "auth.sign_in", actor: { kind: "user", userId: "u1", email: "alice@example.com" } });
    for (let index = 0; index < 5; index++) {
      await recordAudit({ action: "checklist.changed", actor: { kind: "user", userId: "u1", email: "alice@example.com" }, target: { type: "account", id: "111122223333" }, detail: { index } });
    }
  });
  afterAll(async () => database?.drop());

  it("keeps secrets out: a password in the detail is redacted, a long user agent trimmed", async () => {
    const [failure] = (await listAuditEvents({ outcome: "failure" }, { limit: 10 })).rows;
    expect(failure).toMatchObject({ action: "auth.sign_in", actorEmail: "Mallory@example.com", ip: "198.51.100.7", detail: { reason: "bad_password", password: "[redacted]" } });
    expect(failure?.userAgent).toHaveLength(300);
  });

  it("pages newest first with a cursor, without gaps or repeats", async () => {
    const first = await listAuditEvents({}, { limit: 3 });
    const second = await listAuditEvents({}, { limit: 3, cursor: first.next! });
    const third = await listAuditEvents({}, { limit: 3, cursor: second.next! });
    const ids = [...first.rows, ...second.rows, ...third.rows].map((row) => BigInt(row.id));
    expect(ids).toHaveLength(7);
    expect(new Set(ids).size).toBe(7);
    expect([...ids].sort((a, b) => (a < b ? 1 : -1))).toEqual(ids);
    expect(third.next).toBeNull();
  });

  it("filters by action family, exact action, actor and target", async () => {
    expect((await listAuditEvents({ action: "auth." }, { limit: 50 })).rows).toHaveLength(2);
    expect((await listAuditEvents({ action: "checklist.changed" }, { limit: 50 })).rows).toHaveLength(5);
    expect((await listAuditEvents({ actor: "MALLORY" }, { limit: 50 })).rows).toHaveLength(1);
    expect((await listAuditEvents({ targetId: "111122223333" }, { limit: 50 })).rows).toHaveLength(5);
    expect(await listAuditActions()).toEqual(["auth.sign_in", "checklist.changed"]);
  });

  it("streams every matching event in batches for exports", async () => {
    const batches: number[] = [];
    for await (const rows of auditEventBatches({ action: "checklist." }, 2)) batches.push(rows.length);
    expect(batches).toEqual([2, 2, 1]);
  });

  it("never throws when the entry is invalid: it reports and writes nothing", async () => {
    const before = await db().auditEvent.count();
    await recordAudit({ action: "Not A Dotted Name" });
    expect(await db().auditEvent.count()).toBe(before);
  });
});
