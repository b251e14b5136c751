/**
 * The fault matrix (issue 14): every snapshot part × every fault kind the sandbox can inject,
 * collected through the real collectors and evaluated by the real catalogue. A part that ends in
 * error must never let a check that read it pass or call itself not applicable.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { createAccountClients } from "@/lib/aws/client-factory";
import { serviceControlPolicyReader } from "@/lib/aws/collectors/organizations-scps";
import { connectOrganizations } from "@/lib/aws/organizations";
import { collectAccount, type CollectAccountOptions } from "@/lib/collect/collect-account";
import { SANDBOX_BASE_CREDENTIALS } from "@/lib/sandbox/base-credentials";
import { CURATED_ACCOUNT_IDS } from "@/lib/sandbox/curated/account-ids";
import type { FaultKind, FaultRule } from "@/lib/sandbox/faults";
import { sandboxPlugin } from "@/lib/sandbox/plugin";
import { TEST_NOW, testWorld } from "@/lib/sandbox/test-fixtures";
import { GLOBAL_PART_NAMES, REGIONAL_PART_NAMES, type AccountSnapshot, type PartName } from "@/lib/snapshot/schema";
import { UNEXAMINED_REGIONS } from "./part-access";
import { CHECKS, evaluateChecks } from "./registry";
import { DEFAULT_THRESHOLDS, type Finding } from "./types";

/** Every kind `FaultKind` names; the Record makes a new kind fail to compile until it is listed. */
const FAULT_KINDS = Object.keys({
  throttle: true,
  access_denied: true,
  region_disabled: true,
  timeout: true,
  internal_error: true,
  hang: true,
} satisfies Record<FaultKind, true>) as FaultKind[];

/** Whom the sandbox's base credentials belong to: the account the organization's reader calls from. */
const ORGANIZATION_READER = CURATED_ACCOUNT_IDS.securityTooling;

/** The call whose failure fails each part (sandbox names: service:Operation). */
const PART_FAULTS: Record<PartName, Omit<FaultRule, "fault">> = {
  "iam.credentialReport": { api: "iam:*CredentialReport" },
  "iam.accountSummary": { api: "iam:GetAccountSummary" },
  "iam.passwordPolicy": { api: "iam:GetAccountPasswordPolicy" },
  "iam.virtualMfaDevices": { api: "iam:ListVirtualMFADevices" },
  "iam.authorizationDetails": { api: "iam:GetAccountAuthorizationDetails" },
  "iam.organizationsFeatures": { api: "iam:ListOrganizationsFeatures" },
  "ec2.regions": { api: "ec2:DescribeRegions" },
  // The audit session is opened in us-east-1; a probe elsewhere can fail on its own.
  "sts.regionStatus": { api: "sts:AssumeRole", region: "eu-west-1" },
  "s3.buckets": { api: "s3:ListBuckets" },
  "s3control.publicAccessBlock": { api: "s3control:GetPublicAccessBlock" },
  "ec2.instances": { api: "ec2:DescribeInstances" },
  "ec2.securityGroups": { api: "ec2:DescribeSecurityGroups" },
  "autoscaling.groups": { api: "autoscaling:Describe*" },
  "cloudtrail.trails": { api: "cloudtrail:DescribeTrails" },
  "accessanalyzer.analyzers": { api: "accessanalyzer:ListAnalyzers" },
  // Read with the organization's reader (iamfit's base credentials), not the account's audit role.
  "organizations.serviceControlPolicies": { api: "organizations:ListPoliciesForTarget", accountId: ORGANIZATION_READER },
  // Read in the account that holds the instance (the management account); a denial there leaves it unread.
  "identitycenter.assignments": { api: "sso-admin:ListInstances" },
};

/**
 * Checks that may pass while a part they read is in error, because that part can only add to
 * what already decides them. Each with the reason; nothing else is excused.
 */
const JUDGED_FROM_OTHER_PARTS: Record<string, { parts: PartName[]; why: string }> = {
  "sts.regions-unused-disabled": {
    parts: ["ec2.instances", "ec2.securityGroups", "autoscaling.groups", "cloudtrail.trails", "s3.buckets", "iam.authorizationDetails", "iam.credentialReport"],
    why: "a region shown in use by any other part is in use; a part in error can only hide more use (region-usage.ts)",
  },
  // Service control policies only take permissions away: without them a principal judged not an
  // admin, without an escalation path or held to MFA stays so; they can only turn a fail into a pass.
  ...Object.fromEntries(
    ["admins.count", "ec2.role-not-admin", "policies.privilege-escalation", "users.mfa-enforced"].map((checkId) => [
      checkId,
      { parts: ["organizations.serviceControlPolicies"] as PartName[], why: "SCPs never grant, so a pass judged without them holds with them" },
    ]),
  ),
  "cloudtrail.multi-region": {
    parts: ["ec2.regions"],
    why: "a multi-region trail that is logging covers every region, listed or not; the list only matters when no such trail was found",
  },
  "root.access-keys": { parts: ["iam.credentialReport"], why: "GetAccountSummary's AccountAccessKeysPresent answers the same question" },
  "root.mfa": { parts: ["iam.credentialReport"], why: "GetAccountSummary's AccountMFAEnabled answers the same question" },
  "principals.unused": {
    parts: ["iam.credentialReport"],
    why: "roles are judged from their own RoleLastUsed in the authorization details; the users only the report shows get an account-level unknown",
  },
};

const ACCOUNT = "edge-network";
const options: CollectAccountOptions = {
  now: () => TEST_NOW,
  credentialReport: { sleep: async () => undefined },
  regions: { allow: ["us-east-1", "eu-west-1", "af-south-1"] },
};

