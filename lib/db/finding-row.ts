/**
 * The columns every read model of findings shares (findings, changes, checklist items): which
 * account, check and resource, and how severe. One SQL row shape and one mapper.
 */
import "server-only";
import type { ExerciseNumber, ResourceType, Severity } from "@/lib/checks/types";
import type { FindingIdentity } from "@/lib/scorecard/finding-identity";
import { bytesToHex } from "./blobs";

export interface FindingIdentitySqlRow {
  id: string;
  aws_account_id: string;
  account_name: string;
  check_id: string;
  exercise: number;
  resource_id: string;
  resource_type: string;
  resource_name: string;
  region: string | null;
  severity: string;
  reason: string;
  evidence_hash: Uint8Array;
}


export function toFindingIdentity(row: FindingIdentitySqlRow): FindingIdentity {
  return {
    id: row.id,
    awsAccountId: row.aws_account_id,
    accountName: row.account_name,
    checkId: row.check_id,
    exercise: row.exercise as ExerciseNumber,
    resourceId: row.resource_id,
    resourceType: row.resource_type as ResourceType,
    resourceName: row.resource_name,
    region: row.region,
    severity: row.severity as Severity,
    reason: row.reason,
    evidenceHash: bytesToHex(row.evidence_hash),
  };
}
