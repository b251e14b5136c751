/**
 * Builds a generated account's details from its traits: 5–40 users, 3–25 roles, 2–12 buckets,
 * instances in 1–4 regions, with the good and bad practices the traits select.
 */
import { baseAccount, closeDefaultSecurityGroups, daysAgo, tcpRule, type BuildContext } from "@/lib/sandbox/account-builder";
import { accessKeys, auditRole, customerPolicy, customerPolicyArn, group, mfaDevice, role, user } from "@/lib/sandbox/iam-builder";
import { describeGeneratedPosture, type GeneratedTraits } from "@/lib/sandbox/generated-traits";
import type { SandboxAccount, SandboxPasswordPolicy } from "@/lib/sandbox/model";
import {
  accountTrust,
  ADMINISTRATOR_ACCESS_ARN,
  allow,
  policyDocument,
  requireMfaDocument,
  serviceTrust,
} from "@/lib/sandbox/policy-documents";
import {
  addAnalyzers,
  addAutoScalingGroup,
  addBucket,
  addInstance,
  addSecurityGroup,
  addTrail,
  ALL_BLOCKED,
  ALL_USERS_URI,
  groupGrant,
} from "@/lib/sandbox/resource-builder";
import { DEFAULT_REGIONS, STS_ALWAYS_ACTIVE_REGION } from "@/lib/sandbox/regions";

const FIRST_NAMES = ["ana", "ben", "chen", "dara", "eli", "fatima", "goran", "hana", "ivan", "jo", "kemal", "lena", "mo", "nia", "omar", "pia"];
const SERVICES = ["s3", "ec2", "sqs", "dynamodb", "lambda", "sts"];

function passwordPolicyFor(kind: GeneratedTraits["passwordPolicy"]): SandboxPasswordPolicy | undefined {
  if (kind === "none") return undefined;
  const strong = kind === "strong";
  return {
    minimumPasswordLength: strong ? 14 : 8,
    requireSymbols: strong,
    requireNumbers: true,
    requireUppercaseCharacters: strong,
    requireLowercaseCharacters: true,
    allowUsersToChangePassword: true,
    passwordReusePrevention: strong ? 24 : undefined,
    hardExpiry: false,
  };
}

