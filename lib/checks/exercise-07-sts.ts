/**
 * Exercise 7, "Use IAM Roles with STS AssumeRole Where Possible" (seed 003: turn STS off in
 * regions you do not use, keep sessions short, protect cross-account roles with MFA; AWS: third
 * parties present an ExternalId).
 */
import { trustPolicyAnalysis, type TrustedPrincipal } from "@/lib/policy/trust-policy";
import { activeKeys, isTrue, rowEvidence, userRows } from "./credential-report";
import { DEFAULT_ENABLED_REGIONS } from "@/lib/aws/regions";
import type { AccountSnapshot } from "@/lib/snapshot/schema";
import { asEvidence, makeFinding, unknownForAccount, unknownForRegion } from "./findings";
import { isServiceLinkedRole } from "./iam-analysis";
import { globalPart, unexaminedRegions } from "./part-access";
import { regionUsage } from "./region-usage";
import type { CheckDefinition, Finding } from "./types";

/** The global endpoint cannot be deactivated (seed 003; AWS STS regional endpoints docs). */
const ALWAYS_ACTIVE_REGION = "us-east-1";

/**
 * Regions the account had to enable itself. DescribeRegions says so; without it, every region
 * outside the default-enabled list may be one. STS in such a region answers AssumeRole only
 * when the region is active in the requesting account as well as the role's account
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_temp_enable-regions.html),
 * so a RegionDisabledException there may describe iamfit's own account, not the audited one.
 */
function isOptInRegion(snapshot: AccountSnapshot, region: string): boolean {
  const regions = globalPart(snapshot, "ec2.regions");
  const listed = regions.available ? regions.data.find((entry) => entry.regionName === region) : undefined;
  if (listed) return listed.optInStatus !== "opt-in-not-required";
  return !(DEFAULT_ENABLED_REGIONS as readonly string[]).includes(region);
}

export const stsRegionsUnusedDisabled: CheckDefinition = {
  id: "sts.regions-unused-disabled",
  exercise: 7,
  title: "STS is active only in regions the account uses",
  severity: "medium",
  why: "Every region where STS is active is a place where stolen credentials can be exchanged for tokens; switching off unused regions shrinks that surface (AWS Advent 2016).",
  evaluate(snapshot) {
    const status = globalPart(snapshot, "sts.regionStatus");
    if (!status.available) return [unknownForAccount(stsRegionsUnusedDisabled, snapshot, [status.unavailable])];
    const usage = regionUsage(snapshot);
    const unexamined = unexaminedRegions(snapshot);
    const probed = [...status.data.regions]
      .sort((a, b) => a.region.localeCompare(b.region))
      .map((state): Finding => {
        const usedBy = usage.usedBy(state.region);
        const base = {
          resourceId: `arn:aws:sts:${state.region}:${snapshot.accountId}:regional-endpoint`,
          resourceType: "region" as const,
          resourceName: state.region,
          region: state.region,
          evidence: { region: state.region, status: state.status, errorCode: state.errorCode ?? null, probedAs: status.data.probedAs, usedBy },
        };
        if (state.region === ALWAYS_ACTIVE_REGION) {
          return makeFinding(stsRegionsUnusedDisabled, { ...base, status: "not_applicable", reason: "us-east-1 serves the global STS endpoint and cannot be deactivated." });
        }
        if (state.status === "unknown") {
          return makeFinding(stsRegionsUnusedDisabled, { ...base, status: "unknown", reason: `The STS probe in ${state.region} failed${state.errorCode ? ` (${state.errorCode})` : ""}.` });
        }
        if (state.status === "disabled" && isOptInRegion(snapshot, state.region)) {
          return makeFinding(stsRegionsUnusedDisabled, {
            ...base,
            evidence: { ...base.evidence, optInRegion: true },
            status: "unknown",
            reason: `STS refused iamfit in ${state.region} as deactivated, but in a region an account must enable itself STS must be active in iamfit's own account as well, so the refusal may come from iamfit's side.`,
          });
        }
        if (state.status === "disabled") {
          return makeFinding(stsRegionsUnusedDisabled, { ...base, status: "pass", reason: `STS is deactivated in ${state.region}.` });
        }
        if (usedBy.length > 0) {
          return makeFinding(stsRegionsUnusedDisabled, { ...base, status: "pass", reason: `STS is active in ${state.region}, which the account uses (${usedBy.join(", ")}).` });
        }
        const blind = usage.unavailableFor(state.region);
        if (blind.length > 0) {
          return makeFinding(stsRegionsUnusedDisabled, {
            ...base,
            status: "unknown",
            reason: `STS is active in ${state.region}; whether the region is used cannot be told because ${blind.map((part) => part.reason).join("; ")}.`,
          });
        }
        return makeFinding(stsRegionsUnusedDisabled, {
          ...base,
          status: "fail",
          reason: `STS is active in ${state.region}, where iamfit saw no instances, custom security groups, Auto Scaling groups, buckets, trails, or key or role use.`,
        });
      });
    return unexamined ? [...probed, unknownForRegion(stsRegionsUnusedDisabled, unexamined.region ?? "", [unexamined])] : probed;
  },
};

