/**
 * The security tooling account: where iamfit runs (its user holds the base credentials), the
 * organization's delegated administrator, the home of the organization trail. Well run: it
 * passes nearly every check, so it shows what "fit" looks like.
 */
import {
  allow,
  policyDocument,
  requireMfaDocument,
  serviceTrust,
  ADMINISTRATOR_ACCESS_ARN,
  accountTrust,
} from "@/lib/sandbox/policy-documents";
import { baseAccount, closeDefaultSecurityGroups, daysAgo } from "@/lib/sandbox/account-builder";
import { auditRole, customerPolicy, customerPolicyArn, group, role, user, mfaDevice } from "@/lib/sandbox/iam-builder";
import {
  addAnalyzers,
  addAutoScalingGroup,
  addBucket,
  addSecurityGroup,
  addTrail,
  ALL_BLOCKED,
} from "@/lib/sandbox/resource-builder";
import { BASE_USER_NAME, SANDBOX_BASE_CREDENTIALS } from "@/lib/sandbox/base-credentials";
import { CURATED_ACCOUNT_IDS } from "@/lib/sandbox/curated/account-ids";
import { OPT_IN_REGIONS } from "@/lib/sandbox/regions";
import type { CuratedAccountDefinition } from "@/lib/sandbox/curated/definition";

