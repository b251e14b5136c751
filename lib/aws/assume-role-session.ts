/**
 * The audit role session for one account: AssumeRole with the ExternalId through an STS client
 * made by the factory (so the caller's plugins and limits apply to it too), shared by every client
 * of the account, renewed shortly before it expires. Credentials are never logged.
 */
import { AssumeRoleCommand, type STSClient } from "@aws-sdk/client-sts";
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from "@smithy/types";

/** The minimum AssumeRole allows; a collection renews it as needed, and a leaked one dies quickly. */
export const SESSION_DURATION_SECONDS = 900;
/** Renew this long before expiry, so no request is signed with credentials about to lapse. */
export const SESSION_REFRESH_MARGIN_MS = 90_000;

export interface AssumeRoleTarget {
  roleArn: string;
  externalId: string;
  sessionName: string;
}

export function assumeRoleSession(
  sts: () => STSClient,
  target: AssumeRoleTarget,
  now: () => number = Date.now,
): AwsCredentialIdentityProvider {
  let current: AwsCredentialIdentity | undefined;
  let pending: Promise<AwsCredentialIdentity> | undefined;

  const fresh = (identity: AwsCredentialIdentity | undefined, marginMs: number) =>
    identity !== undefined && (identity.expiration === undefined || identity.expiration.getTime() - now() > marginMs);

  const assume = async (): Promise<AwsCredentialIdentity> => {
    const { Credentials } = await sts().send(
      new AssumeRoleCommand({
        RoleArn: target.roleArn,
        RoleSessionName: target.sessionName,
        ExternalId: target.externalId,
        DurationSeconds: SESSION_DURATION_SECONDS,
      }),
    );
    if (!Credentials?.AccessKeyId || !Credentials.SecretAccessKey) {
      throw Object.assign(new Error(`AssumeRole of ${target.roleArn} answered without credentials`), {
        name: "InvalidResponse",
      });
    }
    const expiration = Credentials.Expiration === undefined ? undefined : new Date(Credentials.Expiration);
    return {
      accessKeyId: Credentials.AccessKeyId,
      secretAccessKey: Credentials.SecretAccessKey,
      ...(Credentials.SessionToken ? { sessionToken: Credentials.SessionToken } : {}),
      ...(expiration && !Number.isNaN(expiration.getTime()) ? { expiration } : {}),
    };
  };

  return async () => {
    if (fresh(current, SESSION_REFRESH_MARGIN_MS)) return current as AwsCredentialIdentity;
    pending ??= assume()
      .then((identity) => {
        current = identity;
        return identity;
      })
      .finally(() => {
        pending = undefined;
      });
    try {
      return await pending;
    } catch (error) {
      // A failed renewal must not break calls while the old session is still good for a while.
      if (fresh(current, 10_000)) return current as AwsCredentialIdentity;
      throw error;
    }
  };
}
