/**
 * Remediation content for every check of the catalogue (lib/checks/registry.ts); a test fails
 * when a check has none. "Why it matters" is the check's own, never copied here.
 */
import { getCheck } from "@/lib/checks/registry";
import type { Remediation, RemediationBuilder, RemediationTarget } from "./content";
import { policiesAllowNotAction, sgAdminPortsOpen, sgDefaultClosed } from "./steps/network";
import { s3AccountPublicAccessBlock, s3BucketAclPublic, s3BucketPolicyPublic } from "./steps/s3";

/** Checks not yet in their own folder; a check defined with defineCheck carries its own remediation. */
export const REMEDIATION_BUILDERS: Readonly<Record<string, RemediationBuilder>> = {
  "sg.admin-ports-open": sgAdminPortsOpen,
  "sg.default-closed": sgDefaultClosed,
  "policies.allow-not-action": policiesAllowNotAction,
  "s3.account-public-access-block": s3AccountPublicAccessBlock,
  "s3.bucket-policy-public": s3BucketPolicyPublic,
  "s3.bucket-acl-public": s3BucketAclPublic,
};

/** What to do about a failing finding; undefined for a check iamfit has no content for. */
export function remediationFor(target: RemediationTarget): Remediation | undefined {
  const check = getCheck(target.checkId);
  const build = check?.remediation ?? REMEDIATION_BUILDERS[target.checkId];
  if (!build || !check) return undefined;
  return { checkId: target.checkId, why: check.why, ...build(target) };
}