export const stsGlobalTokenV2: CheckDefinition = {
  id: "sts.global-token-v2",
  exercise: 7,
  title: "The global STS endpoint issues tokens valid in opt-in regions",
  severity: "low",
  why: "Version 1 tokens from the global endpoint are rejected in opt-in regions, which pushes people to workarounds such as long-lived keys; accounts using opt-in regions need version 2.",
  evaluate(snapshot) {
    const summary = globalPart(snapshot, "iam.accountSummary");
    const regions = globalPart(snapshot, "ec2.regions");
    if (!summary.available || !regions.available) {
      return [unknownForAccount(stsGlobalTokenV2, snapshot, [summary, regions].flatMap((part) => (part.available ? [] : [part.unavailable])))];
    }
    const optedIn = regions.data.filter((region) => region.optInStatus === "opted-in").map((region) => region.regionName).sort();
    const version = summary.data.GlobalEndpointTokenVersion;
    const base = {
      resourceId: `arn:aws:sts::${snapshot.accountId}:global-endpoint`,
      resourceType: "account" as const,
      resourceName: "global STS endpoint",
      evidence: { GlobalEndpointTokenVersion: version ?? null, optedInRegions: optedIn },
    };
    const statusUnknown = regions.data.filter((region) => region.optInStatus === undefined).map((region) => region.regionName).sort();
    if (optedIn.length === 0 && statusUnknown.length > 0) {
      return [
        makeFinding(stsGlobalTokenV2, {
          ...base,
          evidence: { ...base.evidence, regionsWithoutOptInStatus: statusUnknown },
          status: "unknown",
          reason: `DescribeRegions did not say whether ${statusUnknown.join(", ")} are opt-in regions.`,
        }),
      ];
    }
    if (optedIn.length === 0) {
      return [makeFinding(stsGlobalTokenV2, { ...base, status: "not_applicable", reason: "No opt-in region is enabled, so version 1 tokens work everywhere the account runs." })];
    }
    if (version === undefined) {
      return [makeFinding(stsGlobalTokenV2, { ...base, status: "unknown", reason: "GetAccountSummary did not report GlobalEndpointTokenVersion." })];
    }
    return [
      makeFinding(stsGlobalTokenV2, {
        ...base,
        status: version >= 2 ? "pass" : "fail",
        reason:
          version >= 2
            ? `The global endpoint issues version ${version} tokens, valid in the opt-in regions ${optedIn.join(", ")}.`
            : `The global endpoint issues version 1 tokens, which ${optedIn.join(", ")} reject.`,
      }),
    ];
  },
};

function principalVerdict(principal: TrustedPrincipal): string | undefined {
  if (principal.kind === "everyone" && !principal.restrictedByCondition) return "anyone may assume it";
  if (principal.requiresExternalId || principal.requiresMfa) return undefined;
  return `${principal.principal} may assume it without an ExternalId or MFA`;
}

