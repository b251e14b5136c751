/**
 * The data lake: account-level Block Public Access only half on, one bucket public through its
 * policy, others restricted by conditions, and a policy whose Sids and condition values carry
 * unusual Unicode (right-to-left override, zero-width joiner, emoji) that must survive intact.
 */
import { baseAccount, closeDefaultSecurityGroups, daysAgo, tcpRule } from "@/lib/sandbox/account-builder";
import { auditRole, group, mfaDevice, role, user } from "@/lib/sandbox/iam-builder";
import { CURATED_ACCOUNT_IDS } from "@/lib/sandbox/curated/account-ids";
import type { CuratedAccountDefinition } from "@/lib/sandbox/curated/definition";
import { accountTrust, allow, policyDocument, serviceTrust } from "@/lib/sandbox/policy-documents";
import {
  addAnalyzers,
  addBucket,
  addInstance,
  addSecurityGroup,
  addTrail,
  ALL_BLOCKED,
} from "@/lib/sandbox/resource-builder";

/** U+202E RIGHT-TO-LEFT OVERRIDE: renders "AllowPartnerRead\u202Efdp.exe" as "AllowPartnerReadexe.pdf". */
export const RTL_OVERRIDE_SID = "AllowPartnerRead\u202Efdp.exe";
/** U+200D ZERO WIDTH JOINER inside a tag value: looks like "dataplatform", is not equal to it. */
export const ZWJ_TEAM_VALUE = "data\u200Dplatform";
export const EMOJI_SID = "\u{1F4CA}AnalyticsReadOnly\u{1F469}\u200D\u{1F4BB}";

