/**
 * A fresh sandbox account close to AWS defaults: default security groups with their default
 * rules, no password policy, root signed in recently with a virtual MFA, nothing deployed.
 */
import { baseAccount, daysAgo } from "@/lib/sandbox/account-builder";
import { auditRole, mfaDevice, role } from "@/lib/sandbox/iam-builder";
import { CURATED_ACCOUNT_IDS } from "@/lib/sandbox/curated/account-ids";
import type { CuratedAccountDefinition } from "@/lib/sandbox/curated/definition";
import { accountTrust, ADMINISTRATOR_ACCESS_ARN } from "@/lib/sandbox/policy-documents";

export const sandboxPlayground: CuratedAccountDefinition = {
  identity: {
    accountId: CURATED_ACCOUNT_IDS.sandboxPlayground,
    name: "sandbox-playground",
    env: "sandbox",
    team: "developer-experience",
    posture: "Fresh sandbox close to AWS defaults: default security groups, no password policy, root used recently, nothing deployed.",
    createdDaysAgo: 40,
  },
  build(ctx) {
    const account = baseAccount(ctx, this.identity);
    account.root = {
      credentialsManagedCentrally: false,
      password: { lastUsed: daysAgo(ctx, 20) },
      mfa: mfaDevice(ctx, "<root_account>", "virtual", 39),
      accessKeys: [],
    };
    account.roles.push(
      auditRole(ctx, accountTrust(ctx.baseAccountId, { externalId: ctx.externalId })),
      role(ctx, {
        name: "OrganizationAccountAccessRole",
        createdDaysAgo: 40,
        trust: accountTrust(ctx.managementAccountId),
        attached: [ADMINISTRATOR_ACCESS_ARN],
        lastUsedDaysAgo: 39,
      }),
    );
    return account;
  },
};
