/**
 * The minimal custom policy and the collectors can never drift apart. The list of AWS calls is
 * derived, not written down: the real collectors (and the connection test) run against the
 * sandbox organization with a plugin that records every SDK command they send. Each recorded
 * call must be a known operation (lib/aws/api-calls.ts), made with the right credentials, and
 * allowed by the minimal policy as the templates render it, judged by lib/policy's evaluator.
 */
import type { Pluggable } from "@smithy/types";
import { beforeAll, describe, expect, it } from "vitest";
import { AUDIT_ROLE_OPERATIONS, BASE_PRINCIPAL_OPERATIONS, iamActionFor, ORGANIZATION_READER_OPERATIONS } from "@/lib/aws/api-calls";
import { createAccountClients } from "@/lib/aws/client-factory";
import { serviceControlPolicyReader } from "@/lib/aws/collectors/organizations-scps";
import { connectOrganizations } from "@/lib/aws/organizations";
import { testConnection } from "@/lib/aws/test-connection";
import { collectAccount } from "@/lib/collect/collect-account";
import { parsePolicyDocument } from "@/lib/policy/document";
import { statementCoversAllResources, statementMatchesAction } from "@/lib/policy/matching";
import { SANDBOX_BASE_CREDENTIALS } from "@/lib/sandbox/base-credentials";
import { CURATED_ACCOUNT_IDS } from "@/lib/sandbox/curated/account-ids";
import { sandboxPlugin } from "@/lib/sandbox/plugin";
import { TEST_NOW, testWorld } from "@/lib/sandbox/test-fixtures";
import { minimalReadOnlyPolicy, organizationDiscoveryPolicy } from "./audit-role-policy";
import { auditRoleCloudFormationTemplate } from "./cloudformation";
import { terraformModuleFiles } from "./terraform";

/** The IAM service prefix of each SDK client, as operation labels use it. */
const PREFIX_BY_CLIENT: Record<string, string> = {
  IAMClient: "iam",
  STSClient: "sts",
  EC2Client: "ec2",
  AutoScalingClient: "autoscaling",
  S3Client: "s3",
  S3ControlClient: "s3control",
  CloudTrailClient: "cloudtrail",
  AccessAnalyzerClient: "access-analyzer",
  OrganizationsClient: "organizations",
  SSOAdminClient: "sso",
  IdentitystoreClient: "identitystore",
};

interface RecordedCall {
  label: string;
  client: string;
}

function recorder(calls: RecordedCall[]): Pluggable<any, any> {
  return {
    applyToStack(stack) {
      stack.add(
        (next, context) => async (args) => {
          const client = String(context.clientName);
          const operation = String(context.commandName).replace(/Command$/, "");
          calls.push({ client, label: `${PREFIX_BY_CLIENT[client] ?? client}:${operation}` });
          return next(args);
        },
        { step: "initialize", name: "iamfitCallRecorder", override: true },
      );
    },
  };
}

/** Accounts whose features differ (buckets, trails, analyzers, opt-in regions, STS settings, autoscaling). */
const ACCOUNTS = [CURATED_ACCOUNT_IDS.prodPayments, CURATED_ACCOUNT_IDS.dataLake, CURATED_ACCOUNT_IDS.legacyMonolith, CURATED_ACCOUNT_IDS.mediaStreaming, CURATED_ACCOUNT_IDS.orgManagement];

const recorded: RecordedCall[] = [];

beforeAll(async () => {
  const world = testWorld();
  const plugins = [recorder(recorded), sandboxPlugin(world, { builtInRules: false })];
  for (const accountId of ACCOUNTS) {
    const summary = world.accounts().find((candidate) => candidate.accountId === accountId);
    if (!summary) throw new Error(`no sandbox account ${accountId}`);
    const options = { credentials: async () => SANDBOX_BASE_CREDENTIALS, plugins, maxAttempts: 1, retryMode: "standard" as const };
    const target = { accountId, roleArn: summary.roleArn, externalId: world.externalId };
    const clients = createAccountClients(options, target);
    // Service control policies are read by the principal that reads the organization (base credentials here).
    const organization = connectOrganizations(options);
    try {
      const serviceControlPolicies = serviceControlPolicyReader(organization.client);
      await collectAccount(clients, { now: () => TEST_NOW, credentialReport: { sleep: async () => undefined }, serviceControlPolicies });
    } finally {
      clients.destroy();
      organization.destroy();
    }
    await testConnection(options, target);
  }
}, 120_000);

