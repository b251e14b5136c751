/**
 * Centralized root access (IAM + AWS Organizations, 2024): with RootCredentialsManagement on, the
 * management account or delegated administrator can delete member accounts' root credentials,
 * and those members can neither sign in as root nor recover a root password
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/id_root-user.html#id_root-user-access-management).
 * Such a root has nothing for MFA to protect. Without it, a root with no password can still get
 * one through password recovery by whoever reads the account's email, so MFA still matters.
 */
import { z } from "zod";
import { ROOT_CREDENTIALS_MANAGEMENT, type AccountSnapshot, type CredentialReportRow } from "@/lib/snapshot/schema";
import { activeKeys, isTrue, rootHasNoPassword } from "./credential-report";
import { globalPart, type UnavailablePart } from "./part-access";

/** The organization's answer as root findings store it (`centralRootAccess`), one shape per answer. */
export const centralRootAccessEvidenceSchema = z.union([
  z.object({ answer: z.literal("member_account"), organizationId: z.string(), enabledFeatures: z.array(z.string()), readInAccountId: z.string() }).strict(),
  z.object({ answer: z.literal("member_account") }).strict(),
  z.object({ answer: z.literal("read_here"), organizationId: z.string(), enabledFeatures: z.array(z.string()) }).strict(),
  z.object({ answer: z.literal("not_available"), code: z.string() }).strict(),
  /** The features could not be read: the shared evidence of an unavailable part (part-access.ts). */
  z
    .object({
      part: z.string(),
      region: z.string().optional(),
      status: z.string(),
      api: z.string().optional(),
      code: z.string().optional(),
      staleCollectedAt: z.string().optional(),
      skipReason: z.string().optional(),
      detail: z.string().optional(),
    })
    .strict(),
]);
export type CentralRootAccessEvidence = z.infer<typeof centralRootAccessEvidenceSchema>;

export interface CentralRootAccess {
  /** managed: the organization manages this member's root credentials centrally. */
  state: "managed" | "not_managed" | "unknown";
  /** Half a sentence: "organization o-… manages root credentials centrally (read in account …)". */
  reason: string;
  evidence: CentralRootAccessEvidence;
}

/** Whether the stored answer says root credentials are managed centrally (for views, which have only the evidence). */
export function isManagedCentrally(evidence: CentralRootAccessEvidence): boolean {
  return "readInAccountId" in evidence && evidence.enabledFeatures.includes(ROOT_CREDENTIALS_MANAGEMENT);
}

function unavailableEvidence(unavailable: UnavailablePart): CentralRootAccessEvidence {
  // part-access.ts types its evidence loosely; its members are the strings this schema names.
  const parsed = centralRootAccessEvidenceSchema.safeParse(unavailable.evidence);
  return parsed.success ? parsed.data : { part: unavailable.part, status: "invalid" };
}

export function centralRootAccess(snapshot: AccountSnapshot): CentralRootAccess {
  const part = globalPart(snapshot, "iam.organizationsFeatures");
  if (!part.available) {
    return { state: "unknown", reason: part.unavailable.reason, evidence: unavailableEvidence(part.unavailable) };
  }
  const features = part.data;
  if (features.answer === "not_available") {
    return {
      state: "not_managed",
      reason: `centralized root access is not available to this account (${features.code})`,
      evidence: { answer: features.answer, code: features.code },
    };
  }
  if (features.answer === "read_here") {
    // Only the management account and the delegated administrator can read the features, and
    // the management account's own root is never managed centrally; iamfit cannot tell the two apart.
    return {
      state: "unknown",
      reason:
        "this account reads its organization's root access features itself, so it is the management account (whose root centralized root access does not cover) or the delegated administrator",
      evidence: { answer: features.answer, organizationId: features.organizationId, enabledFeatures: features.enabledFeatures },
    };
  }
  if (!features.organization) {
    return {
      state: "unknown",
      reason:
        "this member account cannot read its organization's root access features, and no collected account (management or delegated administrator) has read them yet",
      evidence: { answer: features.answer },
    };
  }
  const { organizationId, enabledFeatures, readInAccountId } = features.organization;
  const evidence: CentralRootAccessEvidence = { answer: features.answer, organizationId, enabledFeatures, readInAccountId };
  return enabledFeatures.includes(ROOT_CREDENTIALS_MANAGEMENT)
    ? {
        state: "managed",
        reason: `organization ${organizationId} manages member accounts' root credentials centrally (RootCredentialsManagement, read in account ${readInAccountId})`,
        evidence,
      }
    : {
        state: "not_managed",
        reason: `organization ${organizationId} does not manage root credentials centrally (RootCredentialsManagement is off, read in account ${readInAccountId})`,
        evidence,
      };
}

/**
 * Whether the root user has no credentials at all: no MFA, no active key, no signing certificate
 * and no password. GetAccountSummary's AccountPasswordPresent says the last directly; without it
 * the credential report's marks for a missing password are used (credential-report.ts).
 */
export function rootHasNoCredentials(snapshot: AccountSnapshot, row: CredentialReportRow): boolean {
  if (isTrue(row.mfa_active) || activeKeys(row).length > 0 || isTrue(row.cert_1_active) || isTrue(row.cert_2_active)) return false;
  const summary = globalPart(snapshot, "iam.accountSummary");
  const passwordPresent = summary.available ? summary.data.AccountPasswordPresent : undefined;
  return passwordPresent === undefined ? rootHasNoPassword(row) : passwordPresent === 0;
}
