/**
 * The snapshot behind an account's key figures, rebuilt from its stored manifest and blobs
 * (lib/db reads them; rebuilding is the collector's format, so it happens here).
 */
import "server-only";
import { getEvaluatedManifest, type ScorecardAccount } from "@/lib/db/account-scorecard";
import { getBlobs } from "@/lib/db/blobs";
import type { AccountSnapshot } from "@/lib/snapshot/schema";
import { manifestBlobHashes, snapshotFromManifest } from "./manifest";

/** The snapshot of the account's last evaluated run (or, when none is recorded, its newest stored one). */
export async function getAccountSnapshot(account: Pick<ScorecardAccount, "id" | "lastEvaluatedRunId">): Promise<AccountSnapshot | undefined> {
  const stored = await getEvaluatedManifest(account);
  if (!stored) return undefined;
  const blobs = await getBlobs(manifestBlobHashes(stored.manifest));
  return snapshotFromManifest(stored.manifest, stored.collectedAt.toISOString(), (hash) => blobs.get(hash), stored.reportGeneratedAt?.toISOString());
}
