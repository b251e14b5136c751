import { describe, expect, it } from "vitest";
import type { AccountCollectionRow, AccountPageData } from "@/lib/db/account-page";
import { accountErrorsView } from "./account-errors-view";

function collection(overrides: Partial<AccountCollectionRow>): AccountCollectionRow {
  return {
    collectionId: 1n,
    runId: 1n,
    runTrigger: "manual",
    runKind: "collect",
    status: "succeeded",
    startedAt: new Date("2025-03-01T10:00:00Z"),
    finishedAt: new Date("2025-03-01T10:01:00Z"),
    collectedAt: new Date("2025-03-01T10:01:00Z"),
    progressDone: 0,
    progressTotal: 0,
    apiCalls: 10,
    error: null,
    partErrors: [],
    detailPruned: false,
    ...overrides,
  };
}

function pageData(overrides: Partial<AccountPageData>): AccountPageData {
  return {
    account: {
      id: "uuid",
      awsAccountId: "123456789012",
      name: "Prod",
      roleArn: "arn:aws:iam::123456789012:role/iamfit-audit",
      externalId: "iamfit-x",
      tags: {},
      source: "manual",
      createdAt: new Date("2025-01-01T00:00:00Z"),
      lastEvaluatedRunId: null,
      lastCollectedAt: null,
      lastStatus: "never",
      lastError: null,
    },
    score: null,
    activeCollection: null,
    latestFinishedCollection: null,
    lastGoodCollection: null,
    recentCollections: [],
    snapshot: null,
    ...overrides,
  };
}

const denied = { api: "sts:AssumeRole", code: "AccessDenied", message: "not authorized", region: "us-east-1" };
const throttled = { api: "iam:GenerateCredentialReport", code: "Throttling", message: "Rate exceeded" };

describe("accountErrorsView", () => {
  it("shows nothing for an account whose latest collection succeeded", () => {
    const good = collection({ runId: 4n });
    expect(accountErrorsView(pageData({ latestFinishedCollection: good, lastGoodCollection: good }))).toEqual({
      accountLevel: null,
      apiErrors: null,
    });
  });

  it("reports an AssumeRole denial with the values the trust policy must accept and the date of the data still shown", () => {
    const good = collection({ runId: 3n, collectedAt: new Date("2025-02-01T00:00:00Z") });
    const failed = collection({ runId: 4n, status: "failed", error: { ...denied, region: undefined }, collectedAt: null });
    const view = accountErrorsView(pageData({ latestFinishedCollection: failed, lastGoodCollection: good }));
    expect(view.accountLevel).toMatchObject({
      runId: 4n,
      showingDataFrom: new Date("2025-02-01T00:00:00Z"),
      hint: undefined,
      trust: { roleArn: "arn:aws:iam::123456789012:role/iamfit-audit", externalId: "iamfit-x" },
    });
  });

  it("adds lib/aws's hint for other account-level errors", () => {
    const failed = collection({ runId: 4n, status: "failed", error: { api: "sts:AssumeRole", code: "ECONNREFUSED", message: "no route" } });
    const view = accountErrorsView(pageData({ latestFinishedCollection: failed }));
    expect(view.accountLevel?.hint).toContain("could not reach AWS");
    expect(view.accountLevel?.trust).toBeUndefined();
  });

  it("says no data is shown when an account never collected successfully", () => {
    const failed = collection({ runId: 1n, status: "interrupted", error: { code: "WorkerLost", message: "stopped" } });
    const view = accountErrorsView(pageData({ latestFinishedCollection: failed }));
    expect(view.accountLevel).toMatchObject({ error: { code: "WorkerLost" }, showingDataFrom: null, hint: undefined, trust: undefined });
  });

  it("lists the snapshot's error parts with their staleness, marked latest when the snapshot is the latest collection's", () => {
    const partial = collection({ runId: 5n, status: "partial", partErrors: [throttled] });
    const view = accountErrorsView(
      pageData({
        latestFinishedCollection: partial,
        lastGoodCollection: partial,
        snapshot: {
          runId: 5n,
          collectedAt: "2025-03-01T10:01:00.000Z",
          partCount: 10,
          skippedParts: 0,
          errorParts: [{ partKey: "iam.credentialReport", error: throttled, staleCollectedAt: "2025-02-01T00:00:00.000Z" }],
        },
      }),
    );
    expect(view.apiErrors).toEqual({
      runId: 5n,
      collectedAt: new Date("2025-03-01T10:01:00.000Z"),
      latest: true,
      rows: [{ error: throttled, partKey: "iam.credentialReport", staleCollectedAt: "2025-02-01T00:00:00.000Z" }],
    });
  });

  it("keeps the older snapshot's error parts, not marked latest, when the latest collection failed outright", () => {
    const failed = collection({ runId: 6n, status: "failed", error: denied });
    const view = accountErrorsView(
      pageData({
        latestFinishedCollection: failed,
        snapshot: { runId: 5n, collectedAt: "2025-03-01T10:01:00.000Z", partCount: 3, skippedParts: 0, errorParts: [{ partKey: "k", error: throttled, staleCollectedAt: null }] },
      }),
    );
    expect(view.apiErrors).toMatchObject({ runId: 5n, latest: false });
  });

  it("falls back to the collection's summarised errors when no snapshot lists them", () => {
    const partial = collection({ runId: 7n, status: "partial", partErrors: [throttled] });
    const view = accountErrorsView(pageData({ latestFinishedCollection: partial }));
    expect(view.apiErrors).toEqual({ runId: 7n, collectedAt: partial.collectedAt, latest: true, rows: [{ error: throttled }] });
  });
});
