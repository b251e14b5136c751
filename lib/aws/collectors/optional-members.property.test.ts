/**
 * Every response the AWS API allows: for each operation the collectors call, take what the
 * sandbox answered for a real account, leave out any subset of the members the SDK types mark
 * optional ("Required: No"), and check that the collector still yields its part and that no
 * check passes on facts that went missing (issue 14).
 */
import fc from "fast-check";
import { isDeepStrictEqual } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { evaluateSnapshot } from "@/lib/checks/registry";
import { DEFAULT_THRESHOLDS } from "@/lib/checks/types";
import {
  createHarness,
  passesNotBackedByCompleteFacts,
  removalsArbitrary,
  type CandidateRemoval,
  type Harness,
  type OperationUnderTest,
} from "@/lib/aws/testing/optional-members-harness";
import type { AccountSnapshot, PartResult } from "@/lib/snapshot/schema";

interface Case extends OperationUnderTest {
  /**
   * Members without which one entry cannot be told apart from another: leaving one out may
   * cost that entry (a visible error naming it), never the part.
   */
  identity?: string[];
  /** Members that are the whole answer (the report's content): without them the part is an error. */
  essential?: string[];
  /** Members whose absence AWS documents as a fact ("no use recorded"), not as a gap: never left out here. */
  absenceMeans?: Record<string, string>;
  /** Checks that judge correctly without these members, so their evidence may differ: member kind → check ids. */
  judgedWithout?: Record<string, string[]>;
  /** The answer decides which regions are collected: findings about regions the complete answer skipped are not compared. */
  decidesRegions?: boolean;
  /** The answer is about service control policies: see sameApartFromServiceControlPolicies. */
  serviceControlPolicies?: boolean;
}

