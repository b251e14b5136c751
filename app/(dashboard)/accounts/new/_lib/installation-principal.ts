/**
 * Who iamfit runs as, for the trust policy an account owner deploys: the root of the account
 * its base credentials belong to (sts:GetCallerIdentity), which lets that account's IAM decide
 * which of its principals may assume the audit role. Asked once per process; when it cannot be
 * told (no credentials yet, offline), a placeholder the user must replace.
 */
import "server-only";
import { GetCallerIdentityCommand } from "@aws-sdk/client-sts";
import type { InstallationPrincipalView } from "@/components/accounts/trust-policy-panel";
import { createBaseClients, SESSION_REGION } from "@/lib/aws/client-factory";
import { processServices } from "@/lib/runtime/process-services";

export const PLACEHOLDER_PRINCIPAL = "arn:aws:iam::<ACCOUNT_ID_WHERE_IAMFIT_RUNS>:root";

const CACHE_KEY = Symbol.for("iamfit.installationPrincipal");
// A failed lookup is retried after a minute (credentials may appear), not on every page view.
const RETRY_AFTER_MS = 60_000;

type Cached = { principal: InstallationPrincipalView; until: number };

export async function installationPrincipal(): Promise<InstallationPrincipalView> {
  const store = globalThis as Record<symbol, Cached | undefined>;
  const cached = store[CACHE_KEY];
  if (cached && cached.until > Date.now()) return cached.principal;
  let clients: ReturnType<typeof createBaseClients> | undefined;
  try {
    const { aws } = processServices();
    clients = createBaseClients({ ...aws.connectionOptions(), maxAttempts: 2 });
    const identity = await clients
      .sts(SESSION_REGION)
      .send(new GetCallerIdentityCommand({}), { abortSignal: AbortSignal.timeout(5_000) });
    if (identity.Account && /^\d{12}$/.test(identity.Account)) {
      // The sandbox answers with its own made-up account: real-looking, but nobody's to trust.
      const principal = { arn: `arn:aws:iam::${identity.Account}:root`, known: true, sandbox: aws.mode === "sandbox" };
      store[CACHE_KEY] = { principal, until: Number.POSITIVE_INFINITY };
      return principal;
    }
  } catch {
    // Falls through to the placeholder.
  } finally {
    clients?.destroy();
  }
  const placeholder = { arn: PLACEHOLDER_PRINCIPAL, known: false, sandbox: false };
  store[CACHE_KEY] = { principal: placeholder, until: Date.now() + RETRY_AFTER_MS };
  return placeholder;
}