export const rolesCrossAccountConditions: CheckDefinition = {
  id: "roles.cross-account-conditions",
  exercise: 7,
  title: "Roles trusted by other accounts require an ExternalId or MFA, and none trust everyone",
  severity: "high",
  why: "A role another account can assume is only as safe as that account; MFA keeps a stolen key from being enough, and an ExternalId stops a third party being tricked into using its access for someone else.",
  evaluate(snapshot) {
    const details = globalPart(snapshot, "iam.authorizationDetails");
    if (!details.available) return [unknownForAccount(rolesCrossAccountConditions, snapshot, [details.unavailable])];
    return details.data.roles
      .filter((role) => !isServiceLinkedRole(role))
      .flatMap((role): Finding[] => {
        const base = { resourceId: role.arn, resourceType: "role" as const, resourceName: role.roleName };
        const trust = trustPolicyAnalysis(role.assumeRolePolicyDocument, snapshot.accountId);
        if (!trust.ok) {
          return [
            makeFinding(rolesCrossAccountConditions, {
              ...base,
              status: "unknown",
              evidence: { arn: role.arn, error: { kind: trust.error.kind, message: trust.error.message } },
              reason: `The trust policy of ${role.roleName} could not be read: ${trust.error.message}.`,
            }),
          ];
        }
        if (trust.crossAccount.length === 0) return [];
        const problems = trust.crossAccount.flatMap((principal) => {
          const problem = principalVerdict(principal);
          return problem ? [problem] : [];
        });
        const evidence = asEvidence({
          arn: role.arn,
          crossAccount: trust.crossAccount.map((principal) => ({
            principal: principal.principal,
            requiresExternalId: principal.requiresExternalId,
            requiresMfa: principal.requiresMfa,
            restrictedByCondition: principal.restrictedByCondition,
            statement: principal.statement,
          })),
        });
        return [
          makeFinding(rolesCrossAccountConditions, {
            ...base,
            status: problems.length > 0 ? "fail" : "pass",
            ...(trust.trustsEveryone ? { severity: "critical" as const } : {}),
            evidence,
            reason:
              problems.length > 0
                ? `${role.roleName}: ${problems.join("; ")}.`
                : `Every account trusted by ${role.roleName} must present an ExternalId or MFA.`,
          }),
        ];
      });
  },
};

export const rolesShortSessions: CheckDefinition = {
  id: "roles.short-sessions",
  exercise: 7,
  title: "Roles people assume have short sessions",
  severity: "medium",
  why: "STS tokens cannot be revoked; a short maximum session keeps a departed person's or a stolen session's access from outliving the identity behind it (AWS Advent 2016).",
  evaluate(snapshot, thresholds) {
    const details = globalPart(snapshot, "iam.authorizationDetails");
    if (!details.available) return [unknownForAccount(rolesShortSessions, snapshot, [details.unavailable])];
    return details.data.roles
      .filter((role) => !isServiceLinkedRole(role))
      .flatMap((role): Finding[] => {
        const trust = trustPolicyAnalysis(role.assumeRolePolicyDocument, snapshot.accountId);
        const base = { resourceId: role.arn, resourceType: "role" as const, resourceName: role.roleName };
        if (!trust.ok) {
          return [makeFinding(rolesShortSessions, { ...base, status: "unknown", evidence: { arn: role.arn, error: trust.error.kind }, reason: `The trust policy of ${role.roleName} could not be read.` })];
        }
        if (!trust.humanAssumable) return [];
        // IAM's default MaxSessionDuration is one hour.
        const seconds = role.maxSessionDuration ?? 3600;
        return [
          makeFinding(rolesShortSessions, {
            ...base,
            status: seconds <= thresholds.maxSessionSeconds ? "pass" : "fail",
            evidence: { arn: role.arn, maxSessionDuration: seconds, humanPrincipals: trust.principals.filter((p) => p.human).map((p) => p.principal).sort() },
            reason: `${role.roleName} can be assumed by people and allows sessions of ${seconds / 3600} h (limit ${thresholds.maxSessionSeconds / 3600} h).`,
          }),
        ];
      });
  },
};

export const usersHumansViaRoles: CheckDefinition = {
  id: "users.humans-via-roles",
  exercise: 7,
  title: "People use roles or SSO, not long-lived access keys",
  severity: "medium",
  why: "A person with an access key carries a permanent credential on a laptop; assuming a role gives the same access as a short-lived, MFA-protected session (AWS Advent 2016).",
  evaluate(snapshot) {
    const report = globalPart(snapshot, "iam.credentialReport");
    if (!report.available) return [unknownForAccount(usersHumansViaRoles, snapshot, [report.unavailable])];
    return userRows(report.data)
      .filter((row) => isTrue(row.password_enabled))
      .map((row) => {
        const keys = activeKeys(row);
        return makeFinding(usersHumansViaRoles, {
          resourceId: row.arn,
          resourceType: "user",
          resourceName: row.user,
          status: keys.length > 0 ? "fail" : "pass",
          evidence: rowEvidence(row, ["password_enabled", "access_key_1_active", "access_key_2_active"]),
          reason: keys.length > 0 ? `${row.user} signs in to the console and also holds ${keys.length} active access key${keys.length > 1 ? "s" : ""}.` : `${row.user} has no long-lived access key.`,
        });
      });
  },
};

export const EXERCISE_07_CHECKS: CheckDefinition[] = [
  stsRegionsUnusedDisabled,
  stsGlobalTokenV2,
  rolesCrossAccountConditions,
  rolesShortSessions,
  usersHumansViaRoles,
];
