/**
 * Production payments: no IAM users at all (people come in through SSO and roles), roles
 * scoped to single resources, instances in scaling AutoScaling groups. Passes almost
 * everything; only STS is left active in regions it does not use.
 */
import { baseAccount, closeDefaultSecurityGroups, daysAgo, tcpRule } from "@/lib/sandbox/account-builder";
import { auditRole, customerPolicy, customerPolicyArn, mfaDevice, role } from "@/lib/sandbox/iam-builder";
import { CURATED_ACCOUNT_IDS } from "@/lib/sandbox/curated/account-ids";
import type { CuratedAccountDefinition } from "@/lib/sandbox/curated/definition";
import {
  accountTrust,
  ADMINISTRATOR_ACCESS_ARN,
  allow,
  policyDocument,
  samlTrust,
  serviceTrust,
} from "@/lib/sandbox/policy-documents";
import {
  addAnalyzers,
  addAutoScalingGroup,
  addBucket,
  addSecurityGroup,
  addTrail,
  ALL_BLOCKED,
} from "@/lib/sandbox/resource-builder";

/** A CI/CD vendor outside the organization; it assumes the deploy role with an ExternalId. */
const CI_VENDOR_ACCOUNT_ID = "912345678901";

export const prodPayments: CuratedAccountDefinition = {
  identity: {
    accountId: CURATED_ACCOUNT_IDS.prodPayments,
    name: "prod-payments",
    env: "prod",
    team: "payments",
    posture: "Production payments platform: SSO only, scoped roles, scaling AutoScaling groups; passes almost everything.",
    createdDaysAgo: 1100,
    extraTags: { "data-classification": "pci" },
  },
  build(ctx) {
    const account = baseAccount(ctx, this.identity);
    account.globalEndpointTokenVersion = 2;
    account.root = {
      credentialsManagedCentrally: false,
      password: { lastUsed: daysAgo(ctx, 200) },
      mfa: mfaDevice(ctx, "<root_account>", "hardware", 1000),
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

    const receiptsBucket = `payments-receipts-${ctx.accountId}`;
    const deployPolicy = customerPolicy(ctx, {
      name: "payments-deploy",
      createdDaysAgo: 600,
      versions: [
        policyDocument(allow("ecs:UpdateService")),
        policyDocument(
          allow(["ecs:UpdateService", "ecs:DescribeServices"], `arn:aws:ecs:us-east-1:${ctx.accountId}:service/payments/*`),
          allow(["ecr:PutImage", "ecr:InitiateLayerUpload", "ecr:UploadLayerPart", "ecr:CompleteLayerUpload"], `arn:aws:ecr:us-east-1:${ctx.accountId}:repository/payments-api`),
        ),
      ],
    });
    account.policies.push(deployPolicy);

    account.roles.push(
      auditRole(ctx, accountTrust(ctx.baseAccountId, { externalId: ctx.externalId })),
      role(ctx, {
        name: "AWSReservedSSO_AdministratorAccess_4f1c2a9e8b7d6c5a",
        path: "/aws-reserved/sso.amazonaws.com/",
        createdDaysAgo: 900,
        trust: samlTrust(ctx.accountId, "AWSSSO_2b8e4c1f9a7d3e56_DO_NOT_DELETE"),
        attached: [ADMINISTRATOR_ACCESS_ARN],
        maxSessionDuration: 3600,
        lastUsedDaysAgo: 2,
      }),
      role(ctx, {
        name: "oncall-readonly",
        createdDaysAgo: 700,
        trust: accountTrust(ctx.baseAccountId, { requireMfa: true }),
        attached: ["arn:aws:iam::aws:policy/ReadOnlyAccess"],
        maxSessionDuration: 3600,
        lastUsedDaysAgo: 5,
      }),
      role(ctx, {
        name: "ci-deploy",
        createdDaysAgo: 600,
        trust: accountTrust(CI_VENDOR_ACCOUNT_ID, { externalId: "ci-vendor-5b1f0d2c" }),
        attached: [customerPolicyArn(ctx, "payments-deploy")],
        maxSessionDuration: 3600,
        lastUsedDaysAgo: 0,
      }),
      role(ctx, {
        name: "payments-api-instance",
        createdDaysAgo: 800,
        trust: serviceTrust("ec2.amazonaws.com"),
        inline: [
          {
            name: "payments-data",
            document: policyDocument(
              allow(["dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:Query"], `arn:aws:dynamodb:us-east-1:${ctx.accountId}:table/payments`),
              allow("s3:PutObject", `arn:aws:s3:::${receiptsBucket}/*`),
              allow("kms:Decrypt", `arn:aws:kms:us-east-1:${ctx.accountId}:key/7c0e5a3b-2f4d-4e8a-9b1c-6d2f8a0e4b13`),
            ),
          },
        ],
        attached: ["arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore"],
        instanceProfile: true,
        lastUsedDaysAgo: 0,
      }),
    );

    closeDefaultSecurityGroups(account);
    for (const [region, desired, policy] of [
      ["us-east-1", 3, "TargetTrackingScaling"],
      ["us-west-2", 2, "StepScaling"],
    ] as const) {
      const alb = addSecurityGroup(ctx, account, {
        region,
        name: "payments-alb",
        ingress: [tcpRule(443, { ipv4: ["0.0.0.0/0"], ipv6: ["::/0"] })],
      });
      const api = addSecurityGroup(ctx, account, {
        region,
        name: "payments-api",
        ingress: [tcpRule(8443, { groupIds: [alb.groupId] })],
      });
      addAutoScalingGroup(ctx, account, {
        region,
        name: `payments-api-${region}`,
        minSize: 2,
        maxSize: 8,
        desiredCapacity: desired,
        createdDaysAgo: 500,
        instanceType: "m6i.large",
        instanceProfileName: "payments-api-instance",
        securityGroupIds: [api.groupId],
        targetGroupName: "payments-api",
        policies: [policy],
      });
    }

    addBucket(ctx, account, {
      name: receiptsBucket,
      region: "us-east-1",
      createdDaysAgo: 800,
      publicAccessBlock: ALL_BLOCKED,
      policy: policyDocument({
        sid: "DenyInsecureTransport",
        effect: "Deny",
        principal: "*",
        action: "s3:*",
        resource: [`arn:aws:s3:::${receiptsBucket}`, `arn:aws:s3:::${receiptsBucket}/*`],
        condition: { Bool: { "aws:SecureTransport": "false" } },
      }),
    });
    const assets = `payments-static-assets-${ctx.accountId}`;
    addBucket(ctx, account, {
      name: assets,
      region: "us-east-1",
      createdDaysAgo: 500,
      publicAccessBlock: ALL_BLOCKED,
      policy: policyDocument({
        sid: "AllowCloudFrontOAC",
        principal: { Service: "cloudfront.amazonaws.com" },
        action: "s3:GetObject",
        resource: `arn:aws:s3:::${assets}/*`,
        condition: { StringEquals: { "AWS:SourceArn": `arn:aws:cloudfront::${ctx.accountId}:distribution/E2QWRUHAPOMQZL` } },
      }),
    });
    account.accountPublicAccessBlock = ALL_BLOCKED;

    addTrail(ctx, account, {
      name: "payments-trail",
      homeRegion: "us-east-1",
      multiRegion: true,
      s3BucketName: `payments-cloudtrail-${ctx.accountId}`,
      logging: true,
    });
    addAnalyzers(ctx, account, "all");
    return account;
  },
};
