/**
 * The organization's management account: no workloads, a locked-down root, one break-glass
 * user in a group, and no Access Analyzer (delegated to security tooling, which runs an
 * organization analyzer; the account-level check still fails here). It holds the organization's
 * IAM Identity Center instance (curated/identity-center.ts).
 */
import { baseAccount, closeDefaultSecurityGroups, daysAgo } from "@/lib/sandbox/account-builder";
import { auditRole, group, mfaDevice, user } from "@/lib/sandbox/iam-builder";
import { CURATED_ACCOUNT_IDS } from "@/lib/sandbox/curated/account-ids";
import type { CuratedAccountDefinition } from "@/lib/sandbox/curated/definition";
import { accountTrust, ADMINISTRATOR_ACCESS_ARN } from "@/lib/sandbox/policy-documents";
import { addTrail, ALL_BLOCKED } from "@/lib/sandbox/resource-builder";
import { organizationIdentityCenter } from "@/lib/sandbox/curated/identity-center";

export const orgManagement: CuratedAccountDefinition = {
  identity: {
    accountId: CURATED_ACCOUNT_IDS.orgManagement,
    name: "org-management",
    env: "prod",
    team: "cloud-platform",
    posture: "Organization management account: no workloads, hardware root MFA, one break-glass user; no Access Analyzer.",
    createdDaysAgo: 2200,
  },
  build(ctx) {
    const account = baseAccount(ctx, this.identity);
    account.globalEndpointTokenVersion = 2;
    account.organizationsFeatures = ["RootCredentialsManagement", "RootSessions"];
    account.identityCenter = organizationIdentityCenter(ctx);
    account.root = {
      credentialsManagedCentrally: false,
      password: { lastUsed: daysAgo(ctx, 120) },
      mfa: mfaDevice(ctx, "<root_account>", "hardware", 2000),
      accessKeys: [],
    };
    account.passwordPolicy = {
      minimumPasswordLength: 20,
      requireSymbols: true,
      requireNumbers: true,
      requireUppercaseCharacters: true,
      requireLowercaseCharacters: true,
      allowUsersToChangePassword: true,
      passwordReusePrevention: 24,
      hardExpiry: false,
    };
    account.groups.push(group(ctx, { name: "breakglass", createdDaysAgo: 2000, attached: [ADMINISTRATOR_ACCESS_ARN] }));
    account.users.push(
      user(ctx, {
        name: "breakglass-admin",
        createdDaysAgo: 2000,
        console: { changedDaysAgo: 80, lastUsedDaysAgo: 30 },
        mfa: { kind: "hardware", enabledDaysAgo: 1990 },
        groups: ["breakglass"],
      }),
    );
    account.roles.push(auditRole(ctx, accountTrust(ctx.baseAccountId, { externalId: ctx.externalId })));
    closeDefaultSecurityGroups(account);
    account.accountPublicAccessBlock = ALL_BLOCKED;
    addTrail(ctx, account, {
      name: "management-trail",
      homeRegion: "us-east-1",
      multiRegion: true,
      s3BucketName: `mgmt-cloudtrail-${ctx.accountId}`,
      logging: true,
    });
    return account;
  },
};
