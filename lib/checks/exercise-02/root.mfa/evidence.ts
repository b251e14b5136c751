/**
 * What root.mfa stores: the root row's MFA and credential columns as the credential report wrote
 * them, with the organization's answer for a root without any credentials; or, when the report
 * was unavailable, GetAccountSummary's confirmation that root has MFA.
 */
import { z } from "zod";
import { centralRootAccessEvidenceSchema } from "@/lib/checks/central-root-access";
import { credentialReportRowSchema } from "@/lib/snapshot/schema";

const rootMfaColumnsSchema = credentialReportRowSchema
  .pick({ user: true, arn: true, mfa_active: true, password_enabled: true, password_last_used: true, access_key_1_active: true, access_key_2_active: true })
  // Present only for a root without credentials, where the organization's answer decides.
  .extend({ centralRootAccess: centralRootAccessEvidenceSchema.optional() })
  .strict();

const rootMfaFromSummarySchema = z.object({ source: z.literal("iam:GetAccountSummary"), AccountMFAEnabled: z.literal(1) }).strict();

export const rootMfaEvidenceSchema = z.union([rootMfaColumnsSchema, rootMfaFromSummarySchema]);
export type RootMfaEvidence = z.infer<typeof rootMfaEvidenceSchema>;