export const dataLake: CuratedAccountDefinition = {
  identity: {
    accountId: CURATED_ACCOUNT_IDS.dataLake,
    name: "data-lake",
    env: "prod",
    team: "data-platform",
    posture: "Data lake: account Block Public Access only partly on, one public bucket policy, policies with unusual Unicode.",
    createdDaysAgo: 1000,
    optedInRegions: ["eu-central-2"],
  },
  build(ctx) {
    const account = baseAccount(ctx, this.identity);
    account.globalEndpointTokenVersion = 2;
    account.root = {
      credentialsManagedCentrally: false,
      password: { lastUsed: daysAgo(ctx, 300) },
      mfa: mfaDevice(ctx, "<root_account>", "hardware", 950),
      accessKeys: [],
    };
    account.passwordPolicy = {
      minimumPasswordLength: 14,
      requireSymbols: true,
      requireNumbers: true,
      requireUppercaseCharacters: true,
      requireLowercaseCharacters: true,
      allowUsersToChangePassword: true,
      passwordReusePrevention: 24,
      hardExpiry: false,
    };

    const raw = `datalake-raw-${ctx.accountId}`;
    const curated = `datalake-curated-${ctx.accountId}`;
    const exports = `datalake-exports-${ctx.accountId}`;

    account.groups.push(
      group(ctx, {
        name: "bi-readers",
        createdDaysAgo: 500,
        inline: [
          {
            name: "athena-read",
            document: policyDocument(
              allow(["athena:StartQueryExecution", "athena:GetQueryResults"], `arn:aws:athena:eu-central-1:${ctx.accountId}:workgroup/bi`),
              allow(["s3:GetObject", "s3:ListBucket"], [`arn:aws:s3:::${curated}`, `arn:aws:s3:::${curated}/*`]),
            ),
          },
        ],
      }),
    );
    account.users.push(
      user(ctx, {
        name: "tableau-connector",
        createdDaysAgo: 500,
        keys: [{ ageDays: 80, lastUsedDaysAgo: 1, region: "eu-central-1", service: "athena" }],
        groups: ["bi-readers"],
        tags: { team: ZWJ_TEAM_VALUE },
      }),
    );

    account.roles.push(
      auditRole(ctx, accountTrust(ctx.baseAccountId, { externalId: ctx.externalId })),
      role(ctx, {
        name: "glue-crawler",
        path: "/service-role/",
        createdDaysAgo: 700,
        trust: serviceTrust("glue.amazonaws.com"),
        attached: ["arn:aws:iam::aws:policy/service-role/AWSGlueServiceRole"],
        inline: [{ name: "raw-read", document: policyDocument(allow(["s3:GetObject", "s3:ListBucket"], [`arn:aws:s3:::${raw}`, `arn:aws:s3:::${raw}/*`])) }],
        lastUsedDaysAgo: 0,
        lastUsedRegion: "eu-central-1",
      }),
      role(ctx, {
        name: "emr-ec2-instance",
        createdDaysAgo: 600,
        trust: serviceTrust("ec2.amazonaws.com"),
        inline: [
          {
            name: "lake-read-write",
            document: policyDocument(
              allow(["s3:GetObject", "s3:PutObject", "s3:ListBucket"], [`arn:aws:s3:::${raw}/*`, `arn:aws:s3:::${curated}/*`]),
            ),
          },
        ],
        instanceProfile: true,
        lastUsedDaysAgo: 0,
        lastUsedRegion: "eu-central-1",
      }),
      role(ctx, {
        name: "analyst-readonly",
        createdDaysAgo: 650,
        trust: accountTrust(ctx.baseAccountId, { requireMfa: true }),
        attached: ["arn:aws:iam::aws:policy/ReadOnlyAccess"],
        maxSessionDuration: 3600,
        lastUsedDaysAgo: 4,
        tags: { team: ZWJ_TEAM_VALUE },
      }),
    );

    closeDefaultSecurityGroups(account);
    const emr = addSecurityGroup(ctx, account, {
      region: "eu-central-1",
      name: "emr-primary",
      ingress: [tcpRule(8443, { ipv4: ["10.0.0.0/8"] })],
    });
    for (const name of ["emr-primary-1", "emr-core-1"]) {
      addInstance(ctx, account, {
        region: "eu-central-1",
        name,
        instanceType: "r6g.xlarge",
        launchedDaysAgo: 3,
        instanceProfileName: "emr-ec2-instance",
        securityGroupIds: [emr.groupId],
      });
    }

    // Half on: ACLs blocked, public policies still allowed.
    account.accountPublicAccessBlock = {
      blockPublicAcls: true,
      ignorePublicAcls: true,
      blockPublicPolicy: false,
      restrictPublicBuckets: false,
    };
    addBucket(ctx, account, {
      name: raw,
      region: "eu-central-1",
      createdDaysAgo: 900,
      publicAccessBlock: ALL_BLOCKED,
      policy: policyDocument(
        {
          sid: RTL_OVERRIDE_SID,
          principal: { AWS: `arn:aws:iam::${ctx.accountId}:root` },
          action: "s3:GetObject",
          resource: `arn:aws:s3:::${raw}/*`,
          condition: { StringEquals: { "aws:PrincipalTag/team": ZWJ_TEAM_VALUE } },
        },
        {
          sid: EMOJI_SID,
          principal: "*",
          action: ["s3:GetObject", "s3:ListBucket"],
          resource: [`arn:aws:s3:::${raw}`, `arn:aws:s3:::${raw}/*`],
          condition: { StringEquals: { "aws:PrincipalOrgID": ctx.organizationId } },
        },
      ),
    });
    addBucket(ctx, account, {
      name: curated,
      region: "eu-central-1",
      createdDaysAgo: 800,
      policy: policyDocument({
        sid: "OfficeOnly",
        principal: "*",
        action: "s3:GetObject",
        resource: `arn:aws:s3:::${curated}/*`,
        condition: { IpAddress: { "aws:SourceIp": ["203.0.113.0/24", "2001:db8::/32"] } },
      }),
    });
    addBucket(ctx, account, {
      name: exports,
      region: "us-east-1",
      createdDaysAgo: 300,
      policy: policyDocument({
        sid: "PartnerDownloads",
        principal: { AWS: "*" },
        action: "s3:GetObject",
        resource: `arn:aws:s3:::${exports}/*`,
      }),
      tags: { owner: "partnerships", note: "shared with \u{1F91D} partners" },
    });

    addTrail(ctx, account, {
      name: "datalake-trail",
      homeRegion: "eu-central-1",
      multiRegion: true,
      s3BucketName: raw,
      logging: true,
    });
    addAnalyzers(ctx, account, ["eu-central-1", "us-east-1"]);
    return account;
  },
};
