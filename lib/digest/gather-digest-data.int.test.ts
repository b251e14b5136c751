import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { clearScorecardTables, insertAccount, insertAccountScore, insertFinding, insertOrgScore, insertRun } from "@/lib/db/scorecard-test-factories";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/database";
import { gatherDigestData } from "./gather-digest-data";

const DAY = 86_400_000;
const NOW = new Date("2026-03-30T07:00:00Z");
const daysAgo = (days: number) => new Date(NOW.getTime() - days * DAY);

async function insertChecklistItem(fields: { accountId: string; resourceName: string; state: string; dueOn?: string; riskExpiresOn?: string; severity?: string }): Promise<string> {
  const rows = await db().$queryRaw<Array<{ id: string }>>`INSERT INTO checklist_item (account_id, check_id, resource_id, exercise, resource_type, resource_name, severity, reason, evidence_hash,
                                 state, state_changed_at, due_on, risk_reason, risk_expires_on, first_run_id)
     VALUES (${fields.accountId}::uuid, 'keys.rotated', ${fields.resourceName}, 6, 'access_key', ${fields.resourceName}, ${fields.severity ?? "medium"}, 'old key', '\\x00'::bytea, ${fields.state}, now(), ${fields.dueOn ? new Date(`${fields.dueOn}T00:00:00Z`) : null}, ${fields.riskExpiresOn ? "accepted for now" : null}, ${fields.riskExpiresOn ? new Date(`${fields.riskExpiresOn}T00:00:00Z`) : null}, 1)
     RETURNING id::text AS id`;
  return rows[0]!.id;
}

describe("gatherDigestData", () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => database?.drop());
  beforeEach(async () => {
    await db().$executeRaw`TRUNCATE checklist_item RESTART IDENTITY CASCADE`;
    await clearScorecardTables();
  });

  /** Two prod accounts and one dev account; a run 8 days ago and one now. */
  async function seed() {
    const before = await insertRun({ createdAt: daysAgo(8) });
    const now = await insertRun({ createdAt: NOW });
    const payments = await insertAccount({ name: "payments", tags: { env: "prod" } });
    const web = await insertAccount({ name: "web", tags: { env: "prod" } });
    const dev = await insertAccount({ name: "dev", tags: { env: "dev" } });
    const broken = await insertAccount({ name: "broken", tags: { env: "prod" }, lastStatus: "failed", lastError: { code: "AccessDenied", message: "no AssumeRole" } });
    await insertAccountScore({ accountId: payments.id, runId: before, score: 90 });
    await insertAccountScore({ accountId: payments.id, runId: now, score: 70 });
    await insertAccountScore({ accountId: web.id, runId: before, score: 60 });
    await insertAccountScore({ accountId: web.id, runId: now, score: 64 });
    await insertAccountScore({ accountId: dev.id, runId: now, score: 30 });
    await insertOrgScore({ runId: before, score: 75 });
    await insertOrgScore({ runId: now, score: 55 });
    // New failures in prod: one critical, one high, one medium (not listed); one in dev.
    await insertFinding({ accountId: payments.id, resourceName: "root", severity: "critical", checkId: "root.mfa", firstRunId: now, firstSeenAt: NOW });
    await insertFinding({ accountId: web.id, resourceName: "alice", severity: "high", firstRunId: now, firstSeenAt: NOW });
    await insertFinding({ accountId: web.id, resourceName: "bob", severity: "medium", firstRunId: now, firstSeenAt: NOW });
    // Fixed in prod: failed before, passes now.
    await insertFinding({ accountId: payments.id, resourceName: "carol", firstRunId: before, closedRunId: now, closedAt: NOW });
    await insertFinding({ accountId: payments.id, resourceName: "carol", status: "pass", firstRunId: now, firstSeenAt: NOW });
    await insertChecklistItem({ accountId: payments.id, resourceName: "overdue-key", state: "open", dueOn: "2026-03-20" });
    await insertChecklistItem({ accountId: payments.id, resourceName: "due-today", state: "in_progress", dueOn: "2026-03-30" });
    await insertChecklistItem({ accountId: dev.id, resourceName: "dev-overdue", state: "open", dueOn: "2026-03-01" });
    await insertChecklistItem({ accountId: web.id, resourceName: "expiring", state: "risk_accepted", riskExpiresOn: "2026-04-02" });
    await insertChecklistItem({ accountId: web.id, resourceName: "far-off", state: "risk_accepted", riskExpiresOn: "2026-06-01" });
    return { payments, web, dev, broken };
  }

  it("gathers the organization's week for a digest of all accounts", async () => {
    await seed();
    const data = await gatherDigestData({ kind: "all" }, NOW);
    expect(data.organization).toEqual({ now: 55, before: 75 });
    expect(data.window.fromAt).toBe(daysAgo(8).toISOString());
    expect(data.accounts.map((account) => [account.name, account.scoreBefore, account.scoreNow, account.assessedBefore])).toEqual([
      ["broken", null, null, false],
      ["dev", null, 30, false],
      ["payments", 90, 70, true],
      ["web", 60, 64, true],
    ]);
    expect(data.accounts[0]).toMatchObject({ assessedNow: false, lastStatus: "failed", lastError: { code: "AccessDenied", message: "no AssumeRole" } });
    expect(data.newFailures.items.map((change) => [change.resourceName, change.severity])).toEqual([
      ["root", "critical"],
      ["alice", "high"],
    ]);
    expect(data.newFailures.total).toBe(2);
    expect(data.fixed).toMatchObject({ total: 1, items: [{ resourceName: "carol", accountName: "payments" }] });
    expect(data.overdue?.items.map((item) => item.resourceName)).toEqual(["dev-overdue", "overdue-key"]);
    expect(data.overdue?.total).toBe(2);
    expect(data.expiringAcceptances).toMatchObject({ total: 1, items: [{ resourceName: "expiring", day: "2026-04-02", accountName: "web" }] });
  });

  it("narrows every section to the accounts a tag scope covers", async () => {
    await seed();
    const data = await gatherDigestData({ kind: "tags", tags: [{ key: "env", value: "dev" }] }, NOW);
    expect(data.organization).toBeNull();
    expect(data.accounts.map((account) => account.name)).toEqual(["dev"]);
    expect(data.newFailures).toEqual({ items: [], total: 0 });
    expect(data.fixed).toEqual({ items: [], total: 0 });
    expect(data.overdue).toMatchObject({ total: 1, items: [{ resourceName: "dev-overdue" }] });
    expect(data.expiringAcceptances).toEqual({ items: [], total: 0 });
  });

  it("narrows to chosen accounts", async () => {
    const { web } = await seed();
    const data = await gatherDigestData({ kind: "accounts", awsAccountIds: [web.awsAccountId] }, NOW);
    expect(data.accounts.map((account) => account.name)).toEqual(["web"]);
    expect(data.newFailures.items.map((change) => change.resourceName)).toEqual(["alice"]);
    expect(data.overdue?.total).toBe(0);
    expect(data.expiringAcceptances?.total).toBe(1);
  });

  it("works on an installation that has never collected anything", async () => {
    const data = await gatherDigestData({ kind: "all" }, NOW);
    expect(data).toMatchObject({ organization: null, accounts: [], window: { fromAt: null, toAt: null }, newFailures: { total: 0 }, fixed: { total: 0 } });
  });
});
