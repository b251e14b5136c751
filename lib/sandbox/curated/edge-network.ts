/**
 * The edge network: STS deactivated in every region it does not use (seed 003's advice), but
 * the global STS endpoint still issues version 1 tokens although two opt-in regions are
 * enabled, and one AutoScaling group cannot scale (max == min, no policy).
 */
import { baseAccount, closeDefaultSecurityGroups, daysAgo, enabledRegions, tcpRule } from "@/lib/sandbox/account-builder";
import { auditRole, mfaDevice, role } from "@/lib/sandbox/iam-builder";
import { CURATED_ACCOUNT_IDS } from "@/lib/sandbox/curated/account-ids";
import type { CuratedAccountDefinition } from "@/lib/sandbox/curated/definition";
import { accountTrust, ADMINISTRATOR_ACCESS_ARN, samlTrust, serviceTrust } from "@/lib/sandbox/policy-documents";
import { addAnalyzers, addAutoScalingGroup, addSecurityGroup, addTrail, ALL_BLOCKED } from "@/lib/sandbox/resource-builder";
import { STS_ALWAYS_ACTIVE_REGION } from "@/lib/sandbox/regions";

const USED_REGIONS = ["us-east-1", "eu-west-1", "af-south-1", "me-south-1"];

export const edgeNetwork: CuratedAccountDefinition = {
  identity: {
    accountId: CURATED_ACCOUNT_IDS.edgeNetwork,
    name: "edge-network",
    env: "prod",
    team: "networking",
    posture: "Edge network: STS deactivated outside the regions in use, but global STS tokens are v1 with opt-in regions enabled; one fixed-size AutoScaling group.",
    createdDaysAgo: 1200,
    optedInRegions: ["af-south-1", "me-south-1"],
  },
  build(ctx) {
    const account = baseAccount(ctx, this.identity);
    account.globalEndpointTokenVersion = 1;
    account.stsDeactivatedRegions = enabledRegions(account).filter(
      (region) => !USED_REGIONS.includes(region) && region !== STS_ALWAYS_ACTIVE_REGION,
    );
    account.root = {
      credentialsManagedCentrally: false,
      password: { lastUsed: daysAgo(ctx, 500) },
      mfa: mfaDevice(ctx, "<root_account>", "hardware", 1100),
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

    account.roles.push(
      auditRole(ctx, accountTrust(ctx.baseAccountId, { externalId: ctx.externalId })),
      role(ctx, {
        name: "AWSReservedSSO_NetworkAdmin_9d3e7a1b5c2f4e60",
        path: "/aws-reserved/sso.amazonaws.com/",
        createdDaysAgo: 800,
        trust: samlTrust(ctx.accountId, "AWSSSO_2b8e4c1f9a7d3e56_DO_NOT_DELETE"),
        attached: [ADMINISTRATOR_ACCESS_ARN],
        maxSessionDuration: 3600,
        lastUsedDaysAgo: 6,
      }),
      role(ctx, {
        name: "edge-proxy-instance",
        createdDaysAgo: 900,
        trust: serviceTrust("ec2.amazonaws.com"),
        attached: ["arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore"],
        instanceProfile: true,
        lastUsedDaysAgo: 0,
        lastUsedRegion: "af-south-1",
      }),
    );

    closeDefaultSecurityGroups(account);
    for (const region of ["eu-west-1", "af-south-1", "me-south-1"]) {
      const proxy = addSecurityGroup(ctx, account, {
        region,
        name: "edge-proxy",
        ingress: [tcpRule(443, { ipv4: ["0.0.0.0/0"], ipv6: ["::/0"] }), tcpRule(22, { ipv4: ["198.51.100.0/24"] })],
      });
      const fixed = region === "af-south-1";
      addAutoScalingGroup(ctx, account, {
        region,
        name: `edge-proxy-${region}`,
        minSize: 2,
        maxSize: fixed ? 2 : 10,
        desiredCapacity: 2,
        createdDaysAgo: 700,
        instanceType: "c6gn.large",
        instanceProfileName: "edge-proxy-instance",
        securityGroupIds: [proxy.groupId],
        policies: fixed ? [] : ["TargetTrackingScaling"],
      });
    }

    account.accountPublicAccessBlock = ALL_BLOCKED;
    addTrail(ctx, account, {
      name: "edge-trail",
      homeRegion: "us-east-1",
      multiRegion: true,
      s3BucketName: `edge-cloudtrail-${ctx.accountId}`,
      logging: true,
    });
    addAnalyzers(ctx, account, "all");
    return account;
  },
};
