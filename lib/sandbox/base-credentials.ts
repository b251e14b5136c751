/**
 * The static credentials of the sandbox's "security tooling" account: the IAM user
 * `iamfit-auditor` that iamfit runs as. They only mean something to the sandbox plugin.
 */
import type { AwsCredentialIdentity } from "@smithy/types";

// Not frozen: the SDK records where credentials came from by adding `$source` to the object.
export const SANDBOX_BASE_CREDENTIALS: AwsCredentialIdentity = {
  accessKeyId: "AKIAIAMFITSANDBOX001",
  secretAccessKey: "iamfit/sandbox/not-a-secret/000000000000",
};

export const BASE_USER_NAME = "iamfit-auditor";
