/**
 * Partner integration: its audit role was created from the partner's template and expects the
 * partner's ExternalId, not iamfit's, so AssumeRole is denied and nothing can be collected.
 */
import { baseAccount, daysAgo } from "@/lib/sandbox/account-builder";
import { auditRole, mfaDevice, role, user } from "@/lib/sandbox/iam-builder";
import { CURATED_ACCOUNT_IDS, EXTERNAL_VENDOR_ACCOUNT_ID } from "@/lib/sandbox/curated/account-ids";
import type { CuratedAccountDefinition } from "@/lib/sandbox/curated/definition";
import { accountTrust, allow, policyDocument } from "@/lib/sandbox/policy-documents";
import { addTrail } from "@/lib/sandbox/resource-builder";

export const PARTNER_EXTERNAL_ID = "partner-provided-8f3a91";

export const partnerIntegration: CuratedAccountDefinition = {
  identity: {
    accountId: CURATED_ACCOUNT_IDS.partnerIntegration,
    name: "partner-integration",
    env: "staging",
    team: "integrations",
    posture: "Partner integration: the audit role requires a different ExternalId, so iamfit cannot assume it.",
    createdDaysAgo: 600,
  },
  build(ctx) {
    const account = baseAccount(ctx, this.identity);
    account.root = {
      credentialsManagedCentrally: false,
      password: { lastUsed: daysAgo(ctx, 45) },
      mfa: mfaDevice(ctx, "<root_account>", "virtual", 580),
      accessKeys: [],
    };
    account.users.push(
      user(ctx, {
        name: "partner-sync",
        createdDaysAgo: 500,
        keys: [{ ageDays: 150, lastUsedDaysAgo: 0, region: "eu-west-1", service: "sqs" }],
        inline: [{ name: "queue", document: policyDocument(allow(["sqs:SendMessage", "sqs:ReceiveMessage"], `arn:aws:sqs:eu-west-1:${ctx.accountId}:partner-events`)) }],
      }),
    );
    account.roles.push(
      auditRole(ctx, accountTrust(ctx.baseAccountId, { externalId: PARTNER_EXTERNAL_ID }), null),
      role(ctx, {
        name: "partner-webhook",
        createdDaysAgo: 500,
        trust: accountTrust(EXTERNAL_VENDOR_ACCOUNT_ID, { externalId: PARTNER_EXTERNAL_ID }),
        inline: [{ name: "events", document: policyDocument(allow("sqs:SendMessage", `arn:aws:sqs:eu-west-1:${ctx.accountId}:partner-events`)) }],
        lastUsedDaysAgo: 0,
        lastUsedRegion: "eu-west-1",
      }),
    );
    addTrail(ctx, account, {
      name: "partner-trail",
      homeRegion: "eu-west-1",
      multiRegion: true,
      s3BucketName: `partner-cloudtrail-${ctx.accountId}`,
      logging: true,
    });
    return account;
  },
};
