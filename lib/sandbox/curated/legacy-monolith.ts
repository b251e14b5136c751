/**
 * The 2014-era monolith nobody dares touch: root access keys used last week, no password
 * policy, admins everywhere, old and doubled keys, unused users, a `*` customer policy, an
 * inline admin policy, bare instances with SSH open to the world, public buckets, no CloudTrail.
 */
import { baseAccount, daysAgo, tcpRule, ALL_TRAFFIC } from "@/lib/sandbox/account-builder";
import { accessKeys, auditRole, customerPolicy, customerPolicyArn, group, role, user } from "@/lib/sandbox/iam-builder";
import { CURATED_ACCOUNT_IDS } from "@/lib/sandbox/curated/account-ids";
import type { CuratedAccountDefinition } from "@/lib/sandbox/curated/definition";
import {
  accountTrust,
  ADMINISTRATOR_ACCESS_ARN,
  allow,
  policyDocument,
  serviceTrust,
} from "@/lib/sandbox/policy-documents";
import {
  addBucket,
  addInstance,
  addSecurityGroup,
  ALL_USERS_URI,
  AUTHENTICATED_USERS_URI,
  groupGrant,
} from "@/lib/sandbox/resource-builder";

export const legacyMonolith: CuratedAccountDefinition = {
  identity: {
    accountId: CURATED_ACCOUNT_IDS.legacyMonolith,
    name: "legacy-monolith",
    env: "prod",
    team: "platform-legacy",
    posture: "Legacy monolith: root keys used last week, no password policy, admins everywhere, SSH open to the world, public buckets, no CloudTrail.",
    createdDaysAgo: 3600,
    extraTags: { "cost-center": "plt-204" },
  },
  build(ctx) {
    const account = baseAccount(ctx, this.identity);
    account.root = {
      credentialsManagedCentrally: false,
      password: { lastUsed: daysAgo(ctx, 6) },
      accessKeys: accessKeys(ctx, "<root_account>", [
        { ageDays: 2100, lastUsedDaysAgo: 3, region: "us-east-1", service: "ec2" },
      ]),
    };

    account.policies.push(
      customerPolicy(ctx, {
        name: "legacy-full-access",
        createdDaysAgo: 2500,
        description: "temporary - remove after migration",
        versions: [
          policyDocument(allow(["ec2:*", "s3:*"])),
          policyDocument(allow(["ec2:*", "s3:*", "rds:*", "iam:PassRole"])),
          policyDocument(allow("*", "*")),
        ],
      }),
    );

    account.groups.push(
      group(ctx, { name: "Admins", createdDaysAgo: 3500, attached: [ADMINISTRATOR_ACCESS_ARN] }),
      group(ctx, {
        name: "developers",
        createdDaysAgo: 3000,
        attached: ["arn:aws:iam::aws:policy/PowerUserAccess", customerPolicyArn(ctx, "legacy-full-access")],
      }),
    );

    account.users.push(
      user(ctx, {
        name: "jsmith",
        createdDaysAgo: 3400,
        console: { changedDaysAgo: 900, lastUsedDaysAgo: 2 },
        keys: [
          { ageDays: 900, lastUsedDaysAgo: 1, region: "us-east-1", service: "iam" },
          { ageDays: 400, lastUsedDaysAgo: 20, region: "eu-west-1", service: "ec2" },
        ],
        groups: ["Admins"],
      }),
      user(ctx, {
        name: "mlee",
        createdDaysAgo: 2000,
        console: { changedDaysAgo: 1500, lastUsedDaysAgo: 150 },
        keys: [{ ageDays: 700, lastUsedDaysAgo: null }],
        groups: ["developers"],
      }),
      user(ctx, {
        name: "old-contractor",
        createdDaysAgo: 2600,
        console: { changedDaysAgo: 2500, lastUsedDaysAgo: 800 },
        keys: [{ ageDays: 1000, lastUsedDaysAgo: 790, region: "us-west-2", service: "s3" }],
        attached: [ADMINISTRATOR_ACCESS_ARN],
      }),
      user(ctx, {
        name: "deploy-bot",
        createdDaysAgo: 1300,
        keys: [{ ageDays: 1200, lastUsedDaysAgo: 0, region: "us-east-1", service: "s3" }],
        inline: [{ name: "deploy-everything", document: policyDocument(allow("*", "*")) }],
      }),
      user(ctx, {
        name: "backup-script",
        createdDaysAgo: 700,
        keys: [
          { ageDays: 600, lastUsedDaysAgo: 2, region: "eu-west-1", service: "s3" },
          { ageDays: 650, active: false, lastUsedDaysAgo: 610, region: "eu-west-1", service: "s3" },
        ],
        attached: ["arn:aws:iam::aws:policy/AmazonS3FullAccess"],
      }),
      user(ctx, {
        name: "ops-admin",
        createdDaysAgo: 1500,
        console: { changedDaysAgo: 300, lastUsedDaysAgo: 12 },
        mfa: { kind: "virtual", enabledDaysAgo: 1400 },
        groups: ["Admins"],
      }),
    );

    account.roles.push(
      auditRole(ctx, accountTrust(ctx.baseAccountId, { externalId: ctx.externalId })),
      role(ctx, {
        name: "OrganizationAccountAccessRole",
        createdDaysAgo: 1000,
        trust: accountTrust(ctx.managementAccountId),
        attached: [ADMINISTRATOR_ACCESS_ARN],
        lastUsedDaysAgo: 300,
      }),
      role(ctx, {
        name: "legacy-reporting-instance",
        createdDaysAgo: 2000,
        trust: serviceTrust("ec2.amazonaws.com"),
        attached: ["arn:aws:iam::aws:policy/PowerUserAccess"],
        instanceProfile: true,
        lastUsedDaysAgo: 0,
        lastUsedRegion: "eu-west-1",
      }),
      role(ctx, {
        name: "old-lambda-role",
        createdDaysAgo: 1800,
        trust: serviceTrust("lambda.amazonaws.com"),
        attached: ["arn:aws:iam::aws:policy/AmazonS3FullAccess"],
        lastUsedDaysAgo: null,
      }),
      role(ctx, {
        name: "migration-2019",
        createdDaysAgo: 1900,
        trust: serviceTrust("ec2.amazonaws.com"),
        attached: [ADMINISTRATOR_ACCESS_ARN],
        instanceProfile: true,
        lastUsedDaysAgo: 400,
      }),
    );

    // The us-east-1 default group was "opened for debugging" years ago.
    const defaultUsEast = account.securityGroups.find((sg) => sg.region === "us-east-1" && sg.groupName === "default");
    defaultUsEast?.ingress.push({ ...ALL_TRAFFIC, description: "debug" });

    const web = addSecurityGroup(ctx, account, {
      region: "us-east-1",
      name: "legacy-web",
      ingress: [
        tcpRule(22, { ipv4: ["0.0.0.0/0"] }),
        tcpRule(80, { ipv4: ["0.0.0.0/0"] }),
        tcpRule(443, { ipv4: ["0.0.0.0/0"] }),
      ],
    });
    const db = addSecurityGroup(ctx, account, {
      region: "us-east-1",
      name: "legacy-db",
      ingress: [tcpRule(3306, { ipv4: ["0.0.0.0/0"] }), tcpRule([0, 65535], { ipv6: ["::/0"] })],
    });
    for (const name of ["web-1", "web-2"]) {
      addInstance(ctx, account, { region: "us-east-1", name, launchedDaysAgo: 1500, instanceType: "m4.xlarge", securityGroupIds: [web.groupId], publicIp: true });
    }
    addInstance(ctx, account, { region: "us-east-1", name: "db-1", launchedDaysAgo: 1600, instanceType: "r4.2xlarge", securityGroupIds: [db.groupId], publicIp: true });
    addInstance(ctx, account, { region: "us-east-1", name: "batch-1", state: "stopped", launchedDaysAgo: 900, securityGroupIds: [web.groupId] });
    const reportingSg = addSecurityGroup(ctx, account, {
      region: "eu-west-1",
      name: "reporting",
      ingress: [tcpRule(3389, { ipv4: ["0.0.0.0/0"] })],
    });
    addInstance(ctx, account, {
      region: "eu-west-1",
      name: "reporting",
      launchedDaysAgo: 700,
      instanceProfileName: "legacy-reporting-instance",
      securityGroupIds: [reportingSg.groupId],
      publicIp: true,
    });

    const website = "legacy-public-website";
    addBucket(ctx, account, {
      name: website,
      region: "us-east-1",
      createdDaysAgo: 3000,
      policy: policyDocument({
        sid: "PublicReadGetObject",
        principal: "*",
        action: "s3:GetObject",
        resource: `arn:aws:s3:::${website}/*`,
      }),
    });
    addBucket(ctx, account, {
      name: "legacy-shared-files",
      region: "us-east-1",
      createdDaysAgo: 2800,
      grants: [groupGrant(ALL_USERS_URI, "READ"), groupGrant(AUTHENTICATED_USERS_URI, "WRITE")],
    });
    addBucket(ctx, account, { name: `legacy-db-backups-${ctx.accountId}`, region: "eu-west-1", createdDaysAgo: 2000 });
    return account;
  },
};