const CASES: Case[] = [
  { operation: "IAM:GetAccountAuthorizationDetails", parts: ["iam.authorizationDetails"],
    identity: ["UserDetailList[].Arn", "GroupDetailList[].Arn", "RoleDetailList[].Arn", "Policies[].Arn",
      "UserDetailList[].AttachedManagedPolicies[].PolicyArn", "GroupDetailList[].AttachedManagedPolicies[].PolicyArn",
      "RoleDetailList[].AttachedManagedPolicies[].PolicyArn", "UserDetailList[].UserPolicyList[].PolicyName",
      "GroupDetailList[].GroupPolicyList[].PolicyName", "RoleDetailList[].RolePolicyList[].PolicyName"],
    absenceMeans: {
      "RoleDetailList[].RoleLastUsed": "IAM API reference, RoleLastUsed: absent when the role was not used in the tracking window",
      "RoleDetailList[].RoleLastUsed.LastUsedDate": "absent when the role was not used in the tracking window",
      "RoleDetailList[].RoleLastUsed.Region": "absent when the role was not used in the tracking window",
      "UserDetailList[].PermissionsBoundary": "absent when no boundary is set",
      "RoleDetailList[].PermissionsBoundary": "absent when no boundary is set",
    },
    judgedWithout: {
      // A recent use passes without the creation date; the date is evidence only.
      "RoleDetailList[].CreateDate": ["principals.unused"],
      // A user whose policies cannot be read counts as an admin against the limit, so a pass holds
      // whatever those policies say; the evidence lists such users as undetermined instead.
      // Likewise a Deny of every access-key request without MFA enforces MFA whatever unread policies allow.
      "Policies[].PolicyVersionList[].Document": ["admins.count", "users.mfa-enforced"],
      "Policies[].PolicyVersionList[].VersionId": ["admins.count", "users.mfa-enforced"],
      "Policies[].PolicyVersionList[].IsDefaultVersion": ["admins.count", "users.mfa-enforced"],
      "UserDetailList[].UserPolicyList[].PolicyDocument": ["admins.count", "users.mfa-enforced"],
      "GroupDetailList[].GroupPolicyList[].PolicyDocument": ["admins.count", "users.mfa-enforced"],
      "RoleDetailList[].RolePolicyList[].PolicyDocument": ["admins.count", "users.mfa-enforced"],
    } },
  { operation: "IAM:ListRoles", parts: ["iam.authorizationDetails"] },
  { operation: "IAM:GetAccountSummary", parts: ["iam.accountSummary"],
    // Without an opt-in region the token version does not matter: not_applicable stands without it.
    judgedWithout: { SummaryMap: ["sts.global-token-v2"], "SummaryMap.GlobalEndpointTokenVersion": ["sts.global-token-v2"] } },
  { operation: "IAM:GetAccountPasswordPolicy", parts: ["iam.passwordPolicy"] },
  { operation: "IAM:ListVirtualMFADevices", parts: ["iam.virtualMfaDevices"] },
  { operation: "IAM:ListOrganizationsFeatures", parts: ["iam.organizationsFeatures"] },
  { operation: "IAM:GenerateCredentialReport", parts: ["iam.credentialReport"] },
  { operation: "IAM:GetCredentialReport", parts: ["iam.credentialReport"], essential: ["Content", "GeneratedTime"] },
  { operation: "STS:AssumeRole", parts: ["sts.regionStatus"] },
  { operation: "EC2:DescribeRegions", parts: ["ec2.regions"], identity: ["Regions[].RegionName"], decidesRegions: true,
    // Version 2 tokens are valid in every region, so the pass stands whichever regions are opt-in (version 1 fails or is unknown).
    judgedWithout: { "Regions[].OptInStatus": ["sts.global-token-v2"] } },
  { operation: "EC2:DescribeInstances", parts: ["ec2.instances"],
    identity: ["Reservations[].Instances[].InstanceId", "Reservations[].Instances[].SecurityGroups[].GroupId"],
    absenceMeans: {
      "Reservations[].Instances[].IamInstanceProfile": "absent when the instance has no instance profile",
      "Reservations[].Instances[].PublicIpAddress": "absent when the instance has no public address",
    },
    // Region use is "any of": a region still used by its other resources passes with fewer reasons listed.
    judgedWithout: { "Reservations[].Instances[].State": ["sts.regions-unused-disabled"], "Reservations[].Instances[].State.Name": ["sts.regions-unused-disabled"] } },
  { operation: "EC2:DescribeSecurityGroups", parts: ["ec2.securityGroups"],
    identity: ["SecurityGroups[].GroupId", "SecurityGroups[].IpPermissions[].IpProtocol", "SecurityGroups[].IpPermissionsEgress[].IpProtocol",
      "SecurityGroups[].IpPermissions[].IpRanges[].CidrIp", "SecurityGroups[].IpPermissions[].Ipv6Ranges[].CidrIpv6",
      "SecurityGroups[].IpPermissions[].UserIdGroupPairs[].GroupId", "SecurityGroups[].IpPermissions[].PrefixListIds[].PrefixListId",
      "SecurityGroups[].IpPermissionsEgress[].IpRanges[].CidrIp", "SecurityGroups[].IpPermissionsEgress[].Ipv6Ranges[].CidrIpv6",
      "SecurityGroups[].IpPermissionsEgress[].UserIdGroupPairs[].GroupId", "SecurityGroups[].IpPermissionsEgress[].PrefixListIds[].PrefixListId"],
    judgedWithout: {
      // The VPC is named in the evidence only; a default group without rules is closed in any VPC.
      "SecurityGroups[].VpcId": ["sg.default-closed"],
      // Region use is "any of": a region still used by its other resources passes with fewer reasons listed.
      "SecurityGroups[].GroupName": ["sts.regions-unused-disabled"],
    } },
  { operation: "AutoScaling:DescribeAutoScalingGroups", parts: ["autoscaling.groups"] },
  { operation: "AutoScaling:DescribePolicies", parts: ["autoscaling.groups"], identity: ["ScalingPolicies[].AutoScalingGroupName", "ScalingPolicies[].PolicyName"] },
  { operation: "CloudTrail:DescribeTrails", parts: ["cloudtrail.trails"], identity: ["trailList[].TrailARN"],
    // A logging multi-region trail passes whoever owns it; whether it is the organization's trail is evidence only.
    judgedWithout: { "trailList[].IsOrganizationTrail": ["cloudtrail.multi-region"] } },
  { operation: "CloudTrail:GetTrailStatus", parts: ["cloudtrail.trails"] },
  { operation: "AccessAnalyzer:ListAnalyzers", parts: ["accessanalyzer.analyzers"] },
  { operation: "S3:ListBuckets", parts: ["s3.buckets"], identity: ["Buckets[].Name"] },
  { operation: "S3:GetBucketPolicy", parts: ["s3.buckets"] },
  { operation: "S3:GetBucketPolicyStatus", parts: ["s3.buckets"],
    // iamfit reads the policy document itself; AWS's IsPublic is a second opinion (as when the call is denied).
    judgedWithout: { PolicyStatus: ["s3.bucket-policy-public"], "PolicyStatus.IsPublic": ["s3.bucket-policy-public"] } },
  { operation: "S3:GetBucketAcl", parts: ["s3.buckets"] },
  { operation: "S3:GetPublicAccessBlock", parts: ["s3.buckets"] },
  { operation: "S3Control:GetPublicAccessBlock", parts: ["s3control.publicAccessBlock"] },
  // The service control policies that apply to the account, read from the management account.
  { operation: "Organizations:DescribeOrganization", parts: ["organizations.serviceControlPolicies"], serviceControlPolicies: true },
  { operation: "Organizations:ListParents", parts: ["organizations.serviceControlPolicies"], serviceControlPolicies: true },
  { operation: "Organizations:ListPoliciesForTarget", parts: ["organizations.serviceControlPolicies"], serviceControlPolicies: true },
  { operation: "Organizations:DescribePolicy", parts: ["organizations.serviceControlPolicies"], serviceControlPolicies: true },
  { operation: "Organizations:DescribeOrganizationalUnit", parts: ["organizations.serviceControlPolicies"], serviceControlPolicies: true },
  // IAM Identity Center, read in the management account that holds the instance.
  // Without its ARN or identity store the instance cannot be read at all: an error, never "no instance here".
  { operation: "SSOAdmin:ListInstances", parts: ["identitycenter.assignments"], essential: ["Instances[].InstanceArn", "Instances[].IdentityStoreId"] },
  { operation: "SSOAdmin:ListPermissionSets", parts: ["identitycenter.assignments"] },
  { operation: "SSOAdmin:DescribePermissionSet", parts: ["identitycenter.assignments"] },
  { operation: "SSOAdmin:ListManagedPoliciesInPermissionSet", parts: ["identitycenter.assignments"] },
  { operation: "SSOAdmin:GetInlinePolicyForPermissionSet", parts: ["identitycenter.assignments"] },
  { operation: "SSOAdmin:ListAccountsForProvisionedPermissionSet", parts: ["identitycenter.assignments"] },
  { operation: "SSOAdmin:ListAccountAssignments", parts: ["identitycenter.assignments"],
    identity: ["AccountAssignments[].PrincipalId", "AccountAssignments[].PrincipalType"] },
  { operation: "Identitystore:ListUsers", parts: ["identitycenter.assignments"] },
  { operation: "Identitystore:ListGroups", parts: ["identitycenter.assignments"] },
  { operation: "Identitystore:ListGroupMemberships", parts: ["identitycenter.assignments"] },
];