export const securityTooling: CuratedAccountDefinition = {
  identity: {
    accountId: CURATED_ACCOUNT_IDS.securityTooling,
    name: "security-tooling",
    env: "prod",
    team: "security",
    posture: "Well-run security tooling account where iamfit runs: hardware root MFA, MFA-enforced groups, org trail, every opt-in region enabled, Access Analyzer everywhere.",
    createdDaysAgo: 1400,
    // The auditing account enables every opt-in region, so its own setting never hides a member's
    // (opt-in regions must be enabled for the caller of sts:AssumeRole too).
    optedInRegions: [...OPT_IN_REGIONS],
    extraTags: { "cost-center": "sec-001" },
  },
  build(ctx) {
    const account = baseAccount(ctx, this.identity);
    account.globalEndpointTokenVersion = 2;
    account.organizationsFeatures = ["RootCredentialsManagement", "RootSessions"];
    account.root = {
      credentialsManagedCentrally: false,
      password: { lastUsed: daysAgo(ctx, 410) },
      mfa: mfaDevice(ctx, "<root_account>", "hardware", 1300),
      accessKeys: [],
    };
    account.passwordPolicy = {
      minimumPasswordLength: 16,
      requireSymbols: true,
      requireNumbers: true,
      requireUppercaseCharacters: true,
      requireLowercaseCharacters: true,
      allowUsersToChangePassword: true,
      maxPasswordAge: 90,
      passwordReusePrevention: 24,
      hardExpiry: false,
    };

    const requireMfa = customerPolicy(ctx, { name: "RequireMFA", createdDaysAgo: 1200, versions: [requireMfaDocument] });
    const assumeAudit = customerPolicy(ctx, {
      name: "iamfit-assume-audit-role",
      createdDaysAgo: 180,
      description: "Lets the iamfit auditor assume the audit role in every account",
      versions: [policyDocument(allow("sts:AssumeRole", "arn:aws:iam::*:role/iamfit-audit"))],
    });
    account.policies.push(requireMfa, assumeAudit);

    account.groups.push(
      group(ctx, { name: "admins", createdDaysAgo: 1300, attached: [ADMINISTRATOR_ACCESS_ARN] }),
      group(ctx, {
        name: "security-engineers",
        createdDaysAgo: 1300,
        attached: ["arn:aws:iam::aws:policy/SecurityAudit", "arn:aws:iam::aws:policy/ReadOnlyAccess"],
      }),
      group(ctx, { name: "mfa-required", createdDaysAgo: 1200, attached: [customerPolicyArn(ctx, "RequireMFA")] }),
      group(ctx, { name: "auditors", createdDaysAgo: 180, attached: [customerPolicyArn(ctx, "iamfit-assume-audit-role")] }),
    );

    const auditor = user(ctx, {
      name: BASE_USER_NAME,
      createdDaysAgo: 180,
      keys: [{ ageDays: 30, lastUsedDaysAgo: 0, region: "us-east-1", service: "sts" }],
      groups: ["auditors"],
      tags: { purpose: "iamfit collector" },
    });
    const firstKey = auditor.accessKeys[0];
    if (firstKey) firstKey.accessKeyId = SANDBOX_BASE_CREDENTIALS.accessKeyId;
    account.users.push(
      user(ctx, {
        name: "alice.nguyen",
        createdDaysAgo: 1250,
        console: { changedDaysAgo: 60, lastUsedDaysAgo: 1 },
        mfa: { kind: "hardware", enabledDaysAgo: 1200 },
        groups: ["admins", "mfa-required"],
        tags: { email: "alice.nguyen@example.com" },
      }),
      user(ctx, {
        name: "bilal.khan",
        createdDaysAgo: 700,
        console: { changedDaysAgo: 45, lastUsedDaysAgo: 3 },
        mfa: { kind: "virtual", enabledDaysAgo: 690 },
        groups: ["security-engineers", "mfa-required"],
      }),
      auditor,
    );

    account.roles.push(
      auditRole(ctx, accountTrust(ctx.baseAccountId, { externalId: ctx.externalId })),
      role(ctx, {
        name: "security-incident-responder",
        createdDaysAgo: 900,
        trust: accountTrust(ctx.accountId, { requireMfa: true }),
        description: "Break-glass role for incident response",
        attached: [ADMINISTRATOR_ACCESS_ARN],
        maxSessionDuration: 3600,
        lastUsedDaysAgo: 40,
      }),
      role(ctx, {
        name: "vuln-scanner-instance",
        createdDaysAgo: 400,
        trust: serviceTrust("ec2.amazonaws.com"),
        inline: [
          {
            name: "scanner-read",
            document: policyDocument(
              allow(["ec2:DescribeInstances", "ec2:DescribeImages", "inspector2:ListFindings"]),
              allow("s3:PutObject", `arn:aws:s3:::sectool-reports-${ctx.accountId}/*`),
            ),
          },
        ],
        attached: ["arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore"],
        instanceProfile: true,
        lastUsedDaysAgo: 0,
        lastUsedRegion: "eu-west-1",
      }),
      role(ctx, {
        name: "AWSServiceRoleForAccessAnalyzer",
        path: "/aws-service-role/access-analyzer.amazonaws.com/",
        createdDaysAgo: 800,
        trust: serviceTrust("access-analyzer.amazonaws.com"),
        attached: ["arn:aws:iam::aws:policy/aws-service-role/AccessAnalyzerServiceRolePolicy"],
        lastUsedDaysAgo: 0,
      }),
    );

    closeDefaultSecurityGroups(account);
    const scannerSg = addSecurityGroup(ctx, account, { region: "eu-west-1", name: "vuln-scanner", ingress: [] });
    addAutoScalingGroup(ctx, account, {
      region: "eu-west-1",
      name: "vuln-scanner",
      minSize: 1,
      maxSize: 4,
      desiredCapacity: 1,
      createdDaysAgo: 380,
      instanceProfileName: "vuln-scanner-instance",
      securityGroupIds: [scannerSg.groupId],
      policies: ["TargetTrackingScaling"],
    });

    const logBucket = `sectool-cloudtrail-logs-${ctx.accountId}`;
    addBucket(ctx, account, {
      name: logBucket,
      region: "eu-west-1",
      createdDaysAgo: 1300,
      publicAccessBlock: ALL_BLOCKED,
      policy: policyDocument(
        {
          sid: "AWSCloudTrailWrite",
          principal: { Service: "cloudtrail.amazonaws.com" },
          action: "s3:PutObject",
          resource: `arn:aws:s3:::${logBucket}/AWSLogs/*`,
          condition: { StringEquals: { "aws:SourceOrgID": ctx.organizationId, "s3:x-amz-acl": "bucket-owner-full-control" } },
        },
        {
          sid: "AWSCloudTrailAclCheck",
          principal: { Service: "cloudtrail.amazonaws.com" },
          action: "s3:GetBucketAcl",
          resource: `arn:aws:s3:::${logBucket}`,
        },
      ),
    });
    addBucket(ctx, account, {
      name: `sectool-reports-${ctx.accountId}`,
      region: "us-east-1",
      createdDaysAgo: 400,
      publicAccessBlock: ALL_BLOCKED,
    });
    account.accountPublicAccessBlock = ALL_BLOCKED;

    addTrail(ctx, account, {
      name: "org-trail",
      homeRegion: "us-east-1",
      multiRegion: true,
      organization: true,
      s3BucketName: logBucket,
      logging: true,
    });
    addAnalyzers(ctx, account, "all", "ORGANIZATION");
    return account;
  },
};
