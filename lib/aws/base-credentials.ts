/**
 * Does this machine have AWS credentials? The SDK's default provider chain (environment, SSO,
 * shared config and credentials files, credential_process, web identity, container endpoint,
 * EC2 instance metadata) answers, within about two seconds even where there are none, so a
 * newcomer without AWS gets the sandbox at once instead of a hang.
 */
import { fromNodeProviderChain } from "@aws-sdk/credential-providers";
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from "@smithy/types";
import { sanitizeMessage } from "./errors";

export type BaseCredentialsDetection =
  | { found: true; provider: AwsCredentialIdentityProvider; source: string }
  | { found: false; reason: string };

/**
 * Instance metadata (IMDS) is the slow link where there is no EC2: the provider asks for an
 * IMDSv2 token, then falls back to IMDSv1, each waiting `timeout` ms (SDK default 1000, one
 * attempt) when the address black-holes. 500 ms with no retries bounds it near one second; on EC2
 * IMDS answers in milliseconds. AWS_EC2_METADATA_DISABLED=true skips it entirely (the SDK honours it).
 */
const IMDS_TIMEOUT_MS = 500;
const DETECTION_TIMEOUT_MS = 2_500;

/**
 * `env` defaults to process.env. The SDK's providers read process.env themselves, so another
 * env object is swapped in while the chain first resolves (tests; start-up is single-threaded),
 * and the returned provider reads process.env afterwards.
 */
export type Environment = Record<string, string | undefined>;

export async function detectBaseCredentials(env: Environment = process.env): Promise<BaseCredentialsDetection> {
  const saved = process.env;
  const swap = env !== process.env;
  if (swap) process.env = env as NodeJS.ProcessEnv;
  try {
    const provider = fromNodeProviderChain({ timeout: IMDS_TIMEOUT_MS, maxRetries: 0 });
    const identity = await withTimeout(provider(), DETECTION_TIMEOUT_MS);
    if (identity === "timeout") {
      return { found: false, reason: `no credential provider answered within ${DETECTION_TIMEOUT_MS / 1000} s` };
    }
    return { found: true, provider, source: describeSource(identity, env) };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return {
      found: false,
      reason:
        "no AWS credentials in the environment, the shared config files, SSO, web identity, a container endpoint " +
        `or instance metadata (${sanitizeMessage(message)})`,
    };
  } finally {
    if (swap) process.env = saved;
  }
}

/** The SDK tags credentials with where they came from (`$source`, its user-agent feature ids). */
export function describeSource(identity: AwsCredentialIdentity, env: Environment): string {
  const features = Object.keys((identity as { $source?: Record<string, unknown> }).$source ?? {});
  const has = (...names: string[]) => names.some((name) => features.includes(name));
  const profile = `profile "${env.AWS_PROFILE ?? "default"}"`;
  if (has("CREDENTIALS_ENV_VARS")) return "environment";
  if (has("CREDENTIALS_SSO", "CREDENTIALS_SSO_LEGACY", "CREDENTIALS_PROFILE_SSO", "CREDENTIALS_PROFILE_SSO_LEGACY")) {
    return `IAM Identity Center (SSO), ${profile}`;
  }
  if (has("CREDENTIALS_PROCESS", "CREDENTIALS_PROFILE_PROCESS")) return `credential_process, ${profile}`;
  if (has("CREDENTIALS_LOGIN", "CREDENTIALS_PROFILE_LOGIN")) return `aws login, ${profile}`;
  if (has("CREDENTIALS_ENV_VARS_STS_WEB_ID_TOKEN", "CREDENTIALS_PROFILE_STS_WEB_ID_TOKEN", "CREDENTIALS_STS_ASSUME_ROLE_WEB_ID")) {
    return "web identity token";
  }
  if (has("CREDENTIALS_HTTP")) return "container credentials endpoint";
  if (has("CREDENTIALS_IMDS")) return "EC2 instance metadata";
  if (has("CREDENTIALS_PROFILE", "CREDENTIALS_PROFILE_SOURCE_PROFILE", "CREDENTIALS_PROFILE_NAMED_PROVIDER")) {
    return `shared config files, ${profile}`;
  }
  return "the AWS SDK default credential chain";
}

async function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T | "timeout"> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<"timeout">((resolve) => {
    timer = setTimeout(() => resolve("timeout"), ms);
    timer.unref();
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
