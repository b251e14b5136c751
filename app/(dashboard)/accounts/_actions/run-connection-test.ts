/**
 * Runs lib/aws's connection test with this process's AWS runtime (real AWS or the sandbox) and
 * turns the outcome, or why it could not run, into what the UI shows.
 */
import "server-only";
import type { ConnectionTestView } from "@/components/accounts/connection-test-result";
import { testConnection } from "@/lib/aws/test-connection";
import { processServices } from "@/lib/runtime/process-services";

export async function runConnectionTest(target: { accountId: string; roleArn: string; externalId: string }): Promise<ConnectionTestView> {
  const testedAt = new Date().toISOString();
  try {
    const { aws } = processServices();
    const result = await testConnection(aws.connectionOptions(), target);
    return {
      ok: result.ok,
      testedAt,
      steps: result.steps.map((step) => ({
        api: step.api,
        ok: step.ok,
        ...(step.region ? { region: step.region } : {}),
        ...(step.error ? { error: { api: step.error.api, code: step.error.code, message: step.error.message } } : {}),
        ...(step.hint ? { hint: step.hint } : {}),
      })),
    };
  } catch (error) {
    return {
      ok: false,
      testedAt,
      steps: [],
      failure: error instanceof Error ? error.message : String(error),
    };
  }
}
