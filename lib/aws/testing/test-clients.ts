/**
 * Test-only: AccountClients for one fake account whose calls are answered by the stub plugin,
 * with the SDK's own retry strategy (so throttling is classified and retried as in production)
 * but 1 ms between attempts.
 */
import { ConfiguredRetryStrategy } from "@smithy/core/retry";
import { createAccountClients, createBaseClients, type AccountTarget, type AwsConnectionOptions } from "../client-factory";
import { stubPlugin, type StubTable } from "./stub-plugin";

export const TEST_TARGET: AccountTarget = {
  accountId: "111122223333",
  roleArn: "arn:aws:iam::111122223333:role/iamfit-audit",
  externalId: "iamfit-test-external-id",
};

export const BASE_CREDENTIALS = { accessKeyId: "AKIDBASEEXAMPLE", secretAccessKey: "base-secret-for-tests" };

export function fastRetries(maxAttempts = 3): ConfiguredRetryStrategy {
  return new ConfiguredRetryStrategy(maxAttempts, 1);
}

export function assumeRoleOutput(expiresInMs = 900_000) {
  return {
    Credentials: {
      AccessKeyId: "ASIASESSIONEXAMPLE01",
      SecretAccessKey: "session-secret-for-tests",
      SessionToken: "session-token-for-tests",
      Expiration: new Date(Date.now() + expiresInMs),
    },
    AssumedRoleUser: { Arn: `arn:aws:sts::${TEST_TARGET.accountId}:assumed-role/iamfit-audit/iamfit-${TEST_TARGET.accountId}` },
  };
}

export function stubbedAccountClients(table: StubTable, overrides: Partial<AwsConnectionOptions> = {}) {
  const stub = stubPlugin({ AssumeRole: assumeRoleOutput(), ...table });
  const clients = createAccountClients(
    {
      credentials: async () => BASE_CREDENTIALS,
      retryStrategy: fastRetries(),
      ...overrides,
      plugins: [stub.plugin, ...(overrides.plugins ?? [])],
    },
    TEST_TARGET,
  );
  return { clients, calls: stub.calls };
}

export function stubbedBaseClients(table: StubTable) {
  const stub = stubPlugin(table);
  const clients = createBaseClients(
    { credentials: async () => BASE_CREDENTIALS, retryStrategy: fastRetries(), plugins: [stub.plugin] },
    TEST_TARGET.accountId,
  );
  return { clients, calls: stub.calls };
}