function addIam(ctx: BuildContext, account: SandboxAccount, traits: GeneratedTraits): void {
  const { rng } = ctx;
  account.policies.push(
    customerPolicy(ctx, { name: "RequireMFA", createdDaysAgo: rng.int(100, 900), versions: [requireMfaDocument] }),
    customerPolicy(ctx, {
      name: `${traits.team}-app`,
      createdDaysAgo: rng.int(50, 800),
      versions: [policyDocument(allow(["s3:GetObject", "s3:PutObject"], `arn:aws:s3:::${traits.team}-${ctx.accountId}-data/*`))],
    }),
  );
  if (traits.quality < 0.35) {
    account.policies.push(
      customerPolicy(ctx, { name: "temp-full-access", createdDaysAgo: rng.int(100, 900), versions: [policyDocument(allow("*", "*"))] }),
    );
  }
  account.groups.push(
    group(ctx, { name: "admins", createdDaysAgo: 600, attached: [ADMINISTRATOR_ACCESS_ARN] }),
    group(ctx, { name: "developers", createdDaysAgo: 600, attached: ["arn:aws:iam::aws:policy/ReadOnlyAccess", customerPolicyArn(ctx, `${traits.team}-app`)] }),
    group(ctx, { name: "mfa-required", createdDaysAgo: 600, attached: [customerPolicyArn(ctx, "RequireMFA")] }),
  );

  const adminCount = traits.adminSprawl ? rng.int(3, 6) : 1;
  for (let i = 0; i < traits.userCount; i++) {
    const human = i < adminCount || rng.chance(0.6);
    const name = human ? `${rng.pick(FIRST_NAMES)}.${String(i).padStart(2, "0")}` : `svc-${traits.team}-${i}`;
    const keyAge = traits.staleKeys ? rng.int(100, 1200) : rng.int(1, 80);
    const unused = rng.chance(0.15 * (1 - traits.quality));
    const keys = human && !rng.chance(0.5 * (1 - traits.quality))
      ? []
      : [{ ageDays: keyAge, lastUsedDaysAgo: unused ? null : rng.int(0, 20), region: rng.pick(DEFAULT_REGIONS), service: rng.pick(SERVICES) }];
    if (keys.length > 0 && traits.staleKeys && rng.chance(0.3)) keys.push({ ageDays: keyAge + 30, lastUsedDaysAgo: rng.int(0, 60), region: "us-east-1", service: "s3" });
    const direct = rng.chance(0.3 * (1 - traits.quality));
    account.users.push(
      user(ctx, {
        name,
        createdDaysAgo: rng.int(30, 1500),
        console: human ? { changedDaysAgo: rng.int(1, 400), lastUsedDaysAgo: unused ? rng.int(100, 500) : rng.int(0, 30) } : undefined,
        mfa: human && rng.chance(0.3 + 0.7 * traits.quality) ? { kind: rng.chance(0.2) ? "hardware" : "virtual", enabledDaysAgo: rng.int(1, 300) } : undefined,
        keys,
        groups: i < adminCount ? ["admins", "mfa-required"] : human ? ["developers", ...(traits.quality > 0.5 ? ["mfa-required"] : [])] : [],
        attached: direct ? [i < adminCount ? ADMINISTRATOR_ACCESS_ARN : customerPolicyArn(ctx, `${traits.team}-app`)] : [],
      }),
    );
  }

  account.roles.push(auditRole(ctx, accountTrust(ctx.baseAccountId, { externalId: ctx.externalId })));
  for (let i = 1; i < traits.roleCount; i++) {
    const kind = rng.pick(["ec2", "lambda", "cross-account", "human"] as const);
    const good = rng.chance(0.3 + 0.7 * traits.quality);
    const name = `${traits.team}-${kind}-${i}`;
    account.roles.push(
      role(ctx, {
        name,
        createdDaysAgo: rng.int(30, 1200),
        trust:
          kind === "ec2"
            ? serviceTrust("ec2.amazonaws.com")
            : kind === "lambda"
              ? serviceTrust("lambda.amazonaws.com")
              : kind === "cross-account"
                ? accountTrust("999988887777", good ? { externalId: `vendor-${i}` } : {})
                : accountTrust(ctx.baseAccountId, { requireMfa: good }),
        attached: [good ? customerPolicyArn(ctx, `${traits.team}-app`) : kind === "ec2" && !good ? ADMINISTRATOR_ACCESS_ARN : "arn:aws:iam::aws:policy/AmazonS3FullAccess"],
        maxSessionDuration: kind === "human" && !good ? 43200 : 3600,
        instanceProfile: kind === "ec2",
        lastUsedDaysAgo: rng.chance(0.2) ? null : rng.int(0, 200),
      }),
    );
  }
}

