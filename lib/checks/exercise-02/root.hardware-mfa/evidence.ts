/**
 * What root.hardware-mfa stores: the root row's MFA and credential columns as the credential
 * report wrote them; with the serial numbers of the virtual MFA devices assigned to root once root
 * has MFA; or with the organization's answer for a root without any credentials.
 */
import { z } from "zod";
import { centralRootAccessEvidenceSchema } from "@/lib/checks/central-root-access";
import { credentialReportRowSchema } from "@/lib/snapshot/schema";

export const rootHardwareMfaEvidenceSchema = credentialReportRowSchema
  .pick({ user: true, arn: true, mfa_active: true, password_last_used: true, access_key_1_active: true, access_key_2_active: true })
  .extend({
    // Each present only where it decided the finding (the shape stored before folders).
    centralRootAccess: centralRootAccessEvidenceSchema.optional(),
    rootVirtualMfaDevices: z.array(z.string()).optional(),
  })
  .strict();
export type RootHardwareMfaEvidence = z.infer<typeof rootHardwareMfaEvidenceSchema>;
