import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { AccountCollectionsTable } from "@/components/accounts/account-collections-table";
import type { AccountCollectionRow } from "@/lib/db/account-page";
import type { RunAccountRow } from "@/lib/db/runs";
import { RemovedRunNotice } from "./removed-run-notice";
import { RunAccountsTable } from "./run-accounts-table";

const NOTE = "Details of this collection are no longer kept (older than 90 days).";

function runRow(detailPruned: boolean): RunAccountRow {
  return {
    collectionId: 1n,
    awsAccountId: "123456789012",
    accountName: "Production",
    status: "partial",
    startedAt: new Date("2026-01-01T00:00:00Z"),
    finishedAt: new Date("2026-01-01T00:01:00Z"),
    progressDone: 10,
    progressTotal: 10,
    apiCalls: 40,
    error: null,
    partErrors: [],
    cancelRequested: false,
    cancelRequestedAt: null,
    cancelRequestedBy: null,
    detailPruned,
  };
}

function accountRow(detailPruned: boolean): AccountCollectionRow {
  return {
    collectionId: 1n,
    runId: 7n,
    runTrigger: "schedule",
    runKind: "collect",
    status: "partial",
    startedAt: new Date("2026-01-01T00:00:00Z"),
    finishedAt: new Date("2026-01-01T00:01:00Z"),
    collectedAt: new Date("2026-01-01T00:01:00Z"),
    progressDone: 10,
    progressTotal: 10,
    apiCalls: 40,
    error: null,
    partErrors: [],
    detailPruned,
  };
}

describe("collections whose detail the retention job removed", () => {
  it("say so on the run page instead of showing no errors", () => {
    expect(renderToStaticMarkup(<RunAccountsTable rows={[runRow(true)]} snapshotRetentionDays={90} />)).toContain(NOTE);
    expect(renderToStaticMarkup(<RunAccountsTable rows={[runRow(false)]} snapshotRetentionDays={90} />)).not.toContain("no longer kept");
  });

  it("say so on the account page instead of showing no errors", () => {
    expect(renderToStaticMarkup(<AccountCollectionsTable rows={[accountRow(true)]} snapshotRetentionDays={90} />)).toContain(NOTE);
    expect(renderToStaticMarkup(<AccountCollectionsTable rows={[accountRow(false)]} snapshotRetentionDays={90} />)).not.toContain("no longer kept");
  });

  it("a removed collection's page says it is no longer kept and for how long collections are", () => {
    const html = renderToStaticMarkup(<RemovedRunNotice runId={42n} historyDays={400} />);
    expect(html).toContain("Collection #42");
    expect(html).toContain("This collection is no longer kept");
    expect(html).toContain("older than 400 days are removed");
  });
});