function addWorkloads(ctx: BuildContext, account: SandboxAccount, traits: GeneratedTraits): void {
  const { rng } = ctx;
  const instanceProfile = account.roles.find((candidate) => candidate.instanceProfile)?.roleName;
  const regions = rng.sample([...DEFAULT_REGIONS, ...traits.optedInRegions], traits.instanceRegionCount).sort();
  for (const region of regions) {
    const web = addSecurityGroup(ctx, account, { region, name: "web", ingress: [tcpRule(443, { ipv4: ["0.0.0.0/0"] })] });
    const groupIds = [web.groupId];
    if (traits.sshOpenToWorld) {
      groupIds.push(addSecurityGroup(ctx, account, { region, name: "ssh", ingress: [tcpRule(22, { ipv4: ["0.0.0.0/0"] })] }).groupId);
    }
    if (rng.chance(0.4 + 0.5 * traits.quality)) {
      const min = rng.int(1, 3);
      const scales = rng.chance(0.3 + 0.6 * traits.quality);
      addAutoScalingGroup(ctx, account, {
        region,
        name: `${traits.team}-${region}`,
        minSize: min,
        maxSize: scales ? min + rng.int(2, 8) : min,
        desiredCapacity: min,
        createdDaysAgo: rng.int(10, 600),
        instanceProfileName: instanceProfile,
        securityGroupIds: groupIds,
        policies: scales ? ["TargetTrackingScaling"] : [],
      });
    }
    for (let i = 1; i <= rng.int(0, 3); i++) {
      addInstance(ctx, account, {
        region,
        name: `${traits.team}-worker-${i}`,
        state: rng.chance(0.85) ? "running" : "stopped",
        launchedDaysAgo: rng.int(1, 900),
        instanceProfileName: rng.chance(0.4 + 0.6 * traits.quality) ? instanceProfile : undefined,
        securityGroupIds: groupIds,
        publicIp: rng.chance(0.3),
      });
    }
  }

  for (let i = 0; i < traits.bucketCount; i++) {
    const name = `${traits.team}-${ctx.accountId}-${i === 0 ? "data" : `bucket-${i}`}`;
    const region = i === 0 ? "us-east-1" : rng.pick(regions.length > 0 ? regions : ["us-east-1"]);
    addBucket(ctx, account, {
      name,
      region,
      createdDaysAgo: rng.int(10, 1500),
      publicAccessBlock: rng.chance(traits.quality) ? ALL_BLOCKED : undefined,
      policy:
        i === 1 && traits.publicBucketPolicy
          ? policyDocument({ principal: "*", action: "s3:GetObject", resource: `arn:aws:s3:::${name}/*` })
          : undefined,
      grants: i === 2 && traits.publicBucketAcl ? [groupGrant(ALL_USERS_URI, "READ")] : [],
    });
  }
}

export function buildGeneratedAccount(ctx: BuildContext, traits: GeneratedTraits): SandboxAccount {
  const { rng } = ctx;
  const account = baseAccount(ctx, {
    accountId: traits.accountId,
    name: traits.name,
    env: traits.env,
    team: traits.team,
    posture: describeGeneratedPosture(traits),
    createdDaysAgo: rng.int(60, 3000),
    optedInRegions: traits.optedInRegions,
  });
  account.globalEndpointTokenVersion = traits.globalEndpointTokenVersion;
  account.root = {
    credentialsManagedCentrally: false,
    password: { lastUsed: rng.chance(0.1) ? undefined : daysAgo(ctx, traits.rootUsedRecently ? rng.int(0, 60) : rng.int(120, 900)) },
    mfa: traits.rootMfa === "none" ? undefined : mfaDevice(ctx, "<root_account>", traits.rootMfa, rng.int(50, 1000)),
    accessKeys: traits.rootAccessKey
      ? accessKeys(ctx, "<root_account>", [{ ageDays: rng.int(200, 2000), lastUsedDaysAgo: rng.int(0, 300), service: "ec2" }])
      : [],
  };
  account.passwordPolicy = passwordPolicyFor(traits.passwordPolicy);
  if (!traits.defaultGroupsOpen) closeDefaultSecurityGroups(account);

  addIam(ctx, account, traits);
  addWorkloads(ctx, account, traits);

  if (traits.accountPublicAccessBlock === "full") account.accountPublicAccessBlock = ALL_BLOCKED;
  if (traits.accountPublicAccessBlock === "partial") {
    account.accountPublicAccessBlock = { ...ALL_BLOCKED, blockPublicPolicy: false, restrictPublicBuckets: false };
  }
  if (traits.trail !== "none") {
    addTrail(ctx, account, {
      name: `${traits.team}-trail`,
      homeRegion: "us-east-1",
      multiRegion: traits.trail !== "single-region",
      s3BucketName: `${traits.team}-${ctx.accountId}-data`,
      logging: traits.trail !== "stopped",
      stoppedDaysAgo: rng.int(5, 200),
    });
  }
  if (traits.analyzers === "all") addAnalyzers(ctx, account, "all");
  if (traits.analyzers === "some") addAnalyzers(ctx, account, ["us-east-1"]);
  if (traits.stsLockedDown) {
    const used = new Set([STS_ALWAYS_ACTIVE_REGION, ...account.instances.map((instance) => instance.region)]);
    account.stsDeactivatedRegions = [...DEFAULT_REGIONS, ...account.optedInRegions].filter((region) => !used.has(region)).sort();
  }
  return account;
}
