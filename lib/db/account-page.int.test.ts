import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SnapshotManifest } from "@/lib/collect/manifest";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/database";
import { getAccountPage } from "./account-page";
import { addTestCollection, createTestRun, linkTestAccount, setTestAccountState } from "./test-factories";

const ACCOUNT = "200000000001";

function manifestWithErrors(): SnapshotManifest {
  return {
    version: 1,
    accountId: ACCOUNT,
    regions: ["eu-west-1"],
    parts: {
      "iam.accountSummary": { status: "ok", blob: "aa" },
      "iam.credentialReport": {
        status: "error",
        error: { api: "iam:GenerateCredentialReport", code: "Throttling", message: "Rate exceeded" },
        staleBlob: "bb",
        staleCollectedAt: "2025-01-01T00:00:00.000Z",
      },
      "ec2.instances@eu-west-1": {
        status: "error",
        error: { api: "ec2:DescribeInstances", code: "UnauthorizedOperation", message: "denied", region: "eu-west-1" },
      },
      "ec2.instances@ap-east-1": { status: "skipped", reason: "region_disabled" },
    },
  };
}

describe("getAccountPage", () => {
  let database: TestDatabase;
  let firstRun: bigint;
  let failedRun: bigint;
  let activeRun: bigint;

  beforeAll(async () => {
    database = await createTestDatabase();
    const accountId = await linkTestAccount(ACCOUNT, { name: "<img src=x onerror=alert(1)>", tags: { env: "prod" } });
    await linkTestAccount("200000000002");
    firstRun = await createTestRun("startup", "partial");
    await addTestCollection(firstRun, accountId, {
      status: "partial",
      manifest: manifestWithErrors(),
      collectedAt: new Date("2025-02-01T00:00:00Z"),
      partErrors: [{ api: "iam:GenerateCredentialReport", code: "Throttling", message: "Rate exceeded" }],
    });
    await setTestAccountState(accountId, { lastStatus: "partial", score: { runId: firstRun, score: 72 } });
    failedRun = await createTestRun("schedule", "failed");
    await addTestCollection(failedRun, accountId, {
      status: "failed",
      error: { api: "sts:AssumeRole", code: "AccessDenied", message: "User is not authorized to perform sts:AssumeRole" },
    });
    // A cancelled collection reached no verdict on the account: the failure before it still stands.
    const cancelledRun = await createTestRun("manual", "cancelled");
    await addTestCollection(cancelledRun, accountId, { status: "cancelled", error: { code: "Cancelled", message: "Cancelled by an operator" } });
    activeRun = await createTestRun("manual", "running");
    await addTestCollection(activeRun, accountId, { status: "running" });
  });
  afterAll(async () => database?.drop());

  it("returns undefined for an account that is not linked", async () => {
    expect(await getAccountPage("299999999999")).toBeUndefined();
  });

  it("returns the account with its name as stored, untouched", async () => {
    const page = await getAccountPage(ACCOUNT);
    expect(page?.account).toMatchObject({ awsAccountId: ACCOUNT, name: "<img src=x onerror=alert(1)>", tags: { env: "prod" } });
  });

  it("separates the running collection, the latest one with a verdict (not cancelled) and the last one that stored data", async () => {
    const page = await getAccountPage(ACCOUNT);
    expect(page?.activeCollection).toMatchObject({ runId: activeRun, status: "running", runTrigger: "manual" });
    expect(page?.latestFinishedCollection).toMatchObject({
      runId: failedRun,
      status: "failed",
      error: { api: "sts:AssumeRole", code: "AccessDenied", message: "User is not authorized to perform sts:AssumeRole" },
    });
    expect(page?.lastGoodCollection).toMatchObject({ runId: firstRun, status: "partial" });
    expect(page?.lastGoodCollection?.partErrors).toEqual([
      { api: "iam:GenerateCredentialReport", code: "Throttling", message: "Rate exceeded" },
    ]);
  });

  it("lists recent collections newest first, up to the limit", async () => {
    const page = await getAccountPage(ACCOUNT, { recentLimit: 3 });
    expect(page?.recentCollections.map((row) => row.runId)).toEqual([activeRun, expect.any(BigInt), failedRun]);
    expect(page?.recentCollections[1]?.status).toBe("cancelled");
  });

  it("returns the score of the last evaluated run", async () => {
    const page = await getAccountPage(ACCOUNT);
    expect(page?.score).toMatchObject({ runId: firstRun, score: 72 });
  });

  it("lists the snapshot's error parts and whether stale data stands in for them", async () => {
    const page = await getAccountPage(ACCOUNT);
    expect(page?.snapshot).toMatchObject({ runId: firstRun, partCount: 4, skippedParts: 1 });
    expect(page?.snapshot?.errorParts).toEqual([
      {
        partKey: "iam.credentialReport",
        error: { api: "iam:GenerateCredentialReport", code: "Throttling", message: "Rate exceeded" },
        staleCollectedAt: "2025-01-01T00:00:00.000Z",
      },
      {
        partKey: "ec2.instances@eu-west-1",
        error: { api: "ec2:DescribeInstances", code: "UnauthorizedOperation", message: "denied", region: "eu-west-1" },
        staleCollectedAt: null,
      },
    ]);
  });

  it("has no collections, score or snapshot for an account never collected", async () => {
    const page = await getAccountPage("200000000002");
    expect(page).toMatchObject({
      score: null,
      activeCollection: null,
      latestFinishedCollection: null,
      lastGoodCollection: null,
      recentCollections: [],
      snapshot: null,
    });
  });
});
