import type { ExerciseNumber, ResourceType, Severity } from "@/lib/checks/types";

/** Which account, check and resource a finding (or a checklist item) is about, and how severe. */
export interface FindingIdentity {
  id: string;
  awsAccountId: string;
  accountName: string;
  checkId: string;
  exercise: ExerciseNumber;
  resourceId: string;
  resourceType: ResourceType;
  resourceName: string;
  region: string | null;
  severity: Severity;
  reason: string;
  /** The stored evidence blob (hex SHA-256). */
  evidenceHash: string;
}
