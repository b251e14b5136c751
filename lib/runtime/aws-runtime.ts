/**
 * The composition root for AWS access: real AWS through the default credential provider chain,
 * or the built-in sandbox organization when there are no credentials (or IAMFIT_SANDBOX=1).
 * This is the only place that knows the difference: lib/aws and lib/collect get a factory.
 */
import type { Pluggable } from "@smithy/types";
import { detectBaseCredentials } from "@/lib/aws/base-credentials";
import { createAccountClients, type AccountClients, type AwsConnectionOptions } from "@/lib/aws/client-factory";
import type { IamfitEnv } from "@/lib/env";
import { createSandboxWorld, sandboxPlugin, SANDBOX_BASE_CREDENTIALS, type SandboxWorld } from "@/lib/sandbox";
import { callCounterPlugin } from "./call-counter";

export interface AwsRuntime {
  mode: "aws" | "sandbox";
  /** One line for logs and the UI: where credentials came from, or why the sandbox is used. */
  description: string;
  sandbox?: SandboxWorld;
  clientsFor(target: { awsAccountId: string; roleArn: string; externalId: string }): {
    clients: AccountClients;
    apiCalls: () => number;
  };
  connectionOptions(): AwsConnectionOptions;
}

export async function createAwsRuntime(
  config: IamfitEnv,
  options: { externalId: string; sandboxMutations?: unknown[]; extraPlugins?: Pluggable<any, any>[] },
): Promise<AwsRuntime> {
  let base: { credentials: AwsConnectionOptions["credentials"]; plugins: Pluggable<any, any>[] };
  let mode: AwsRuntime["mode"];
  let description: string;
  let sandbox: SandboxWorld | undefined;

  const detected = config.IAMFIT_SANDBOX ? undefined : await detectBaseCredentials();
  if (detected?.found) {
    mode = "aws";
    description = `AWS credentials from ${detected.source}`;
    base = { credentials: detected.provider, plugins: [] };
  } else {
    mode = "sandbox";
    description = config.IAMFIT_SANDBOX
      ? "sandbox organization (IAMFIT_SANDBOX=1)"
      : `sandbox organization (no AWS credentials found: ${detected?.reason ?? "none"})`;
    sandbox = createSandboxWorld({
      seed: config.IAMFIT_SANDBOX_SEED,
      generatedAccounts: config.IAMFIT_SANDBOX_ACCOUNTS,
      externalId: options.externalId,
    });
    for (const mutation of options.sandboxMutations ?? []) sandbox.applyMutation(mutation as never);
    const latencyMs = config.IAMFIT_SANDBOX_LATENCY_MS;
    base = { credentials: async () => SANDBOX_BASE_CREDENTIALS, plugins: [sandboxPlugin(sandbox, latencyMs > 0 ? { latencyMs } : undefined)] };
  }
  const connectionOptions = (): AwsConnectionOptions => ({
    credentials: base.credentials,
    plugins: [...(options.extraPlugins ?? []), ...base.plugins],
  });
  return {
    mode,
    description,
    sandbox,
    connectionOptions,
    clientsFor(target) {
      const counter = callCounterPlugin();
      const connection = connectionOptions();
      const clients = createAccountClients(
        { ...connection, plugins: [counter.plugin, ...(connection.plugins ?? [])] },
        { accountId: target.awsAccountId, roleArn: target.roleArn, externalId: target.externalId },
      );
      return { clients, apiCalls: counter.count };
    },
  };
}
