import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listAuditEvents } from "@/lib/db/audit";
import { db } from "@/lib/db/client";
import { getApiToken, revokeApiToken } from "@/lib/db/api-tokens";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/database";
import { authenticateApiRequest } from "./api-request";
import { insertTestApiToken, insertTestUser } from "./test-users";

function request(secret?: string, path = "/api/v1/scorecard") {
  return new Request(`http://localhost${path}`, {
    headers: { ...(secret ? { authorization: `Bearer ${secret}` } : {}), "x-iamfit-client-address": "192.0.2.10", "user-agent": "ci-bot/1.0" },
  });
}

async function lastAudit() {
  return (await listAuditEvents({}, { limit: 1 })).rows[0];
}

describe("authenticateApiRequest", () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => database?.drop());

  it("lets a valid token through as its owner, records the use and the address", async () => {
    const editor = await insertTestUser("editor");
    const token = await insertTestApiToken(editor, { scope: "read_write" });
    const result = await authenticateApiRequest(request(token.secret), "collect");
    expect(result).toEqual({ ok: true, user: expect.objectContaining({ id: editor.id, role: "editor", authMethod: "token", tokenId: token.id }) });
    expect(await lastAudit()).toMatchObject({ action: "api_token.used", outcome: "success", actorKind: "token", actorTokenId: token.id, ip: "192.0.2.10", userAgent: "ci-bot/1.0" });
    expect((await getApiToken(token.id))?.lastUsedIp).toBe("192.0.2.10");
  });

  it("gives a read-only token of an admin only a viewer's rights", async () => {
    const admin = await insertTestUser("admin");
    const token = await insertTestApiToken(admin, { scope: "read" });
    expect(await authenticateApiRequest(request(token.secret), "browse")).toMatchObject({ ok: true, user: { role: "viewer" } });
    expect(await authenticateApiRequest(request(token.secret), "collect")).toMatchObject({ ok: false, status: 403 });
    expect(await lastAudit()).toMatchObject({ action: "api_token.used", outcome: "denied" });
  });

  it("follows the owner's current role: a demoted owner's read-write token loses rights", async () => {
    const editor = await insertTestUser("editor");
    const token = await insertTestApiToken(editor, { scope: "read_write" });
    await db().$executeRaw`UPDATE auth_user SET role = 'viewer' WHERE id = ${editor.id}`;
    expect(await authenticateApiRequest(request(token.secret), "collect")).toMatchObject({ ok: false, status: 403 });
  });

  it("refuses a missing, malformed, unknown, expired, revoked or disabled owner's token with 401, auditing all but a missing one", async () => {
    const viewer = await insertTestUser("viewer");
    const expired = await insertTestApiToken(viewer, { expiresAt: new Date(Date.now() - 1000) });
    const revoked = await insertTestApiToken(viewer);
    await revokeApiToken(revoked.id, new Date());
    const banned = await insertTestUser("editor", { banned: true });
    const bannedToken = await insertTestApiToken(banned);
    const unknown = "iamfit_" + "A".repeat(43);

    expect(await authenticateApiRequest(request(), "browse")).toMatchObject({ ok: false, status: 401, message: expect.stringContaining("needs a token") });
    expect(await authenticateApiRequest(new Request("http://localhost/api/v1/runs", { headers: { authorization: "Bearer nope" } }), "browse")).toMatchObject({ ok: false, status: 401 });
    expect(await lastAudit()).toMatchObject({ action: "api_token.refused", detail: { reason: "malformed" } });
    for (const [secret, reason] of [
      [unknown, "unknown"],
      [expired.secret, "expired"],
      [revoked.secret, "revoked"],
      [bannedToken.secret, "owner_disabled"],
    ] as const) {
      expect(await authenticateApiRequest(request(secret), "browse"), reason).toMatchObject({ ok: false, status: 401 });
      expect(await lastAudit(), reason).toMatchObject({ action: "api_token.refused", outcome: "denied", detail: { reason } });
    }
  });
});
