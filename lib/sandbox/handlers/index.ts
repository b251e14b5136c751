/** Which SDK client is which service, and the handler for each operation the sandbox answers. */
import type { SandboxService } from "@/lib/sandbox/aws-errors";
import { autoScalingHandlers } from "@/lib/sandbox/handlers/autoscaling";
import { accessAnalyzerHandlers, cloudTrailHandlers } from "@/lib/sandbox/handlers/cloudtrail-analyzer";
import { ec2Handlers } from "@/lib/sandbox/handlers/ec2";
import { identityStoreHandlers, ssoAdminHandlers } from "@/lib/sandbox/handlers/identity-center";
import { iamHandlers } from "@/lib/sandbox/handlers/iam";
import { getAccountAuthorizationDetails } from "@/lib/sandbox/handlers/iam-authorization-details";
import { organizationsHandlers } from "@/lib/sandbox/handlers/organizations";
import { s3ControlHandlers, s3Handlers } from "@/lib/sandbox/handlers/s3";
import { stsHandlers } from "@/lib/sandbox/handlers/sts";
import type { Handler } from "@/lib/sandbox/handlers/types";

/** `context.clientName` as each client package sets it (the nested STS client of credential providers too). */
export const SERVICE_BY_CLIENT: Readonly<Record<string, SandboxService>> = {
  IAMClient: "iam",
  STSClient: "sts",
  EC2Client: "ec2",
  AutoScalingClient: "autoscaling",
  S3Client: "s3",
  S3ControlClient: "s3control",
  CloudTrailClient: "cloudtrail",
  AccessAnalyzerClient: "accessanalyzer",
  OrganizationsClient: "organizations",
  SSOAdminClient: "sso-admin",
  IdentitystoreClient: "identitystore",
};

export const HANDLERS: Readonly<Record<SandboxService, Readonly<Record<string, Handler>>>> = {
  iam: { ...iamHandlers, GetAccountAuthorizationDetails: getAccountAuthorizationDetails },
  sts: stsHandlers,
  ec2: ec2Handlers,
  autoscaling: autoScalingHandlers,
  s3: s3Handlers,
  s3control: s3ControlHandlers,
  cloudtrail: cloudTrailHandlers,
  accessanalyzer: accessAnalyzerHandlers,
  organizations: organizationsHandlers,
  "sso-admin": ssoAdminHandlers,
  identitystore: identityStoreHandlers,
};

/**
 * Services answered per region, where a region the account has not enabled is refused like
 * AWS refuses it. IAM and Organizations are global; STS applies its own regional rules.
 */
export const REGIONAL_SERVICES: ReadonlySet<SandboxService> = new Set(["ec2", "autoscaling", "s3", "s3control", "cloudtrail", "accessanalyzer", "sso-admin", "identitystore"]);