const NUM_RUNS = 50;
/**
 * One fixed seed by default, so a red run can be replayed and `npm test` judges the same cases
 * every time; IAMFIT_PROPERTY_SEED=random explores new ones (fast-check prints the seed of any
 * counterexample), IAMFIT_PROPERTY_SEED=<number> replays one.
 */
const SEED_SETTING = process.env.IAMFIT_PROPERTY_SEED;
const SEED = SEED_SETTING === "random" ? undefined : Number(SEED_SETTING || 20261207);

/** Accounts chosen for many passes (a pass is what a missing member must never produce) and for variety. */
const ACCOUNTS = ["security-tooling", "prod-payments", "org-management"];

describe.each(ACCOUNTS)("collecting %s from responses without optional members", (accountName) => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await createHarness(accountName);
  }, 60_000);
  afterAll(() => harness?.destroy());

  it.each(CASES.map((testCase) => [testCase.operation, testCase] as const))(
    "%s: the part is still collected and no check passes on a member that went missing",
    async (_name, testCase) => {
      const meaningfulAbsences = new Set(Object.keys(testCase.absenceMeans ?? {}));
      const candidates = (await harness.candidates(testCase)).filter((candidate) => !meaningfulAbsences.has(candidate.memberKind));
      if (candidates.length === 0) return; // the account never calls it with anything optional in the answer
      await fc.assert(
        fc.asyncProperty(removalsArbitrary(candidates), async (removals) => {
          const reduced = await harness.collectWithout(testCase, removals);
          const removedKinds = new Set(removals.map((removal) => removal.memberKind));
          const identityRemoved = (testCase.identity ?? []).some((kind) => removedKinds.has(kind));
          const essentialRemoved = (testCase.essential ?? []).some((kind) => removedKinds.has(kind));
          for (const [key, part] of changedParts(harness.baseline, reduced, testCase)) {
            if (essentialRemoved) continue;
            expect({ part: key, status: part.status, ...(part.status === "error" ? { error: part.error.message } : {}) }).toEqual({
              part: key,
              status: harness.baseline.parts[key]?.status,
            });
            if (part.status === "ok") {
              const entryErrors = part.entryErrors ?? [];
              if (!identityRemoved) expect({ part: key, entryErrors }).toEqual({ part: key, entryErrors: [] });
              for (const error of entryErrors) expect(error.message).toMatch(/iamfit left that .+ out/);
            }
          }
          const findings = evaluateSnapshot(reduced, DEFAULT_THRESHOLDS);
          const judgedWithout = new Set(
            Object.entries(testCase.judgedWithout ?? {}).flatMap(([kind, checks]) => (removedKinds.has(kind) ? checks : [])),
          );
          const comparison = {
            compareEvidence: !essentialRemoved,
            judgedWithout,
            ...(testCase.decidesRegions ? { comparedRegions: new Set(harness.baseline.regions) } : {}),
            ...(testCase.serviceControlPolicies ? { evidenceEquivalent: sameApartFromServiceControlPolicies } : {}),
          };
          expect(passesNotBackedByCompleteFacts(harness.baselineFindings, findings, comparison)).toEqual([]);
        }),
        { numRuns: NUM_RUNS, endOnFailure: true, examples: everyKindEverywhere(candidates), ...(SEED === undefined ? {} : { seed: SEED }) },
      );
    },
    120_000,
  );
});

