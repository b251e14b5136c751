/**
 * The per-account write path on a real PostgreSQL: claiming, the one-statement commit (finding
 * intervals, score, collection, account), failing, and finishing a run once its last account is
 * done. The whole pipeline is exercised in lib/collect/collection.int.test.ts; this pins each rule.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Finding } from "@/lib/checks/types";
import { planFindingIntervals } from "@/lib/collect/finding-intervals";
import { hashBlob, type SnapshotManifest } from "@/lib/collect/manifest";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/database";
import { getBlobs } from "./blobs";
import { db } from "./client";
import {
  claimCollection,
  commitAccountCollection,
  createCollectionRun,
  failCollection,
  finishRunIfComplete,
  getLatestManifest,
  getOpenFindingIntervals,
  type CommitInput,
} from "./collections";
import { linkTestAccount } from "./test-factories";

function finding(overrides: Partial<Finding> = {}): Finding {
  return {
    checkId: "users.console-mfa",
    exercise: 2,
    resourceId: "arn:aws:iam::111122223333:user/alice",
    resourceType: "iam_user",
    resourceName: "alice",
    status: "fail",
    severity: "high",
    evidence: { user: "alice", mfaActive: false },
    reason: "alice signs in to the console without MFA.",
    ...overrides,
  } as Finding;
}

const manifest = (accountId: string): SnapshotManifest => ({
  version: 1,
  accountId,
  regions: ["eu-west-1"],
  parts: { "iam.accountSummary": { status: "ok", blob: hashBlob({ Users: 1 }).hash } },
});

const score = { score: 50, exerciseScores: [100, 0, null, null, null, null, null, null, null, null], passed: 1, failed: 1, unknown: 0, unknownChecks: 0, detail: { version: 1 } };

describe("the per-account write path", () => {
  let database: TestDatabase;
  let accountId: string;

  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => database?.drop());
  beforeEach(async () => {
    await db().$executeRaw`TRUNCATE linked_account, collection_run, fact_blob CASCADE`;
    accountId = await linkTestAccount("111122223333");
  });

  /** A claimed collection in a new run, committed with these findings. */
  async function collect(findings: Finding[], overrides: Partial<CommitInput> = {}) {
    const run = await createCollectionRun({ trigger: "cli" });
    const collectionId = run.queued[0]!.collectionId;
    const claimed = (await claimCollection(collectionId))!;
    const summary = hashBlob({ Users: 1 });
    const result = await commitAccountCollection({
      collectionId,
      runId: claimed.runId,
      accountId,
      status: "succeeded",
      collectedAt: new Date("2026-11-20T12:00:00Z"),
      manifest: manifest("111122223333"),
      blobs: [summary],
      partErrors: [],
      apiCalls: 42,
      planFindings: (open) => planFindingIntervals(open, findings),
      score,
      ...overrides,
    });
    return { runId: claimed.runId, collectionId, result };
  }

  it("claims a queued collection once, starts its run and reads the account", async () => {
    const run = await createCollectionRun({ trigger: "cli" });
    const collectionId = run.queued[0]!.collectionId;
    const claimed = await claimCollection(collectionId);
    expect(claimed).toMatchObject({ collectionId, runId: run.runId, kind: "collect", account: { id: accountId, awsAccountId: "111122223333", lastEvaluatedRunId: null } });
    expect(await claimCollection(collectionId)).toBeNull();
    const stored = await db().collectionRun.findUniqueOrThrow({ where: { id: run.runId! } });
    expect(stored.status).toBe("running");
    expect(stored.startedAt).not.toBeNull();
  });

  it("opens findings, stores the score and blobs, and moves the collection and the account forward", async () => {
    const { runId, collectionId, result } = await collect([finding(), finding({ resourceId: "arn:aws:iam::111122223333:user/bob", resourceName: "bob", status: "pass", region: "eu-west-1", evidence: { user: "bob", mfaActive: true } })]);
    // The part, the manifest, the score detail and one evidence per finding.
    expect(result).toEqual({ storedBlobs: 5, newFindings: 2 });
    const open = await getOpenFindingIntervals(accountId);
    expect(open.map((interval) => [interval.resourceId.split("/")[1], interval.status]).sort()).toEqual([["alice", "fail"], ["bob", "pass"]]);
    const bob = await db().finding.findFirstOrThrow({ where: { resourceName: "bob" } });
    expect(bob).toMatchObject({ exercise: 2, region: "eu-west-1", firstRunId: runId, closedRunId: null, firstSeenAt: new Date("2026-11-20T12:00:00Z") });
    // Raw: the ORM cannot read the nulls of exercise_scores (an exercise that could not be assessed).
    const [stored] = await db().$queryRaw<Array<{ score: number; exercise_scores: Array<number | null>; passed: number; failed: number; detail_hash: Uint8Array }>>`SELECT score, exercise_scores, passed, failed, detail_hash FROM account_score WHERE account_id = ${accountId}::uuid AND run_id = ${runId}`;
    expect(stored).toMatchObject({ score: 50, exercise_scores: score.exerciseScores, passed: 1, failed: 1 });
    expect((await getBlobs([Buffer.from(stored!.detail_hash).toString("hex")])).size).toBe(1);
    const collection = await db().accountCollection.findUniqueOrThrow({ where: { id: collectionId } });
    expect(collection).toMatchObject({ status: "succeeded", apiCalls: 42, partErrors: null, collectedAt: new Date("2026-11-20T12:00:00Z") });
    expect((await getLatestManifest(accountId))?.manifest).toEqual(manifest("111122223333"));
    const account = await db().linkedAccount.findUniqueOrThrow({ where: { id: accountId } });
    expect(account).toMatchObject({ lastEvaluatedRunId: runId, lastStatus: "succeeded", lastError: null });
  });

  it("leaves unchanged findings open, rewords a changed reason in place, and closes and reopens a changed result", async () => {
    const first = await collect([finding(), finding({ resourceId: "r-carol", resourceName: "carol" })]);
    const second = await collect([
      finding({ reason: "alice has had no MFA for 3 days." }),
      finding({ resourceId: "r-carol", resourceName: "carol", status: "pass", evidence: { user: "carol", mfaActive: true } }),
    ]);
    expect(second.result).toEqual({ storedBlobs: 1, newFindings: 1 });
    const rows = await db().finding.findMany({ orderBy: { id: "asc" } });
    expect(rows.map((row) => [row.resourceName, row.status, row.firstRunId, row.closedRunId, row.reason])).toEqual([
      ["alice", "fail", first.runId, null, "alice has had no MFA for 3 days."],
      ["carol", "fail", first.runId, second.runId, finding().reason],
      ["carol", "pass", second.runId, null, finding().reason],
    ]);
  });

  it("keeps the counts of open findings the scorecard reads in step with the intervals, commit by commit", async () => {
    const counts = () =>
      db().$queryRaw<Array<{ check_id: string; status: string; severity: string; findings: number }>>`SELECT check_id, status, severity, findings FROM open_finding_count WHERE account_id = ${accountId}::uuid ORDER BY status, severity`;
    const carol = { resourceId: "r-carol", resourceName: "carol" };
    await collect([finding(), finding(carol), finding({ resourceId: "r-dan", resourceName: "dan", severity: "medium" })]);
    expect(await counts()).toEqual([
      { check_id: "users.console-mfa", status: "fail", severity: "high", findings: 2 },
      { check_id: "users.console-mfa", status: "fail", severity: "medium", findings: 1 },
    ]);
    // carol passes now, dan is gone, alice is unchanged.
    await collect([finding(), finding({ ...carol, status: "pass", evidence: { user: "carol", mfaActive: true } })]);
    expect(await counts()).toEqual([
      { check_id: "users.console-mfa", status: "fail", severity: "high", findings: 1 },
      { check_id: "users.console-mfa", status: "pass", severity: "high", findings: 1 },
    ]);
    await collect([]);
    expect(await counts()).toEqual([]);
  });

  it("closes the interval of a resource no longer reported", async () => {
    await collect([finding()]);
    const second = await collect([]);
    expect(await getOpenFindingIntervals(accountId)).toEqual([]);
    expect((await db().finding.findFirstOrThrow()).closedRunId).toBe(second.runId);
  });

  it("records part errors on a partial collection and clears the account's error once a collection succeeds", async () => {
    const partErrors = [{ api: "ec2:DescribeInstances", code: "AccessDenied", message: "denied", region: "eu-west-1" }];
    const partial = await collect([finding()], { status: "partial", partErrors });
    expect((await db().accountCollection.findUniqueOrThrow({ where: { id: partial.collectionId } })).partErrors).toEqual(partErrors);
    expect(await db().linkedAccount.findUniqueOrThrow({ where: { id: accountId } })).toMatchObject({ lastStatus: "partial", lastError: partErrors[0] });
    await collect([finding()]);
    expect(await db().linkedAccount.findUniqueOrThrow({ where: { id: accountId } })).toMatchObject({ lastStatus: "succeeded", lastError: null });
  });

  it.each([
    ["failed", "failed"],
    ["cancelled", "succeeded"],
  ] as const)("a %s collection records its error and leaves the account %s, keeping the last good evaluation", async (status, lastStatus) => {
    const good = await collect([finding()]);
    const run = await createCollectionRun({ trigger: "cli" });
    const collectionId = run.queued[0]!.collectionId;
    await claimCollection(collectionId);
    await failCollection(collectionId, status, { code: "Boom", message: "it broke" }, 7);
    expect(await db().accountCollection.findUniqueOrThrow({ where: { id: collectionId } })).toMatchObject({ status, apiCalls: 7, error: { code: "Boom" } });
    expect(await db().linkedAccount.findUniqueOrThrow({ where: { id: accountId } })).toMatchObject({
      lastStatus,
      lastError: { code: "Boom", message: "it broke" },
      lastEvaluatedRunId: good.runId,
    });
  });

  it("finishes a run only once no account of it is queued or running, exactly once", async () => {
    await linkTestAccount("444455556666");
    const run = await createCollectionRun({ trigger: "cli" });
    const [first, second] = run.queued;
    const scoreOrganization = () => ({ score: 70, exerciseScores: [], accountsAssessed: 1, worst: [] });
    await claimCollection(first!.collectionId);
    await failCollection(first!.collectionId, "failed", { code: "Boom", message: "it broke" });
    expect(await finishRunIfComplete(run.runId!, scoreOrganization)).toBeNull();
    await claimCollection(second!.collectionId);
    await failCollection(second!.collectionId, "failed", { code: "Boom", message: "it broke" }, 3);
    expect(await finishRunIfComplete(run.runId!, scoreOrganization)).toBe("failed");
    expect(await finishRunIfComplete(run.runId!, scoreOrganization)).toBeNull();
    expect(await db().collectionRun.findUniqueOrThrow({ where: { id: run.runId! } })).toMatchObject({ status: "failed", apiCalls: 3 });
    expect(await db().orgScore.findUnique({ where: { runId: run.runId! } })).toMatchObject({ score: 70 });
  });
});
