/**
 * Who is calling: the access key id and region from the request's SigV4 Authorization header
 * (`Credential=<accessKeyId>/<date>/<region>/<service>/aws4_request`), resolved to the base
 * user or a session issued by the sandbox's AssumeRole.
 */
import { expiredTokenError, invalidCredentialsError, type SandboxService } from "@/lib/sandbox/aws-errors";
import { SANDBOX_BASE_CREDENTIALS } from "@/lib/sandbox/base-credentials";
import type { CallerIdentity } from "@/lib/sandbox/handlers/types";
import { arns } from "@/lib/sandbox/identifiers";
import type { SandboxAccount } from "@/lib/sandbox/model";
import type { SandboxWorld, WorldInternals } from "@/lib/sandbox/world";

export interface SigV4Scope {
  accessKeyId: string;
  region: string;
  signingService: string;
}

const CREDENTIAL_SCOPE = /Credential=([^/,\s]+)\/\d{8}\/([^/]+)\/([^/]+)\/aws4_request/;

export function parseAuthorization(headers: Record<string, string | undefined> | undefined): SigV4Scope | undefined {
  if (!headers) return undefined;
  // The SDK's signer writes it in lower case; look further only for other callers.
  const header = headers.authorization ?? Object.entries(headers).find(([name]) => name.toLowerCase() === "authorization")?.[1];
  const match = header ? CREDENTIAL_SCOPE.exec(header) : null;
  if (!match?.[1] || !match[2] || !match[3]) return undefined;
  return { accessKeyId: match[1], region: match[2], signingService: match[3] };
}

export interface ResolvedCaller {
  caller: CallerIdentity;
  account: SandboxAccount;
}

export function resolveCaller(
  world: SandboxWorld,
  internals: WorldInternals,
  service: SandboxService,
  accessKeyId: string,
  requestId: string,
): ResolvedCaller {
  if (accessKeyId === SANDBOX_BASE_CREDENTIALS.accessKeyId) {
    const account = world.account(world.baseAccountId);
    const user = account?.users.find((candidate) => candidate.accessKeys.some((key) => key.accessKeyId === accessKeyId && key.active));
    // Deactivating the auditor's key (a mutation) locks iamfit out, as it would in AWS.
    if (!account || !user) throw invalidCredentialsError(service, requestId);
    return {
      account,
      caller: { accountId: account.accountId, arn: arns.user(account.accountId, user.path, user.userName), userId: user.userId },
    };
  }
  const session = internals.sessions.find(accessKeyId);
  if (!session) throw invalidCredentialsError(service, requestId);
  if (internals.sessions.isExpired(session)) throw expiredTokenError(service, requestId);
  const account = world.account(session.accountId);
  if (!account) throw invalidCredentialsError(service, requestId);
  return {
    account,
    caller: {
      accountId: session.accountId,
      arn: arns.assumedRole(session.accountId, session.roleName, session.sessionName),
      userId: `${session.roleId}:${session.sessionName}`,
      roleArn: session.roleArn,
    },
  };
}