function allowedBy(document: unknown, action: string): boolean {
  const parsed = parsePolicyDocument(document);
  if (!parsed.ok) throw new Error(`the minimal policy does not parse: ${parsed.error.message}`);
  const allows = parsed.policy.statements.some((statement) => statement.effect === "Allow" && statementMatchesAction(statement, action) && statementCoversAllResources(statement));
  const denies = parsed.policy.statements.some((statement) => statement.effect === "Deny" && statementMatchesAction(statement, action));
  return allows && !denies;
}

function renderedCloudFormationActions(): string[] {
  const template = auditRoleCloudFormationTemplate();
  const lines = template.slice(template.indexOf("                  Action:\n") + "                  Action:\n".length).split("\n");
  const actions: string[] = [];
  for (const line of lines) {
    const action = /^ {20}- (\S+)$/.exec(line)?.[1];
    if (action === undefined) break;
    actions.push(action);
  }
  return actions;
}

function renderedTerraformActions(): string[] {
  // The minimal policy's document (the module also adds sso:Get* beside SecurityAudit).
  const list = /data "aws_iam_policy_document" "minimal" \{[\s\S]*?actions   = (\[[\s\S]*?\])/.exec(terraformModuleFiles()["main.tf"])?.[1];
  return JSON.parse(list ?? "[]") as string[];
}

describe("the calls the collectors make, derived by recording them", () => {
  const labels = () => [...new Set(recorded.map((call) => call.label))].sort();

  it("recorded a realistic set of calls", () => {
    expect(recorded.length).toBeGreaterThan(100);
    expect(labels()).toEqual(expect.arrayContaining(["iam:GetAccountAuthorizationDetails", "s3:GetBucketPolicy", "sts:AssumeRole", "ec2:DescribeSecurityGroups"]));
    expect(labels()).toEqual(expect.arrayContaining(["organizations:ListParents", "organizations:ListPoliciesForTarget", "organizations:DescribePolicy"]));
    // The management account holds the organization's IAM Identity Center instance: every read of it is recorded.
    expect(labels().filter((label) => label.startsWith("sso:") || label.startsWith("identitystore:"))).toEqual(
      Object.keys(AUDIT_ROLE_OPERATIONS)
        .filter((label) => label.startsWith("sso:") || label.startsWith("identitystore:"))
        .sort(),
    );
  });

  it("read the organization's service control policies only with actions the organization reading policy allows", () => {
    const organizationCalls = labels().filter((label) => label.startsWith("organizations:"));
    expect(organizationCalls.filter((label) => !(label in ORGANIZATION_READER_OPERATIONS))).toEqual([]);
    expect(organizationCalls.filter((label) => !allowedBy(organizationDiscoveryPolicy(), iamActionFor(label)))).toEqual([]);
  });

  it("are all known operations of lib/aws/api-calls.ts", () => {
    const known = new Set<string>([...Object.keys(AUDIT_ROLE_OPERATIONS), ...Object.keys(BASE_PRINCIPAL_OPERATIONS), ...Object.keys(ORGANIZATION_READER_OPERATIONS)]);
    expect(labels().filter((label) => !known.has(label))).toEqual([]);
  });

  it("call STS only for AssumeRole, as iamfit's own principal: allowed by the trust policy, not the role's policy", () => {
    const viaBase = labels().filter((label) => label.startsWith("sts:"));
    expect(viaBase.filter((label) => !(label in BASE_PRINCIPAL_OPERATIONS))).toEqual([]);
  });

  it.each([
    ["the minimal policy document", () => minimalReadOnlyPolicy()],
    ["the CloudFormation template's policy", () => ({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: renderedCloudFormationActions(), Resource: "*" }] })],
    ["the Terraform module's policy", () => ({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: renderedTerraformActions(), Resource: "*" }] })],
  ])("are each allowed by %s", (_name, policy) => {
    const roleCalls = labels().filter((label) => !(label in BASE_PRINCIPAL_OPERATIONS));
    const notAllowed = roleCalls.filter((label) => !allowedBy(policy(), iamActionFor(label)));
    expect(notAllowed).toEqual([]);
  });
});
