/**
 * A busy media account: large enough that GetAccountAuthorizationDetails spans several pages,
 * and its IAM and EC2 APIs throttle (built-in fault rules): a share of calls fail with
 * Throttling / RequestLimitExceeded so SDK retries are exercised, and ListVirtualMFADevices
 * throttles on every call so the collector has to record an error.
 */
import { baseAccount, closeDefaultSecurityGroups, daysAgo, tcpRule } from "@/lib/sandbox/account-builder";
import { auditRole, customerPolicy, customerPolicyArn, group, mfaDevice, role, user } from "@/lib/sandbox/iam-builder";
import { CURATED_ACCOUNT_IDS } from "@/lib/sandbox/curated/account-ids";
import type { CuratedAccountDefinition } from "@/lib/sandbox/curated/definition";
import { accountTrust, allow, policyDocument, serviceTrust } from "@/lib/sandbox/policy-documents";
import {
  addAnalyzers,
  addAutoScalingGroup,
  addBucket,
  addInstance,
  addSecurityGroup,
  addTrail,
  ALL_BLOCKED,
} from "@/lib/sandbox/resource-builder";

const REGIONS = ["us-east-1", "eu-west-1", "ap-southeast-1"] as const;
const EDITOR_COUNT = 70;
const PIPELINE_ROLE_COUNT = 40;

export const mediaStreaming: CuratedAccountDefinition = {
  identity: {
    accountId: CURATED_ACCOUNT_IDS.mediaStreaming,
    name: "media-streaming",
    env: "prod",
    team: "media",
    posture: "Busy media account: many users and roles (multi-page IAM listings); IAM and EC2 calls throttle, ListVirtualMFADevices always.",
    createdDaysAgo: 1500,
  },
  builtInFaults: [
    { accountId: CURATED_ACCOUNT_IDS.mediaStreaming, api: "iam:ListVirtualMFADevices", fault: "throttle" },
    { accountId: CURATED_ACCOUNT_IDS.mediaStreaming, api: "iam:*", fault: "throttle", rate: 0.3 },
    { accountId: CURATED_ACCOUNT_IDS.mediaStreaming, api: "ec2:*", fault: "throttle", rate: 0.3 },
  ],
  build(ctx) {
    const account = baseAccount(ctx, this.identity);
    account.globalEndpointTokenVersion = 1;
    account.root = {
      credentialsManagedCentrally: false,
      password: { lastUsed: daysAgo(ctx, 150) },
      mfa: mfaDevice(ctx, "<root_account>", "virtual", 1400),
      accessKeys: [],
    };
    account.passwordPolicy = {
      minimumPasswordLength: 12,
      requireSymbols: true,
      requireNumbers: true,
      requireUppercaseCharacters: true,
      requireLowercaseCharacters: true,
      allowUsersToChangePassword: true,
      maxPasswordAge: 180,
      passwordReusePrevention: 12,
      hardExpiry: false,
    };

    const masters = `media-masters-${ctx.accountId}`;
    account.policies.push(
      customerPolicy(ctx, {
        name: "media-editor",
        createdDaysAgo: 1200,
        versions: [
          policyDocument(
            allow(["s3:GetObject", "s3:PutObject", "s3:ListBucket"], [`arn:aws:s3:::${masters}`, `arn:aws:s3:::${masters}/*`]),
            allow(["mediaconvert:CreateJob", "mediaconvert:GetJob"], "*"),
          ),
        ],
      }),
    );
    account.groups.push(group(ctx, { name: "editors", createdDaysAgo: 1200, attached: [customerPolicyArn(ctx, "media-editor")] }));

    for (let i = 1; i <= EDITOR_COUNT; i++) {
      const name = `editor-${String(i).padStart(3, "0")}`;
      const withMfa = i % 4 !== 0;
      account.users.push(
        user(ctx, {
          name,
          path: "/editors/",
          createdDaysAgo: 100 + ((i * 37) % 900),
          console: { changedDaysAgo: 20 + ((i * 13) % 200), lastUsedDaysAgo: i % 9 === 0 ? 120 : (i * 7) % 30 },
          mfa: withMfa ? { kind: "virtual", enabledDaysAgo: 90 } : undefined,
          groups: ["editors"],
        }),
      );
    }

    account.roles.push(auditRole(ctx, accountTrust(ctx.baseAccountId, { externalId: ctx.externalId })));
    account.roles.push(
      role(ctx, {
        name: "transcoder-instance",
        createdDaysAgo: 1000,
        trust: serviceTrust("ec2.amazonaws.com"),
        attached: [customerPolicyArn(ctx, "media-editor"), "arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore"],
        instanceProfile: true,
        lastUsedDaysAgo: 0,
      }),
    );
    for (let i = 1; i <= PIPELINE_ROLE_COUNT; i++) {
      account.roles.push(
        role(ctx, {
          name: `pipeline-step-${String(i).padStart(2, "0")}`,
          path: "/pipelines/",
          createdDaysAgo: 200 + i * 5,
          trust: serviceTrust("states.amazonaws.com"),
          inline: [{ name: "invoke", document: policyDocument(allow("lambda:InvokeFunction", `arn:aws:lambda:us-east-1:${ctx.accountId}:function:step-${i}`)) }],
          lastUsedDaysAgo: i % 5 === 0 ? null : i % 11,
        }),
      );
    }

    closeDefaultSecurityGroups(account);
    for (const region of REGIONS) {
      const edge = addSecurityGroup(ctx, account, {
        region,
        name: "transcoder",
        ingress: [tcpRule(443, { ipv4: ["0.0.0.0/0"] }), tcpRule(1935, { ipv4: ["0.0.0.0/0"] })],
      });
      addAutoScalingGroup(ctx, account, {
        region,
        name: `transcoder-${region}`,
        minSize: 2,
        maxSize: 20,
        desiredCapacity: 3,
        createdDaysAgo: 600,
        instanceType: "c6i.2xlarge",
        instanceProfileName: "transcoder-instance",
        securityGroupIds: [edge.groupId],
        policies: ["TargetTrackingScaling", "PredictiveScaling"],
      });
      addInstance(ctx, account, {
        region,
        name: `origin-${region}`,
        launchedDaysAgo: 400,
        instanceProfileName: "transcoder-instance",
        securityGroupIds: [edge.groupId],
        publicIp: true,
      });
    }

    addBucket(ctx, account, { name: masters, region: "us-east-1", createdDaysAgo: 1400, publicAccessBlock: ALL_BLOCKED });
    account.accountPublicAccessBlock = ALL_BLOCKED;
    addTrail(ctx, account, { name: "media-trail", homeRegion: "us-east-1", multiRegion: true, s3BucketName: masters, logging: true });
    addAnalyzers(ctx, account, [...REGIONS]);
    return account;
  },
};
