/**
 * Which errors the account page shows, from what lib/db returns: an account-level failure of
 * the latest collection (nothing collected; older data stays shown, marked stale) and the
 * per-API errors behind the data shown (with whether older data stands in for each).
 */
import { isAccessDenied } from "@/lib/aws/errors";
import { hintFor } from "@/lib/aws/test-connection";
import type { AccountPageData } from "@/lib/db/account-page";
import type { StoredCollectionError } from "@/lib/db/collection-errors";
import type { CollectionErrorRow } from "./collection-errors-table";

export interface AccountErrorsView {
  accountLevel: {
    error: StoredCollectionError;
    /** What to change, in words (lib/aws's hint for the error code). */
    hint?: string;
    /**
     * Set when iamfit may not assume the audit role: the values the role's trust policy must
     * accept, so the fix can be checked against them.
     */
    trust?: { roleArn: string; externalId: string };
    runId: bigint;
    failedAt: Date | null;
    /** When the data still shown was collected; null when there is none. */
    showingDataFrom: Date | null;
  } | null;
  apiErrors: {
    runId: bigint;
    collectedAt: Date | null;
    /** True when these are the latest collection's errors, false when they belong to older data still shown. */
    latest: boolean;
    rows: CollectionErrorRow[];
  } | null;
}

const ACCOUNT_FAILURES = new Set(["failed", "interrupted"]);

export function accountErrorsView(data: AccountPageData): AccountErrorsView {
  const latest = data.latestFinishedCollection;
  const failed = latest && ACCOUNT_FAILURES.has(latest.status) && latest.error ? { ...latest, error: latest.error } : null;
  // The stored AssumeRole message already names the role and the fix; the hint for it would
  // repeat that, so the page shows the exact values the trust policy must accept instead.
  const assumeRoleDenied = failed?.error.api === "sts:AssumeRole" && isAccessDenied(failed.error.code);
  const accountLevel = failed
    ? {
        error: failed.error,
        hint:
          failed.error.api && !assumeRoleDenied
            ? hintFor({ ...failed.error, api: failed.error.api }, { roleArn: data.account.roleArn })
            : undefined,
        trust: assumeRoleDenied ? { roleArn: data.account.roleArn, externalId: data.account.externalId } : undefined,
        runId: failed.runId,
        failedAt: failed.finishedAt,
        showingDataFrom: data.lastGoodCollection?.collectedAt ?? null,
      }
    : null;

  let apiErrors: AccountErrorsView["apiErrors"] = null;
  if (data.snapshot && data.snapshot.errorParts.length > 0) {
    apiErrors = {
      runId: data.snapshot.runId,
      collectedAt: new Date(data.snapshot.collectedAt),
      latest: latest?.runId === data.snapshot.runId,
      rows: data.snapshot.errorParts.map((part) => ({
        error: part.error,
        partKey: part.partKey,
        staleCollectedAt: part.staleCollectedAt,
      })),
    };
  } else if (latest && !failed && latest.partErrors.length > 0) {
    apiErrors = {
      runId: latest.runId,
      collectedAt: latest.collectedAt,
      latest: true,
      rows: latest.partErrors.map((error) => ({ error })),
    };
  }
  return { accountLevel, apiErrors };
}
