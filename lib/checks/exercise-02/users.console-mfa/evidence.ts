/** What users.console-mfa stores: the user's console-password and MFA columns as the credential report wrote them. */
import type { z } from "zod";
import { credentialReportRowSchema } from "@/lib/snapshot/schema";

export const consoleMfaEvidenceSchema = credentialReportRowSchema.pick({ user: true, arn: true, password_enabled: true, mfa_active: true }).strict();
export type ConsoleMfaEvidence = z.infer<typeof consoleMfaEvidenceSchema>;