function changedParts(baseline: AccountSnapshot, reduced: AccountSnapshot, testCase: Case): Array<[string, PartResult<unknown>]> {
  return Object.entries(reduced.parts).filter(([key]) => testCase.parts.some((name) => key === name || key.startsWith(`${name}@`)) && key in baseline.parts);
}

/** The endpoint of the issue: one kind of member never sent at all. */
function everyKindEverywhere(candidates: CandidateRemoval[]): Array<[CandidateRemoval[]]> {
  const kinds = [...new Set(candidates.map((candidate) => candidate.memberKind))];
  return kinds.slice(0, 20).map((kind) => [candidates.filter((candidate) => candidate.memberKind === kind)]);
}

/**
 * SCPs only ever take permissions away (Organizations User Guide, "SCP evaluation"), so a check
 * that passes without considering them passes whatever they say: its evidence may then differ
 * from the complete answer's in the SCP note alone. An OU's name is evidence only: a note naming
 * the OU by its id instead says the same. Any other difference (SCPs "considered" on other facts,
 * such as "not enabled" where they are) still counts.
 */
function sameApartFromServiceControlPolicies(before: unknown, after: unknown): boolean {
  if (!isRecord(before) || !isRecord(after)) return false;
  const { serviceControlPolicies: beforeUse, serviceControlPoliciesNote: beforeNote, ...beforeRest } = before;
  const { serviceControlPolicies: afterUse, serviceControlPoliciesNote: afterNote, ...afterRest } = after;
  if (!isDeepStrictEqual(beforeRest, afterRest)) return false;
  if (afterUse === "not considered") return true;
  const withoutOuNames = (note: unknown) => String(note).replace(/OU [^›.]+/g, "OU ?");
  return beforeUse === afterUse && withoutOuNames(beforeNote) === withoutOuNames(afterNote);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
