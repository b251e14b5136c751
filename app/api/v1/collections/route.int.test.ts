import type PgBoss from "pg-boss";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiCollectionStartedSchema } from "@/lib/api/collection-json";
import { apiErrorSchema } from "@/lib/api/error-json";
import { insertTestApiToken, insertTestUser } from "@/lib/auth/test-users";
import { listAuditEvents } from "@/lib/db/audit";
import { linkTestAccount } from "@/lib/db/test-factories";
import { startBoss } from "@/lib/jobs/boss";
import type { AwsRuntime } from "@/lib/runtime/aws-runtime";
import { publishProcessServices } from "@/lib/runtime/process-services";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/database";
import { POST } from "./route";

function post(secret: string, body: unknown) {
  return POST(new Request("http://localhost/api/v1/collections", { method: "POST", headers: { authorization: `Bearer ${secret}`, "content-type": "application/json" }, body: typeof body === "string" ? body : JSON.stringify(body) }));
}

describe("POST /api/v1/collections", () => {
  let database: TestDatabase;
  let boss: PgBoss;
  let editorWrite: string;
  let editorRead: string;
  let viewerWrite: string;
  beforeAll(async () => {
    database = await createTestDatabase();
    boss = await startBoss(database.url);
    publishProcessServices({ boss, aws: {} as AwsRuntime, role: "web", startedAt: new Date() });
    await linkTestAccount("300000000001");
    await linkTestAccount("300000000002");
    const editor = await insertTestUser("editor");
    editorWrite = (await insertTestApiToken(editor, { scope: "read_write" })).secret;
    editorRead = (await insertTestApiToken(editor, { scope: "read" })).secret;
    viewerWrite = (await insertTestApiToken(await insertTestUser("viewer"), { scope: "read_write" })).secret;
  });
  afterAll(async () => {
    await boss?.stop({ graceful: false });
    await database?.drop();
  });

  it("starts a collection of the named accounts with a read-write token of an editor, and audits it", async () => {
    const response = await post(editorWrite, { accounts: ["300000000001"] });
    expect(response.status).toBe(202);
    const started = apiCollectionStartedSchema.parse(await response.json());
    expect(started).toMatchObject({ runId: expect.stringMatching(/^\d+$/), queued: ["300000000001"], alreadyActive: [] });
    const [entry] = (await listAuditEvents({ action: "collection.requested" }, { limit: 1 })).rows;
    expect(entry).toMatchObject({ actorKind: "token", detail: { runId: started.runId, queued: 1 } });
  });

  it("skips an account whose collection is already queued", async () => {
    const response = await post(editorWrite, { accounts: ["300000000001"] });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ runId: null, alreadyActive: ["300000000001"] });
  });

  it("refuses a read-only token and a viewer's read-write token with 403", async () => {
    for (const secret of [editorRead, viewerWrite]) {
      const response = await post(secret, {});
      expect(response.status).toBe(403);
      expect(apiErrorSchema.parse(await response.json()).error.code).toBe("forbidden");
    }
  });

  it("answers 400 naming the field for a bad body, and for a body that is not JSON", async () => {
    const bad = await post(editorWrite, { accounts: ["12"] });
    expect(bad.status).toBe(400);
    expect((await bad.json()) as unknown).toMatchObject({ error: { code: "invalid_parameter", parameter: "accounts.0" } });
    const unknownField = await post(editorWrite, { account: "300000000002" });
    expect(unknownField.status).toBe(400);
    expect((await post(editorWrite, "{not json")).status).toBe(400);
  });
});