interface Outcome {
  /** Each check's findings and the part keys it read. */
  checks: Array<{ checkId: string; findings: Finding[]; partsRead: Set<string> }>;
  snapshot: AccountSnapshot;
}

const world = testWorld();
const account = [...world.accounts()].find((candidate) => candidate.name === ACCOUNT)!;

async function collectWith(rule: FaultRule | undefined): Promise<Outcome> {
  const connectionOptions = {
    credentials: async () => SANDBOX_BASE_CREDENTIALS,
    plugins: [sandboxPlugin(world, { builtInRules: false, hangMs: 1, ...(rule ? { rules: [{ accountId: account.accountId, ...rule }] } : {}) })],
    maxAttempts: 1,
    retryMode: "standard" as const,
  };
  const clients = createAccountClients(connectionOptions, { accountId: account.accountId, roleArn: account.roleArn, externalId: world.externalId });
  const organization = connectOrganizations(connectionOptions);
  try {
    const snapshot = await collectAccount(clients, { ...options, serviceControlPolicies: serviceControlPolicyReader(organization.client) });
    const checks = CHECKS.map((check) => {
      const partsRead = new Set<string>();
      const parts = new Proxy(snapshot.parts, {
        get(target, key, receiver) {
          if (typeof key === "string") partsRead.add(key);
          return Reflect.get(target, key, receiver);
        },
      });
      return { checkId: check.id, findings: evaluateChecks([check], { ...snapshot, parts }, DEFAULT_THRESHOLDS), partsRead };
    });
    return { checks, snapshot };
  } finally {
    clients.destroy();
    organization.destroy();
  }
}

/** The check says unknown for the regions it could not examine (part-access.ts, UNEXAMINED_REGIONS). */
function unexaminedIsUnknown(findings: Finding[]): boolean {
  return findings.some((finding) => finding.region === UNEXAMINED_REGIONS && finding.status === "unknown");
}

function partOf(key: string): PartName {
  return key.split("@")[0] as PartName;
}

describe(`the fault matrix on ${ACCOUNT}: every part × every fault kind`, () => {
  let healthy: Outcome;
  beforeAll(async () => {
    healthy = await collectWith(undefined);
  }, 60_000);

  it("covers every part of the snapshot contract", () => {
    expect(Object.keys(PART_FAULTS).sort()).toEqual([...GLOBAL_PART_NAMES, ...REGIONAL_PART_NAMES].sort());
    // Without faults the account collects completely and the checks pass somewhere: the matrix has something to lose.
    expect(Object.values(healthy.snapshot.parts).filter((part) => part.status === "error")).toEqual([]);
    expect(healthy.checks.flatMap((check) => check.findings).filter((finding) => finding.status === "pass").length).toBeGreaterThan(30);
  });

  const matrix = Object.entries(PART_FAULTS).flatMap(([part, target]) => FAULT_KINDS.map((fault) => [part as PartName, fault, target] as const));
  it.each(matrix)("%s × %s: no check that read the failed part passes or is not applicable", async (part, fault, target) => {
    const outcome = await collectWith({ ...target, fault });
    const failedKeys = Object.entries(outcome.snapshot.parts)
      .filter(([, result]) => result.status === "error")
      .map(([key]) => key);
    if (part !== "sts.regionStatus") {
      // The fault reached its part: it failed (a disabled opt-in region is skipped, which is no error).
      const own = failedKeys.filter((key) => partOf(key) === part);
      const skippedOnly = Object.entries(outcome.snapshot.parts).some(([key, result]) => partOf(key) === part && result.status === "skipped");
      // A refused SCP read is an answer, not an error: the policies are "not readable", and the
      // evidence says they were not considered.
      const scp = outcome.snapshot.parts["organizations.serviceControlPolicies"];
      const scpNotReadable = part === "organizations.serviceControlPolicies" && fault === "access_denied" && scp?.status === "ok" && (scp.data as { answer: string }).answer === "not_readable";
      expect(own.length > 0 || (fault === "region_disabled" && skippedOnly) || scpNotReadable).toBe(true);
    }
    const violations = outcome.checks.flatMap(({ checkId, findings, partsRead }) => {
      const excused = JUDGED_FROM_OTHER_PARTS[checkId];
      const unexcused = failedKeys.filter((key) => partsRead.has(key) && !excused?.parts.includes(partOf(key)));
      return findings.flatMap((finding) => {
        if (finding.status !== "pass" && finding.status !== "not_applicable") return [];
        // A finding about one region depends on that region's parts and on global ones, not on another region's.
        // Without the region list the regions AWS enables by default are still examined; what the
        // list would have added is answered by the check's unknown finding for the regions not
        // examined, which must be there.
        const examinedRegionWithoutList = (key: string) =>
          partOf(key) === "ec2.regions" && finding.region !== undefined && finding.region !== UNEXAMINED_REGIONS && unexaminedIsUnknown(findings);
        const relevant = unexcused.filter(
          (key) => (finding.region === undefined || !key.includes("@") || key.endsWith(`@${finding.region}`)) && !examinedRegionWithoutList(key),
        );
        return relevant.length === 0 ? [] : [`${checkId} ${finding.resourceId}: ${finding.status} although ${relevant.join(", ")} failed (${finding.reason})`];
      });
    });
    expect(violations).toEqual([]);
    if (part === "sts.regionStatus" && fault !== "region_disabled") {
      // A probe that failed is no answer: that region's STS finding is unknown, never a pass.
      const probe = outcome.checks.find((check) => check.checkId === "sts.regions-unused-disabled")?.findings.find((finding) => finding.region === "eu-west-1");
      expect(probe?.status).toBe("unknown");
    }
  }, 30_000);
});
