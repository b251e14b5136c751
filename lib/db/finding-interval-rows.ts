/**
 * The finding intervals as a commit reads and writes them (collections.ts); what becomes of each
 * is planned by lib/collect/finding-intervals.ts.
 */
import type { Finding } from "@/lib/checks/types";
import type { HashedBlob } from "@/lib/snapshot/content-hash";

/** A finding interval still open (lib/collect/finding-intervals.ts plans what becomes of it). */
export interface OpenFindingInterval {
  id: bigint;
  checkId: string;
  resourceId: string;
  status: string;
  severity: string;
  reason: string;
  evidenceHash: string; // hex
}

/** A finding to open as a new interval, with the hash of its evidence. */
export interface NewFindingInterval {
  finding: Finding;
  evidenceHash: string;
}

/** What a commit writes to the finding table. */
export interface FindingIntervalPlan {
  /** Open intervals that stay as they are. */
  unchanged: bigint[];
  /** Open intervals to close: the result changed or the resource is gone. */
  close: bigint[];
  /** Unchanged intervals whose reason sentence changed. */
  reasonUpdates: Array<{ id: bigint; reason: string }>;
  insert: NewFindingInterval[];
  evidenceBlobs: HashedBlob[];
}
