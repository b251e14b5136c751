import type { SandboxService } from "@/lib/sandbox/aws-errors";
import type { SandboxAccount } from "@/lib/sandbox/model";
import type { SandboxWorld, WorldInternals } from "@/lib/sandbox/world";

/** Who signed the request, as the sandbox resolved it from the SigV4 access key id. */
export interface CallerIdentity {
  accountId: string;
  /** arn:aws:iam::…:user/… or arn:aws:sts::…:assumed-role/…/… */
  arn: string;
  /** AIDA… for a user; AROA…:session for a role session. */
  userId: string;
  /** Set for role sessions: the assumed role's IAM ARN (what trust policies name). */
  roleArn?: string;
}

/** One SDK command as a handler sees it. */
export interface SandboxCall {
  world: SandboxWorld;
  internals: WorldInternals;
  service: SandboxService;
  /** "iam:GetAccountSummary" */
  api: string;
  /** Region from the SigV4 credential scope. */
  region: string;
  requestId: string;
  // Each handler narrows the input to its command's input type.
  input: Record<string, unknown>;
  caller: CallerIdentity;
  /** The caller's account (the account the call is about for every API but sts:AssumeRole). */
  account: SandboxAccount;
}

/** Returns the command's output without $metadata (the plugin adds it). */
export type Handler = (call: SandboxCall) => object | Promise<object>;

/** The command input, typed as the handler's command declares it (the SDK validated nothing more). */
export function inputOf<T>(call: SandboxCall): T {
  return call.input as unknown as T;
}
