/**
 * Staging web stack: root credentials removed centrally (no password, keys or MFA at all), a
 * fixed-size AutoScaling group without a scaling policy, a multi-region trail whose logging
 * was stopped, and names chosen to break careless rendering (HTML, script, CSV formula).
 */
import { baseAccount, closeDefaultSecurityGroups, tcpRule } from "@/lib/sandbox/account-builder";
import { auditRole, group, role, user } from "@/lib/sandbox/iam-builder";
import { CURATED_ACCOUNT_IDS } from "@/lib/sandbox/curated/account-ids";
import type { CuratedAccountDefinition } from "@/lib/sandbox/curated/definition";
import { accountTrust, allow, policyDocument, serviceTrust } from "@/lib/sandbox/policy-documents";
import {
  addAnalyzers,
  addAutoScalingGroup,
  addBucket,
  addSecurityGroup,
  addTrail,
  ALL_BLOCKED,
} from "@/lib/sandbox/resource-builder";

/** Names no real IAM would accept, but that iamfit must render and export without executing. */
export const HOSTILE_NAMES = {
  user: "<img src=x onerror=alert(1)>",
  tagValue: `"'><script>alert(document.domain)</script>`,
  group: `=HYPERLINK("http://x")`,
  securityGroupDescription: "<b>staging</b> web & api",
} as const;

export const stagingWeb: CuratedAccountDefinition = {
  identity: {
    accountId: CURATED_ACCOUNT_IDS.stagingWeb,
    name: "staging-web",
    env: "staging",
    team: "web",
    posture: "Staging web: root credentials managed centrally, fixed-size AutoScaling group, stopped trail, hostile resource names.",
    createdDaysAgo: 400,
  },
  build(ctx) {
    const account = baseAccount(ctx, this.identity);
    account.globalEndpointTokenVersion = 2;
    account.root = { credentialsManagedCentrally: true, accessKeys: [] };
    account.passwordPolicy = {
      minimumPasswordLength: 14,
      requireSymbols: true,
      requireNumbers: true,
      requireUppercaseCharacters: true,
      requireLowercaseCharacters: true,
      allowUsersToChangePassword: true,
      passwordReusePrevention: 5,
      hardExpiry: false,
    };

    account.groups.push(
      group(ctx, { name: HOSTILE_NAMES.group, createdDaysAgo: 300, attached: ["arn:aws:iam::aws:policy/ReadOnlyAccess"] }),
    );
    account.users.push(
      user(ctx, {
        name: HOSTILE_NAMES.user,
        createdDaysAgo: 250,
        console: { changedDaysAgo: 30, lastUsedDaysAgo: 2 },
        mfa: { kind: "virtual", enabledDaysAgo: 240 },
        groups: [HOSTILE_NAMES.group],
        tags: { note: HOSTILE_NAMES.tagValue },
      }),
    );

    const assets = `staging-web-assets-${ctx.accountId}`;
    account.roles.push(
      auditRole(ctx, accountTrust(ctx.baseAccountId, { externalId: ctx.externalId })),
      role(ctx, {
        name: "web-staging-instance",
        createdDaysAgo: 350,
        trust: serviceTrust("ec2.amazonaws.com"),
        inline: [{ name: "assets-read", document: policyDocument(allow("s3:GetObject", `arn:aws:s3:::${assets}/*`)) }],
        instanceProfile: true,
        lastUsedDaysAgo: 0,
        tags: { owner: HOSTILE_NAMES.tagValue },
      }),
    );

    closeDefaultSecurityGroups(account);
    const web = addSecurityGroup(ctx, account, {
      region: "us-east-1",
      name: "web-staging",
      description: HOSTILE_NAMES.securityGroupDescription,
      ingress: [tcpRule(443, { ipv4: ["0.0.0.0/0"] })],
      tags: { owner: HOSTILE_NAMES.tagValue },
    });
    addAutoScalingGroup(ctx, account, {
      region: "us-east-1",
      name: "web-staging",
      minSize: 2,
      maxSize: 2,
      desiredCapacity: 2,
      createdDaysAgo: 300,
      instanceProfileName: "web-staging-instance",
      securityGroupIds: [web.groupId],
      targetGroupName: "web-staging",
    });

    addBucket(ctx, account, {
      name: assets,
      region: "us-east-1",
      createdDaysAgo: 350,
      publicAccessBlock: ALL_BLOCKED,
      tags: { owner: HOSTILE_NAMES.tagValue },
    });
    account.accountPublicAccessBlock = ALL_BLOCKED;
    addTrail(ctx, account, {
      name: "staging-trail",
      homeRegion: "us-east-1",
      multiRegion: true,
      s3BucketName: assets,
      logging: false,
      stoppedDaysAgo: 20,
    });
    addAnalyzers(ctx, account, ["us-east-1"]);
    return account;
  },
};
