/**
 * The data-science playground: workload users with keys, admin instance roles, privilege
 * escalation paths, Allow+NotAction, roles trusting another account without ExternalId and
 * one trusting everyone, 12-hour sessions, a virtual root MFA, a weak password policy.
 */
import { baseAccount, daysAgo, tcpRule } from "@/lib/sandbox/account-builder";
import { auditRole, customerPolicy, customerPolicyArn, group, mfaDevice, role, user } from "@/lib/sandbox/iam-builder";
import { CURATED_ACCOUNT_IDS, EXTERNAL_VENDOR_ACCOUNT_ID } from "@/lib/sandbox/curated/account-ids";
import type { CuratedAccountDefinition } from "@/lib/sandbox/curated/definition";
import {
  accountTrust,
  ADMINISTRATOR_ACCESS_ARN,
  allow,
  anyoneTrust,
  policyDocument,
  serviceTrust,
} from "@/lib/sandbox/policy-documents";
import {
  addAnalyzers,
  addBucket,
  addInstance,
  addSecurityGroup,
  addTrail,
  ALL_BLOCKED,
  defaultSecurityGroupId,
} from "@/lib/sandbox/resource-builder";

export const devExperiments: CuratedAccountDefinition = {
  identity: {
    accountId: CURATED_ACCOUNT_IDS.devExperiments,
    name: "dev-experiments",
    env: "dev",
    team: "data-science",
    posture: "Developer playground: workload keys, admin instance roles, privilege escalation, NotAction allows, risky trust policies, 12 h sessions.",
    createdDaysAgo: 900,
  },
  build(ctx) {
    const account = baseAccount(ctx, this.identity);
    account.root = {
      credentialsManagedCentrally: false,
      password: { lastUsed: daysAgo(ctx, 100) },
      mfa: mfaDevice(ctx, "<root_account>", "virtual", 850),
      accessKeys: [],
    };
    account.passwordPolicy = {
      minimumPasswordLength: 8,
      requireSymbols: false,
      requireNumbers: true,
      requireUppercaseCharacters: false,
      requireLowercaseCharacters: true,
      allowUsersToChangePassword: true,
      hardExpiry: false,
    };

    account.policies.push(
      customerPolicy(ctx, {
        name: "ds-notebook-access",
        createdDaysAgo: 800,
        versions: [
          policyDocument({ sid: "EverythingButIam", effect: "Allow", notAction: ["iam:*", "organizations:*"], resource: "*" }),
        ],
      }),
      customerPolicy(ctx, {
        name: "etl-s3-wildcard",
        createdDaysAgo: 600,
        versions: [policyDocument(allow("s3:*", "*"), allow(["glue:*", "athena:StartQueryExecution"], "*"))],
      }),
      customerPolicy(ctx, {
        name: "notebook-launcher",
        createdDaysAgo: 500,
        versions: [policyDocument(allow(["iam:PassRole", "ec2:RunInstances", "ec2:DescribeInstances"], "*"))],
      }),
      customerPolicy(ctx, {
        name: "wildcard-all",
        createdDaysAgo: 300,
        versions: [policyDocument({ action: ["*:*"], resource: "*" })],
      }),
    );

    account.groups.push(
      group(ctx, { name: "data-scientists", createdDaysAgo: 850, attached: [customerPolicyArn(ctx, "ds-notebook-access")] }),
    );

    account.users.push(
      user(ctx, {
        name: "priya.r",
        createdDaysAgo: 800,
        console: { changedDaysAgo: 100, lastUsedDaysAgo: 1 },
        mfa: { kind: "virtual", enabledDaysAgo: 790 },
        groups: ["data-scientists"],
      }),
      user(ctx, {
        name: "tom.b",
        createdDaysAgo: 400,
        console: { changedDaysAgo: 400, lastUsedDaysAgo: 10 },
        groups: ["data-scientists"],
        inline: [
          {
            name: "tom-policy-admin",
            document: policyDocument(allow(["iam:CreatePolicyVersion", "iam:SetDefaultPolicyVersion", "iam:ListPolicies"], "*")),
          },
        ],
      }),
      user(ctx, {
        name: "etl-runner",
        createdDaysAgo: 600,
        keys: [{ ageDays: 200, lastUsedDaysAgo: 0, region: "us-west-2", service: "s3" }],
        attached: [customerPolicyArn(ctx, "etl-s3-wildcard")],
      }),
      user(ctx, {
        name: "notebook-sync",
        createdDaysAgo: 500,
        keys: [{ ageDays: 40, lastUsedDaysAgo: 1, region: "us-west-2", service: "ec2" }],
        attached: [customerPolicyArn(ctx, "notebook-launcher")],
      }),
    );

    account.roles.push(
      auditRole(ctx, accountTrust(ctx.baseAccountId, { externalId: ctx.externalId })),
      role(ctx, {
        name: "OrganizationAccountAccessRole",
        createdDaysAgo: 880,
        trust: accountTrust(ctx.managementAccountId),
        attached: [ADMINISTRATOR_ACCESS_ARN],
        lastUsedDaysAgo: 60,
      }),
      role(ctx, {
        name: "ml-training-instance",
        createdDaysAgo: 500,
        trust: serviceTrust("ec2.amazonaws.com"),
        attached: [ADMINISTRATOR_ACCESS_ARN],
        instanceProfile: true,
        lastUsedDaysAgo: 0,
        lastUsedRegion: "us-west-2",
      }),
      role(ctx, {
        name: "gpu-worker",
        createdDaysAgo: 300,
        trust: serviceTrust("ec2.amazonaws.com"),
        attached: [customerPolicyArn(ctx, "wildcard-all")],
        instanceProfile: true,
        lastUsedDaysAgo: 1,
        lastUsedRegion: "us-west-2",
      }),
      role(ctx, {
        name: "partner-analytics-access",
        createdDaysAgo: 450,
        trust: accountTrust(EXTERNAL_VENDOR_ACCOUNT_ID),
        attached: ["arn:aws:iam::aws:policy/ReadOnlyAccess"],
        lastUsedDaysAgo: 30,
      }),
      role(ctx, {
        name: "public-demo-role",
        createdDaysAgo: 200,
        trust: anyoneTrust(),
        attached: ["arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess"],
        lastUsedDaysAgo: 15,
      }),
      role(ctx, {
        name: "data-scientist-console",
        createdDaysAgo: 700,
        trust: accountTrust(ctx.baseAccountId),
        attached: ["arn:aws:iam::aws:policy/PowerUserAccess"],
        maxSessionDuration: 43200,
        lastUsedDaysAgo: 1,
      }),
      role(ctx, {
        name: "lambda-etl",
        path: "/service-role/",
        createdDaysAgo: 550,
        trust: serviceTrust("lambda.amazonaws.com"),
        attached: [customerPolicyArn(ctx, "etl-s3-wildcard")],
        lastUsedDaysAgo: 2,
        lastUsedRegion: "us-west-2",
      }),
    );

    const ssh = addSecurityGroup(ctx, account, { region: "us-west-2", name: "ml-ssh", ingress: [tcpRule(22, { ipv4: ["0.0.0.0/0"] })] });
    const rdp = addSecurityGroup(ctx, account, { region: "us-west-2", name: "windows-rdp", ingress: [tcpRule(3389, { ipv6: ["::/0"] })] });
    const jupyter = addSecurityGroup(ctx, account, {
      region: "us-west-2",
      name: "jupyter",
      ingress: [tcpRule(8888, { ipv4: ["10.0.0.0/8"] })],
    });
    addInstance(ctx, account, {
      region: "us-west-2",
      name: "ml-train-1",
      instanceType: "p3.2xlarge",
      launchedDaysAgo: 20,
      instanceProfileName: "ml-training-instance",
      securityGroupIds: [ssh.groupId],
      publicIp: true,
    });
    addInstance(ctx, account, {
      region: "us-west-2",
      name: "gpu-1",
      instanceType: "g5.xlarge",
      launchedDaysAgo: 8,
      instanceProfileName: "gpu-worker",
      securityGroupIds: [rdp.groupId],
      publicIp: true,
    });
    addInstance(ctx, account, { region: "us-west-2", name: "notebook", launchedDaysAgo: 60, securityGroupIds: [jupyter.groupId] });
    addInstance(ctx, account, { region: "eu-central-1", name: "scratch", state: "stopped", launchedDaysAgo: 200, securityGroupIds: [defaultSecurityGroupId(account, "eu-central-1")] });

    addBucket(ctx, account, {
      name: `dev-scratch-${ctx.accountId}`,
      region: "us-west-2",
      createdDaysAgo: 600,
      publicAccessBlock: ALL_BLOCKED,
    });
    account.accountPublicAccessBlock = ALL_BLOCKED;
    addTrail(ctx, account, {
      name: "dev-trail",
      homeRegion: "us-west-2",
      multiRegion: false,
      s3BucketName: `dev-scratch-${ctx.accountId}`,
      logFileValidation: false,
      logging: true,
    });
    addAnalyzers(ctx, account, ["us-west-2"]);
    return account;
  },
};
