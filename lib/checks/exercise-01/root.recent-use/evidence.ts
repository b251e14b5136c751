/**
 * What root.recent-use stores: the root row's last-use columns as the credential report wrote
 * them, with the organization's answer when centralized root access is why root is never used.
 */
import type { z } from "zod";
import { centralRootAccessEvidenceSchema } from "@/lib/checks/central-root-access";
import { reportDate } from "@/lib/checks/credential-report";
import { credentialReportRowSchema } from "@/lib/snapshot/schema";

export const rootRecentUseEvidenceSchema = credentialReportRowSchema
  .pick({ user: true, arn: true, password_last_used: true, access_key_1_last_used_date: true, access_key_2_last_used_date: true })
  // Absent (not null) unless the organization manages root centrally: the shape stored since before folders.
  .extend({ centralRootAccess: centralRootAccessEvidenceSchema.optional() })
  .strict();
export type RootRecentUseEvidence = z.infer<typeof rootRecentUseEvidenceSchema>;

type RootUseColumn = "password_last_used" | "access_key_1_last_used_date" | "access_key_2_last_used_date";

const CREDENTIALS: Array<{ column: RootUseColumn; credential: string }> = [
  { column: "password_last_used", credential: "password" },
  { column: "access_key_1_last_used_date", credential: "access key 1" },
  { column: "access_key_2_last_used_date", credential: "access key 2" },
];

/** Root's most recent recorded use: which credential, its column and the day; undefined when none is recorded. */
export function latestRootUse(evidence: Pick<RootRecentUseEvidence, RootUseColumn>): { column: RootUseColumn; credential: string; date: Date } | undefined {
  return CREDENTIALS.flatMap(({ column, credential }) => {
    const date = reportDate(evidence[column]);
    return date ? [{ column, credential, date }] : [];
  }).sort((a, b) => b.date.getTime() - a.date.getTime())[0];
}
